import type { FormChanges } from '@coproduce/contract';
import type { Choice, Form, SurveyItem, Translated } from '@coproduce/forms';
import { walkSurvey } from '@coproduce/forms';

/**
 * What changed between two forms, in the words of a co-design meeting: questions added, removed,
 * and reworded (label, hint or a choice label, per language). Questions are matched by path, so
 * a renamed question reads as one removed and one added. Pure.
 */
export type Rewording = FormChanges['reworded'][number];
export type FormDiff = Omit<FormChanges, 'since'>;

interface Indexed {
  item: SurveyItem;
  path: string;
}

function index(form: Form): Map<string, Indexed> {
  const byPath = new Map<string, Indexed>();
  for (const { item, parents } of walkSurvey(form.survey)) {
    const path = `/${[...parents.map((p) => p.name), item.name].join('/')}`;
    byPath.set(path, { item, path });
  }
  return byPath;
}

function textChanges(
  before: Translated,
  after: Translated,
  at: Omit<Rewording, 'language' | 'before' | 'after'>,
): Rewording[] {
  const languages = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: Rewording[] = [];
  for (const language of languages) {
    const was = before[language] ?? null;
    const now = after[language] ?? null;
    if (was !== now) out.push({ ...at, language, before: was, after: now });
  }
  return out;
}

const choicesOf = (form: Form, item: SurveyItem): Choice[] =>
  item.kind === 'question' && item.list !== undefined ? (form.choices[item.list] ?? []) : [];

function choiceChanges(path: string, before: Choice[], after: Choice[]): Rewording[] {
  const was = new Map(before.map((c) => [c.name, c.label]));
  const now = new Map(after.map((c) => [c.name, c.label]));
  const names = [...new Set([...was.keys(), ...now.keys()])];
  return names.flatMap((choiceName) =>
    textChanges(was.get(choiceName) ?? {}, now.get(choiceName) ?? {}, {
      path,
      field: 'choiceLabel',
      choiceName,
    }),
  );
}

const entry = ({ item, path }: Indexed) => ({ path, type: item.type, label: item.label });

export function diffForms(before: Form, after: Form): FormDiff {
  const was = index(before);
  const now = index(after);
  const added = [...now.values()].filter((q) => !was.has(q.path)).map(entry);
  const removed = [...was.values()].filter((q) => !now.has(q.path)).map(entry);
  const reworded: Rewording[] = [];
  for (const current of now.values()) {
    const old = was.get(current.path);
    if (!old) continue;
    const { path } = current;
    reworded.push(
      ...textChanges(old.item.label, current.item.label, { path, field: 'label', choiceName: null }),
    );
    reworded.push(
      ...textChanges(old.item.hint, current.item.hint, { path, field: 'hint', choiceName: null }),
    );
    reworded.push(...choiceChanges(path, choicesOf(before, old.item), choicesOf(after, current.item)));
  }
  return { added, removed, reworded };
}

export const isEmptyDiff = (diff: FormDiff) =>
  diff.added.length === 0 && diff.removed.length === 0 && diff.reworded.length === 0;
