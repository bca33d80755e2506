import type { Form, SurveyItem } from '../model.ts';
import type { ImportProblemCode, ProblemParams } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';

export interface NameProblem {
  item: SurveyItem;
  code: ImportProblemCode;
  params: ProblemParams;
}

/** The form's root element name: `data` unless the settings name it. */
export function rootName(form: Form): string {
  return Object.entries(form.settings.extra).find(([k]) => k.toLowerCase() === 'name')?.[1] ?? 'data';
}

/**
 * pyxform's rule on repeat names beyond siblings (validate_repeat_name): two repeats may not
 * share a name anywhere in the form, and none may be named like the form's root element. Groups
 * may share names in different parents.
 */
export function sectionNameProblems(form: Form, rowOf: (item: SurveyItem) => number | null): NameProblem[] {
  const problems: NameProblem[] = [];
  const root = rootName(form);
  const seen = new Map<string, SurveyItem>();
  for (const { item } of walkSurvey(form.survey)) {
    if (item.kind !== 'repeat') continue;
    const earlier = seen.get(item.name);
    if (item.name === root) {
      problems.push({ item, code: 'form.xlsform.name.repeat_is_root', params: { name: item.name } });
    } else if (earlier) {
      problems.push({
        item,
        code: 'form.xlsform.name.repeat_duplicate',
        params: { name: item.name, otherRow: rowOf(earlier) ?? '?' },
      });
    } else seen.set(item.name, item);
  }
  return problems;
}
