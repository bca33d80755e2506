/**
 * Constants and walkers of the form model that need no schema library, so that reading and
 * checking a workbook (`coproduce forms check`) starts without loading zod.
 */
import type { Form, Section, SurveyItem, Translated } from './model.ts';

export const DEFAULT_LANGUAGE_KEY = 'default';

export const MEDIA_KINDS = ['image', 'big-image', 'audio', 'video'] as const;

/** Texts shown to the person filling in the form. */
export const TEXT_FIELDS = ['label', 'hint', 'guidanceHint', 'constraintMessage', 'requiredMessage'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Languages used anywhere in the form, `default` first when present. */
export function formLanguages(form: Form): string[] {
  const seen = new Set<string>();
  const addAll = (texts: Translated | undefined) => {
    for (const lang of Object.keys(texts ?? {})) seen.add(lang);
  };
  const visit = (items: SurveyItem[]) => {
    for (const item of items) {
      for (const field of TEXT_FIELDS) addAll(item[field]);
      for (const kind of MEDIA_KINDS) addAll(item.media[kind]);
      if (item.kind !== 'question') visit(item.children);
    }
  };
  visit(form.survey);
  for (const list of Object.values(form.choices)) {
    for (const choice of list) {
      addAll(choice.label);
      for (const kind of MEDIA_KINDS) addAll(choice.media[kind]);
    }
  }
  const langs = [...seen].filter((l) => l !== DEFAULT_LANGUAGE_KEY);
  return seen.has(DEFAULT_LANGUAGE_KEY) ? [DEFAULT_LANGUAGE_KEY, ...langs] : langs;
}

/**
 * How deep groups and repeats may nest. Real forms stay under ten; the limit keeps the recursive
 * parts (zod's schema, the exporter, the walkers) far from the stack's end on untrusted input.
 */
export const maxSectionDepth = 100;
/** The JSON depth of a model at that nesting: two levels per section (item, children), plus headroom. */
export const maxModelJsonDepth = 2 * maxSectionDepth + 10;

/**
 * How deeply a parsed JSON value nests (objects and arrays), measured without recursion, so it is
 * safe to call on untrusted input before anything recursive reads it.
 */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Walks the survey depth first, with the path of group names to each item. */
export function* walkSurvey(
  items: SurveyItem[],
  parents: Section[] = [],
): Generator<{ item: SurveyItem; parents: Section[] }> {
  for (const item of items) {
    yield { item, parents };
    if (item.kind !== 'question') yield* walkSurvey(item.children, [...parents, item]);
  }
}
