import type { Form, SurveyItem } from '../model.ts';
import { walkSurvey } from '../survey-tree.ts';
import { el, type XmlNode } from './xml.ts';

/** Absolute instance paths of every named item, for turning `${name}` into XPath. */
export class PathIndex {
  readonly root: string;
  private readonly byName = new Map<string, string>();
  readonly pathOf = new Map<SurveyItem, string>();
  /** Items inside a repeat (at any depth): their first-load actions run per repeat instance. */
  readonly inRepeat = new Set<SurveyItem>();

  constructor(form: Form) {
    this.root = rootName(form);
    for (const { item, parents } of walkSurvey(form.survey)) {
      const path = `/${[this.root, ...parents.map((p) => p.name), item.name].join('/')}`;
      this.pathOf.set(item, path);
      if (parents.some((p) => p.kind === 'repeat')) this.inRepeat.add(item);
      // Names are unique in an accepted form; the first one wins otherwise.
      if (!this.byName.has(item.name)) this.byName.set(item.name, path);
    }
  }

  path(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** `${name}` → ` /data/…/name ` as pyxform writes it; unknown names stay as written. */
  expression(text: string): string {
    return text.replace(/\$\{\s*([^}]+?)\s*\}/g, (whole, name: string) => {
      const path = this.byName.get(name);
      return path ? ` ${path} ` : whole;
    });
  }

  /** A label or hint with `${name}` as `<output value=" /data/name "/>`. */
  textParts(text: string): (string | XmlNode)[] {
    const parts: (string | XmlNode)[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$\{\s*([^}]+?)\s*\}/g)) {
      const path = this.byName.get(m[1]!);
      if (!path) continue;
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push(el('output', { value: ` ${path} ` }));
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts.length ? parts : [''];
  }
}

/** The primary instance's root element: the `name` setting, or `data` as pyxform does. */
export function rootName(form: Form): string {
  const name = Object.entries(form.settings.extra)
    .find(([k]) => k.toLowerCase() === 'name')?.[1]
    ?.trim();
  return name && /^[A-Za-z_][\w.-]*$/.test(name) ? name : 'data';
}
