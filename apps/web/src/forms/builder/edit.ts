// Pure edits of the form model for the builder. An item is addressed by its indexes from the
// survey down (e.g. [2, 0] is the first child of the third item); every edit returns a new model.
import type { Form, Question, Section, SurveyItem } from '../lib.ts';

export type Address = number[];

export const addressKey = (a: Address): string => a.join('.');
export const parseAddress = (key: string): Address => (key === '' ? [] : key.split('.').map(Number));

export function itemAt(survey: SurveyItem[], address: Address): SurveyItem | undefined {
  let items = survey;
  let item: SurveyItem | undefined;
  for (const index of address) {
    item = items[index];
    if (!item) return undefined;
    items = item.kind === 'question' ? [] : item.children;
  }
  return item;
}

/** Copies the path down to the list holding `address`, then lets `change` edit that list. */
function editList(form: Form, parent: Address, change: (items: SurveyItem[]) => void): Form {
  const copy = (items: SurveyItem[], rest: Address): SurveyItem[] => {
    const next = [...items];
    if (rest.length === 0) {
      change(next);
      return next;
    }
    const [head, ...tail] = rest as [number, ...number[]];
    const section = next[head] as Section;
    next[head] = { ...section, children: copy(section.children, tail) };
    return next;
  };
  return { ...form, survey: copy(form.survey, parent) };
}

export function updateItem(form: Form, address: Address, change: (item: SurveyItem) => SurveyItem): Form {
  const parent = address.slice(0, -1);
  const index = address[address.length - 1]!;
  return editList(form, parent, (items) => {
    items[index] = change(items[index]!);
  });
}

export function removeItem(form: Form, address: Address): Form {
  return editList(form, address.slice(0, -1), (items) => {
    items.splice(address[address.length - 1]!, 1);
  });
}

/** Moves an item one place up or down among its siblings; returns the new address. */
export function moveItem(form: Form, address: Address, by: -1 | 1): [Form, Address] {
  const index = address[address.length - 1]!;
  const parent = address.slice(0, -1);
  const siblings = parent.length ? (itemAt(form.survey, parent) as Section).children : form.survey;
  const to = index + by;
  if (to < 0 || to >= siblings.length) return [form, address];
  const next = editList(form, parent, (items) => {
    const [moved] = items.splice(index, 1);
    items.splice(to, 0, moved!);
  });
  return [next, [...parent, to]];
}

/** Inserts after `address` (or at the end when null); returns the new item's address. */
export function insertAfter(form: Form, address: Address | null, item: SurveyItem): [Form, Address] {
  if (!address || address.length === 0)
    return [{ ...form, survey: [...form.survey, item] }, [form.survey.length]];
  const parent = address.slice(0, -1);
  const index = address[address.length - 1]! + 1;
  return [editList(form, parent, (items) => items.splice(index, 0, item)), [...parent, index]];
}

/** Puts an item into a new group of its own, in its place. */
export function wrapInGroup(form: Form, address: Address, name: string): Form {
  return updateItem(form, address, (item) => ({ ...blankSection('group', name), children: [item] }));
}

/** Dissolves a group or repeat: its children take its place. */
export function ungroup(form: Form, address: Address): Form {
  const section = itemAt(form.survey, address);
  if (!section || section.kind === 'question') return form;
  const index = address[address.length - 1]!;
  return editList(form, address.slice(0, -1), (items) => items.splice(index, 1, ...section.children));
}

export function allNames(survey: SurveyItem[], out = new Set<string>()): Set<string> {
  for (const item of survey) {
    out.add(item.name);
    if (item.kind !== 'question') allNames(item.children, out);
  }
  return out;
}

export function uniqueName(form: Form, base: string): string {
  const names = allNames(form.survey);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}_${i}`)) return `${base}_${i}`;
}

const blank = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  bind: {},
  parameters: {},
  extra: {},
};

export function blankQuestion(name: string, type = 'text'): Question {
  return { kind: 'question', name, type, label: {}, ...blank };
}

export function blankSection(kind: 'group' | 'repeat', name: string): Section {
  return {
    kind,
    name,
    type: kind === 'group' ? 'begin_group' : 'begin_repeat',
    label: {},
    ...blank,
    children: [],
  };
}

/** Every item with its address, depth first (the builder's outline). */
export function outline(
  survey: SurveyItem[],
  parent: Address = [],
): { item: SurveyItem; address: Address; last: boolean }[] {
  const out: { item: SurveyItem; address: Address; last: boolean }[] = [];
  survey.forEach((item, i) => {
    const address = [...parent, i];
    out.push({ item, address, last: i === survey.length - 1 });
    if (item.kind !== 'question') out.push(...outline(item.children, address));
  });
  return out;
}

/** The path (/group/name) of the item at an address. */
export function pathOf(survey: SurveyItem[], address: Address): string {
  let items = survey;
  const names: string[] = [];
  for (const index of address) {
    const item = items[index];
    if (!item) break;
    names.push(item.name);
    items = item.kind === 'question' ? [] : item.children;
  }
  return `/${names.join('/')}`;
}
