import { descendants, find, type XmlElement } from './xml.ts';

/** What the conformance test reads from a pyxform XForm: structure, binds, labels, choices. */
export interface XFormSummary {
  root: string;
  /** Every primary-instance node below the root, by absolute path; `repeat` from `jr:template`. */
  nodes: Map<string, { repeat: boolean }>;
  binds: Map<string, Record<string, string>>;
  /** Body controls by ref, with their label per language (`*` when written inline). */
  controls: Map<string, { tag: string; label: Record<string, string>; items: XChoice[] | null }>;
  lists: Map<string, XChoice[]>;
  defaultLanguage: string | null;
}
export interface XChoice {
  name: string;
  label: Record<string, string>;
}

const CONTROL_TAGS = new Set([
  'input',
  'select1',
  'select',
  'upload',
  'trigger',
  'range',
  'odk:rank',
  'group',
  'repeat',
]);

/** Label text with `<output value="/a/b"/>` written as §b, whitespace collapsed. */
export function labelText(element: XmlElement): string {
  const text = element.parts
    .map((p) =>
      typeof p === 'string' ? p : p.tag === 'output' ? `§${lastSegment(p.attrs.value ?? '')}` : '',
    )
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}

function lastSegment(path: string): string {
  return path.trim().split('/').pop() ?? '';
}

export function readXForm(doc: XmlElement): XFormSummary {
  const model = find(doc, 'model')!;
  const instances = model.children.filter((c) => c.tag === 'instance');
  const primary = instances.find((i) => !i.attrs.id)!.children[0]!;
  const nodes = new Map<string, { repeat: boolean }>();
  const walk = (element: XmlElement, path: string) => {
    for (const child of element.children) {
      const childPath = `${path}/${child.tag}`;
      // A repeat shows as its template plus any initial copies: the template describes it.
      if (nodes.has(childPath) && child.attrs['jr:template'] === undefined) continue;
      nodes.set(childPath, { repeat: child.attrs['jr:template'] !== undefined });
      walk(child, childPath);
    }
  };
  walk(primary, `/${primary.tag}`);

  const translations = new Map<string, Map<string, string>>();
  let defaultLanguage: string | null = null;
  for (const translation of find(model, 'itext')?.children ?? []) {
    const lang = translation.attrs.lang ?? 'default';
    if (translation.attrs.default) defaultLanguage = lang;
    const texts = new Map<string, string>();
    for (const text of translation.children) {
      const plain = text.children.find((v) => v.tag === 'value' && !v.attrs.form);
      if (plain) texts.set(text.attrs.id ?? '', labelText(plain));
    }
    translations.set(lang, texts);
  }
  const translated = (id: string) => {
    const out: Record<string, string> = {};
    for (const [lang, texts] of translations) {
      const text = texts.get(id);
      if (text !== undefined) out[lang] = text;
    }
    return out;
  };
  const labelOf = (element: XmlElement | undefined): Record<string, string> => {
    if (!element) return {};
    const ref = /jr:itext\('([^']+)'\)/.exec(element.attrs.ref ?? '')?.[1];
    return ref ? translated(ref) : { '*': labelText(element) };
  };

  const lists = new Map<string, XChoice[]>();
  for (const instance of instances.filter((i) => i.attrs.id)) {
    const items = instance.children[0]?.children.filter((c) => c.tag === 'item') ?? [];
    lists.set(
      instance.attrs.id!,
      items.map((item) => {
        const field = (tag: string) => item.children.find((c) => c.tag === tag);
        const itextId = field('itextId')?.text.trim();
        const label = itextId ? translated(itextId) : { '*': labelText(field('label') ?? item) };
        return { name: field('name')?.text.trim() ?? '', label };
      }),
    );
  }

  const binds = new Map<string, Record<string, string>>();
  for (const bind of model.children.filter((c) => c.tag === 'bind'))
    binds.set(bind.attrs.nodeset ?? '', bind.attrs);

  const controls = new Map<string, { tag: string; label: Record<string, string>; items: XChoice[] | null }>();
  for (const control of descendants(find(doc, 'h:body') ?? doc)) {
    if (!CONTROL_TAGS.has(control.tag)) continue;
    const ref = control.attrs.ref ?? control.attrs.nodeset ?? '';
    const inline = control.children.filter((c) => c.tag === 'item');
    const items = inline.length
      ? inline.map((item) => ({
          name: item.children.find((c) => c.tag === 'value')?.text.trim() ?? '',
          label: labelOf(item.children.find((c) => c.tag === 'label')),
        }))
      : null;
    const label = labelOf(control.children.find((c) => c.tag === 'label'));
    const existing = controls.get(ref);
    // A repeat sits inside a group with the same ref that carries the label.
    if (!existing || Object.keys(existing.label).length === 0)
      controls.set(ref, { tag: control.tag, label, items });
  }
  return { root: primary.tag, nodes, binds, controls, lists, defaultLanguage };
}
