// From the form model to what the renderer walks (nodes with their paths) and what the engine
// computes (flat EngineFields). `or_other` gets its companion text question here, as pyxform does.
import type { Choice, EngineField, Form, Question, Section, SurveyItem, Translated } from '../lib.ts';

export interface QuestionNode {
  kind: 'question';
  path: string;
  item: Question;
  /** Path of the "specify other" text question for `or_other`, answered in the same widget. */
  otherPath?: string;
}
export interface SectionNode {
  kind: 'group' | 'repeat';
  path: string;
  item: Section;
  children: RenderNode[];
}
export type RenderNode = QuestionNode | SectionNode;

/** Types nobody answers by hand: computed, hidden or filled in from the device. */
export const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'username', 'instanceID']);
const NOT_SHOWN = new Set([
  'calculate',
  'hidden',
  ...METADATA_TYPES,
  'audit',
  'simserial',
  'subscriberid',
  'phonenumber',
  'email',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
  'xml-external',
  'csv-external',
]);

export function isShown(item: SurveyItem): boolean {
  return item.kind !== 'question' || !(NOT_SHOWN.has(item.type) || item.type.startsWith('uri:'));
}

export const OTHER = 'other';

export function buildTree(items: SurveyItem[], parent = ''): RenderNode[] {
  const nodes: RenderNode[] = [];
  for (const item of items) {
    const path = `${parent}/${item.name}`;
    if (item.kind === 'question') {
      nodes.push(
        item.orOther
          ? { kind: 'question', path, item, otherPath: `${path}_other` }
          : { kind: 'question', path, item },
      );
    } else if (item.kind === 'group' || item.kind === 'repeat') {
      nodes.push({ kind: item.kind, path, item, children: buildTree(item.children, path) });
    }
    // `begin loop` is kept by the importer but not supported: nothing to render.
  }
  return nodes;
}

const SELECTS = new Set(['select_one', 'select_multiple', 'rank']);

export function engineFields(nodes: RenderNode[], repeat?: string): EngineField[] {
  const out: EngineField[] = [];
  for (const node of nodes) {
    const { item, path } = node;
    const b = item.bind;
    const type =
      node.kind === 'group'
        ? 'begin_group'
        : node.kind === 'repeat'
          ? 'begin_repeat'
          : SELECTS.has(item.type) && 'list' in item && item.list
            ? `${item.type === 'select_multiple' ? 'select_multiple' : 'select_one'} ${item.list}`
            : item.type;
    const field: EngineField = { path, name: item.name, type };
    if (repeat) field.repeat = repeat;
    if (b.calculation) field.calculate = b.calculation;
    if (b.relevant) field.relevant = b.relevant;
    if (b.constraint) field.constraint = b.constraint;
    if (b.required) field.required = b.required;
    if (b.readOnly) field.readOnly = b.readOnly;
    if (b.default !== undefined && b.default !== '') field.default = b.default;
    if (b.choiceFilter) field.choiceFilter = b.choiceFilter;
    if (b.repeatCount) field.repeatCount = b.repeatCount;
    out.push(field);
    if (node.kind === 'question' && node.otherPath) {
      const other: EngineField = {
        path: node.otherPath,
        name: `${item.name}_other`,
        type: 'text',
        relevant: `selected(\${${item.name}}, '${OTHER}')`,
        required: 'yes',
      };
      if (repeat) other.repeat = repeat;
      out.push(other);
    }
    if (node.kind !== 'question')
      out.push(...engineFields(node.children, node.kind === 'repeat' ? path : repeat));
  }
  return out;
}

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
