import type { Form, SurveyItem } from '@coproduce/forms';
import { walkSurvey } from '@coproduce/forms';
import type { StoredSuggestion } from './present.ts';

/** Where a suggestion points: the question, and the choice when it rewords a choice label. */
export type Target = Pick<StoredSuggestion, 'field' | 'language' | 'choiceName'>;

function find(form: Form, path: string): SurveyItem | null {
  for (const { item, parents } of walkSurvey(form.survey)) {
    if (`/${[...parents.map((p) => p.name), item.name].join('/')}` === path) return item;
  }
  return null;
}

/** The text a suggestion would replace, or why there is none (unknown question or choice). */
export function currentText(
  form: Form,
  path: string,
  target: Target,
): { text: string } | { missing: string } {
  const item = find(form, path);
  if (!item) return { missing: `no question at ${path} in the draft` };
  if (target.field === 'choiceLabel') {
    const list = item.kind === 'question' ? item.list : undefined;
    const choice = list ? form.choices[list]?.find((c) => c.name === target.choiceName) : undefined;
    if (!choice) return { missing: `the question ${path} has no choice "${target.choiceName}"` };
    return { text: choice.label[target.language] ?? '' };
  }
  return { text: item[target.field][target.language] ?? '' };
}

/** The form with one text replaced (pure: the input form is not changed). */
export function applyWording(form: Form, path: string, target: Target, text: string): Form {
  const next = structuredClone(form);
  const item = find(next, path);
  if (!item) throw new Error(`no question at ${path}`);
  if (target.field === 'choiceLabel') {
    const list = item.kind === 'question' ? item.list : undefined;
    const choice = list ? next.choices[list]?.find((c) => c.name === target.choiceName) : undefined;
    if (!choice) throw new Error(`no choice ${target.choiceName} at ${path}`);
    choice.label = { ...choice.label, [target.language]: text };
  } else {
    item[target.field] = { ...item[target.field], [target.language]: text };
  }
  return next;
}
