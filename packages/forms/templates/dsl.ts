import type {
  Bindings,
  Choice,
  Form,
  Question,
  Section,
  Sensitivity,
  SurveyItem,
  Translated,
} from '../src/model.ts';
import { HINDI } from './hindi.ts';

/**
 * A small vocabulary to write questionnaires readably: every text in English and isiZulu, written
 * side by side; its Hindi comes from hindi.ts by the English, so a text without one fails the build.
 */
export type Text = [en: string, zu: string];

export const EN = 'English (en)';
export const ZU = 'isiZulu (zu)';
export const HI = 'Hindi (hi)';

function hindi(english: string): string {
  const text = HINDI[english];
  if (!text) throw new Error(`templates/hindi.ts has no Hindi for "${english}"`);
  return text;
}

const both = (text: Text | undefined): Translated =>
  text ? { [EN]: text[0], [ZU]: text[1], [HI]: hindi(text[0]) } : {};

export interface Options extends Omit<Bindings, 'required'> {
  hint?: Text;
  constraintMessage?: Text;
  required?: boolean;
  sensitivity?: Sensitivity;
  parameters?: Record<string, string>;
  /** The entity property the answer is saved to (`list#property`, XLSForm's `save_to`). */
  saveTo?: string;
}

function fields(name: string, label: Text | undefined, options: Options = {}) {
  const { hint, constraintMessage, required, sensitivity, parameters, saveTo: _, ...bind } = options;
  return {
    name,
    label: both(label),
    hint: both(hint),
    guidanceHint: {},
    constraintMessage: both(constraintMessage),
    requiredMessage: {},
    media: {},
    bind: { ...bind, ...(required ? { required: 'yes' } : {}) },
    parameters: parameters ?? {},
    ...(sensitivity ? { sensitivity } : {}),
    extra: {},
  };
}

/** `q('integer', 'rooms', ['Rooms', 'Amakamelo'])`, or `q('select_one tenure', …)` for a list. */
export function q(type: string, name: string, label?: Text, options?: Options): Question {
  const [base, list] = type.split(' ');
  const saveTo = options?.saveTo;
  return {
    kind: 'question',
    type: base!,
    ...(list ? { list } : {}),
    ...fields(name, label, options),
    ...(saveTo ? { saveTo } : {}),
  };
}

export function group(name: string, label: Text, children: SurveyItem[], options?: Options): Section {
  return { kind: 'group', type: 'begin_group', ...fields(name, label, options), children };
}

export function repeat(name: string, label: Text, children: SurveyItem[], options?: Options): Section {
  return { kind: 'repeat', type: 'begin_repeat', ...fields(name, label, options), children };
}

/** `list('yes_no', [['yes', 'Yes', 'Yebo'], ['no', 'No', 'Cha']])` */
export function list(name: string, items: [string, string, string][]): [string, Choice[]] {
  return [name, items.map(([n, en, zu]) => ({ name: n, label: both([en, zu]), media: {}, extra: {} }))];
}

export function form(
  settings: Form['settings'],
  survey: SurveyItem[],
  lists: [string, Choice[]][],
  entities?: Form['entities'],
): Form {
  return {
    settings,
    survey,
    choices: Object.fromEntries(lists),
    choiceColumns: [],
    ...(entities ? { entities } : {}),
    otherSheets: [],
  };
}

export const YES_NO = list('yes_no', [
  ['yes', 'Yes', 'Yebo'],
  ['no', 'No', 'Cha'],
]);
