// What the renderer needs of a form beyond its nodes and engine fields (which come from
// @coproduce/forms' submission module, shared with the server): languages, texts, choice rows, ids.
import type { Choice, Form, SurveyItem, Translated } from '../lib.ts';

export { expandLoops } from '../../../../../packages/forms/src/loops.ts';
export {
  buildTree,
  engineFields,
  isShown,
  METADATA_TYPES,
  OTHER,
  type QuestionNode,
  type RenderNode,
  type SectionNode,
} from '../../../../../packages/forms/src/submission/fields.ts';

/** Languages used by the form's texts, `default` last so a named language is chosen first. */
export function languagesOf(form: Form): string[] {
  const seen = new Set<string>();
  const add = (t: Translated | undefined) => {
    for (const key of Object.keys(t ?? {})) seen.add(key);
  };
  const visit = (items: SurveyItem[]) => {
    for (const item of items) {
      add(item.label);
      add(item.hint);
      if (item.kind !== 'question') visit(item.children);
    }
  };
  visit(form.survey);
  for (const list of Object.values(form.choices)) for (const c of list) add(c.label);
  const named = [...seen].filter((l) => l !== 'default');
  return seen.has('default') || named.length === 0 ? [...named, 'default'] : named;
}

/** Text in the chosen language, else the default column, else any language at all. */
export function textIn(text: Translated | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text.default ?? Object.values(text).find((v) => v !== '') ?? '';
}

/** BCP-47 code of a form language: `English (en)` → en, a few names we know, else undefined. */
export function languageCode(language: string): string | undefined {
  const tagged = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$/.exec(language);
  if (tagged) return tagged[1];
  const known: Record<string, string> = {
    english: 'en',
    isizulu: 'zu',
    zulu: 'zu',
    isixhosa: 'xh',
    xhosa: 'xh',
    hindi: 'hi',
    marathi: 'mr',
    afrikaans: 'af',
    sesotho: 'st',
  };
  const name = language.trim().toLowerCase();
  if (known[name]) return known[name];
  return /^[a-z]{2,3}$/.test(name) ? name : undefined;
}

/** The name a form language is shown with: `isiZulu (zu)` → isiZulu. */
export function languageName(language: string, fallback: string): string {
  if (language === 'default') return fallback;
  return language.replace(/\s*\([^)]*\)\s*$/, '') || language;
}

export type ChoiceRow = Record<string, string> & { name: string };

export function choiceRows(choices: Choice[]): ChoiceRow[] {
  return choices.map((c) => ({ ...c.extra, name: c.name }));
}

/** The DOM id of a field instance's input, stable across renders so focus can find it. */
export function domId(path: string, indexes: readonly number[]): string {
  return `q${path.replace(/[^A-Za-z0-9_-]/g, '-')}${indexes.length ? `-${indexes.join('-')}` : ''}`;
}
