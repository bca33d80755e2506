import type { Bindings, MediaKind } from '../model.ts';
import { DEFAULT_LANGUAGE_KEY, MEDIA_KINDS, type TextField } from '../survey-tree.ts';

/** What a column header means, after pyxform's aliases and case-insensitivity. */
export type ColumnMeaning =
  | { kind: 'type' | 'name' | 'listName' | 'parameters' | 'sensitivity' | 'saveTo' }
  | { kind: 'text'; field: TextField; lang: string }
  | { kind: 'media'; media: MediaKind; lang: string }
  | { kind: 'bind'; field: keyof Bindings }
  | { kind: 'extra' };

const PLAIN: Record<string, ColumnMeaning> = {
  type: { kind: 'type' },
  command: { kind: 'type' },
  name: { kind: 'name' },
  value: { kind: 'name' },
  tag: { kind: 'name' },
  list_name: { kind: 'listName' },
  parameters: { kind: 'parameters' },
  sensitivity: { kind: 'sensitivity' },
  save_to: { kind: 'saveTo' },
};

const BIND_ALIASES: Record<string, keyof Bindings> = {
  relevant: 'relevant',
  relevance: 'relevant',
  'bind::relevant': 'relevant',
  constraint: 'constraint',
  'bind::constraint': 'constraint',
  calculation: 'calculation',
  calculate: 'calculation',
  'bind::calculate': 'calculation',
  required: 'required',
  'bind::required': 'required',
  read_only: 'readOnly',
  readonly: 'readOnly',
  'bind::readonly': 'readOnly',
  default: 'default',
  choice_filter: 'choiceFilter',
  repeat_count: 'repeatCount',
  count: 'repeatCount',
  'jr:count': 'repeatCount',
  'control::jr:count': 'repeatCount',
  appearance: 'appearance',
  'control::appearance': 'appearance',
  trigger: 'trigger',
};

const TEXT_ALIASES: Record<string, TextField> = {
  label: 'label',
  caption: 'label',
  hint: 'hint',
  guidance_hint: 'guidanceHint',
  constraint_message: 'constraintMessage',
  constraining_message: 'constraintMessage',
  'jr:constraintmsg': 'constraintMessage',
  'bind::jr:constraintmsg': 'constraintMessage',
  required_message: 'requiredMessage',
  requiredmsg: 'requiredMessage',
  'jr:requiredmsg': 'requiredMessage',
  'bind::jr:requiredmsg': 'requiredMessage',
};

/** Header text written on export for each text field (no language → the bare name). */
export const TEXT_HEADERS: Record<TextField, string> = {
  label: 'label',
  hint: 'hint',
  guidanceHint: 'guidance_hint',
  constraintMessage: 'constraint_message',
  requiredMessage: 'required_message',
};
export const BIND_HEADERS: Record<keyof Bindings, string> = {
  relevant: 'relevant',
  constraint: 'constraint',
  calculation: 'calculation',
  required: 'required',
  readOnly: 'read_only',
  default: 'default',
  choiceFilter: 'choice_filter',
  repeatCount: 'repeat_count',
  appearance: 'appearance',
  trigger: 'trigger',
};

function isMedia(word: string): word is MediaKind {
  return (MEDIA_KINDS as readonly string[]).includes(word);
}

/** pyxform's to_snake_case: lower case, runs of spaces to one underscore. */
function snake(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '_');
}

function meaningOfBase(rawBase: string, lang: string): ColumnMeaning | null {
  const base = snake(rawBase);
  const text = TEXT_ALIASES[base];
  if (text) return { kind: 'text', field: text, lang };
  if (isMedia(base)) return { kind: 'media', media: base, lang };
  if (lang !== DEFAULT_LANGUAGE_KEY) return null;
  const plain = PLAIN[base];
  if (plain) return plain;
  const bind = BIND_ALIASES[base];
  return bind ? { kind: 'bind', field: bind } : null;
}

/**
 * Reads a header like pyxform: `label::English (en)`, `label:English`, `media::audio::chinese`,
 * `bind:constraint`, `jr:count`, in any case. Languages keep their case.
 * `doubleColonSheet`: pyxform only splits on a single `:` when no header in the sheet uses `::`.
 */
export function meaningOfHeader(header: string, doubleColonSheet: boolean): ColumnMeaning {
  const meaning = splitHeader(header, doubleColonSheet);
  if (meaning.kind !== 'extra' || !doubleColonSheet || header.includes('::')) return meaning;
  // `label:English` beside `label::isiZulu (zu)`: still a language, as people mix both spellings.
  const single = splitHeader(header, false);
  return single.kind === 'text' || single.kind === 'media' ? single : meaning;
}

function splitHeader(header: string, doubleColonSheet: boolean): ColumnMeaning {
  const whole = meaningOfBase(header.trim().toLowerCase(), DEFAULT_LANGUAGE_KEY);
  if (whole) return whole;
  const parts = header
    .split(doubleColonSheet ? '::' : ':')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [first, ...rest] = parts;
  if (!first || rest.length === 0) return { kind: 'extra' };
  let base = first.toLowerCase();
  if (base === 'media' && rest.length > 0) base = rest.shift()!.toLowerCase();
  else if ((base === 'bind' || base === 'control') && rest.length > 0) {
    const tail = rest.join(':').toLowerCase();
    const meaning =
      meaningOfBase(`${base}::${tail}`, DEFAULT_LANGUAGE_KEY) ?? meaningOfBase(tail, DEFAULT_LANGUAGE_KEY);
    return meaning ?? { kind: 'extra' };
  }
  const lang = rest.length > 0 ? rest.join(doubleColonSheet ? '::' : ':') : DEFAULT_LANGUAGE_KEY;
  return meaningOfBase(base, lang) ?? { kind: 'extra' };
}

/** A key that is equal for two headers meaning the same column, to find duplicates. */
export function meaningKey(meaning: ColumnMeaning, header: string): string {
  switch (meaning.kind) {
    case 'text':
      return `text:${meaning.field}:${meaning.lang}`;
    case 'media':
      return `media:${meaning.media}:${meaning.lang}`;
    case 'bind':
      return `bind:${meaning.field}`;
    case 'extra':
      return `extra:${header.trim().toLowerCase()}`;
    default:
      return meaning.kind;
  }
}
