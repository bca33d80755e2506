import { normalizeExpression } from '../../xlsform/testing/compare.ts';
import { labelText } from '../../xlsform/testing/xform.ts';
import { descendants, find, type XmlElement } from '../../xlsform/testing/xml.ts';

/**
 * An XForm as a flat map of fields (instance tree, bind attributes, itext, controls, appearances,
 * choices), so two XForms are compared field by field and each difference is named by its key.
 */
export type XFormFields = Map<string, string>;

const EXPRESSION_ATTRS = new Set(['relevant', 'constraint', 'calculate', 'required', 'readonly', 'jr:count']);
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

/** Labels with `<output value="/a/b"/>` as §b, whitespace collapsed (see labelText). */
const text = (element: XmlElement) => labelText(element);

export function xformFields(doc: XmlElement): XFormFields {
  const fields: XFormFields = new Map();
  const model = find(doc, 'model')!;
  const instances = model.children.filter((c) => c.tag === 'instance');
  const primary = instances.find((i) => !i.attrs.id)!.children[0]!;
  fields.set('root', primary.tag);
  const walk = (element: XmlElement, path: string) => {
    const seen = new Set<string>();
    const names: string[] = [];
    for (const child of element.children) {
      if (seen.has(child.tag)) continue;
      seen.add(child.tag);
      names.push(child.tag);
      const childPath = `${path}/${child.tag}`;
      const repeat = element.children.some(
        (c) => c.tag === child.tag && c.attrs['jr:template'] !== undefined,
      );
      if (repeat) fields.set(`instance ${childPath} repeat`, 'true');
      if (child.children.length === 0 && child.text.trim())
        fields.set(`instance ${childPath} default`, child.text.trim());
      walk(child, childPath);
    }
    if (names.length) fields.set(`instance ${path} children`, names.join(','));
  };
  walk(primary, `/${primary.tag}`);

  for (const bind of model.children.filter((c) => c.tag === 'bind')) {
    for (const [attr, value] of Object.entries(bind.attrs)) {
      if (attr === 'nodeset') continue;
      fields.set(
        `bind ${bind.attrs.nodeset} ${attr}`,
        EXPRESSION_ATTRS.has(attr) ? normalizeExpression(value) : value,
      );
    }
  }

  const itext = new Map<string, Map<string, XmlElement>>();
  for (const translation of find(model, 'itext')?.children ?? []) {
    const lang = translation.attrs.lang ?? '';
    if (translation.attrs.default) fields.set('itext default', lang);
    const texts = new Map<string, XmlElement>();
    for (const entry of translation.children) {
      texts.set(entry.attrs.id ?? '', entry);
      for (const value of entry.children)
        fields.set(`itext ${lang} ${entry.attrs.id} ${value.attrs.form ?? 'text'}`, text(value));
    }
    itext.set(lang, texts);
  }
  const resolved = (element: XmlElement | undefined): string | undefined => {
    if (!element) return undefined;
    const id = /jr:itext\('([^']+)'\)/.exec(element.attrs.ref ?? '')?.[1];
    if (!id) return text(element);
    // Translation order carries no meaning: languages are compared sorted.
    return [...itext]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([lang, texts]) => {
        const plain = texts.get(id)?.children.find((v) => !v.attrs.form);
        return `${lang}=${plain ? text(plain) : ''}`;
      })
      .join('|');
  };

  for (const instance of instances.filter((i) => i.attrs.id)) {
    const id = instance.attrs.id!;
    if (instance.attrs.src) fields.set(`choices ${id} src`, instance.attrs.src);
    const items = instance.children[0]?.children.filter((c) => c.tag === 'item') ?? [];
    if (!instance.attrs.src)
      fields.set(
        `choices ${id}`,
        items.map((i) => i.children.find((c) => c.tag === 'name')?.text.trim()).join(','),
      );
    for (const item of items) {
      const name = item.children.find((c) => c.tag === 'name')?.text.trim();
      const itextId = item.children.find((c) => c.tag === 'itextId')?.text.trim();
      const label = itextId
        ? resolved({
            tag: 'label',
            attrs: { ref: `jr:itext('${itextId}')` },
            children: [],
            text: '',
            parts: [],
          })
        : resolved(item.children.find((c) => c.tag === 'label'));
      fields.set(`choices ${id} ${name} label`, label ?? '');
    }
  }

  const body = find(doc, 'h:body') ?? doc;
  for (const control of descendants(body)) {
    if (!CONTROL_TAGS.has(control.tag)) continue;
    const ref = control.attrs.ref ?? control.attrs.nodeset ?? '';
    const key = `control ${ref} ${control.tag}`;
    fields.set(key, 'present');
    for (const [attr, value] of Object.entries(control.attrs)) {
      if (attr === 'ref' || attr === 'nodeset') continue;
      fields.set(`${key} ${attr}`, EXPRESSION_ATTRS.has(attr) ? normalizeExpression(value) : value);
    }
    for (const part of ['label', 'hint'] as const) {
      const value = resolved(control.children.find((c) => c.tag === part));
      if (value !== undefined) fields.set(`${key} ${part}`, value);
    }
    const set = control.children.find((c) => c.tag === 'itemset');
    if (set) fields.set(`${key} itemset`, normalizeExpression(set.attrs.nodeset ?? ''));
  }
  return fields;
}

/** Every field whose value differs, or that only one side has. */
export function diffFields(ours: XFormFields, theirs: XFormFields): string[] {
  const out: string[] = [];
  for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = ours.get(key);
    const b = theirs.get(key);
    if (a !== b) out.push(`${key}: ours ${JSON.stringify(a)}, pyxform ${JSON.stringify(b)}`);
  }
  return out;
}
