import type { Form, SurveyItem } from '../model.ts';
import type { ImportProblemCode, ProblemParams } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';
import { loopCopies } from './validate.ts';

export interface NameProblem {
  item: SurveyItem;
  code: ImportProblemCode;
  params: ProblemParams;
  /** True for what pyxform only warns about (names differing only in case). */
  warning?: boolean;
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
  for (const { item, parents } of walkSurvey(form.survey)) {
    if (item.kind !== 'repeat') continue;
    const earlier = seen.get(item.name);
    if (parents.some((parent) => loopCopies(form, parent) > 1)) {
      problems.push({ item, code: 'form.xlsform.loop.repeat_copied', params: { name: item.name } });
    } else if (item.name === root) {
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

/** Every name problem of the survey: among siblings, then repeats form-wide. */
export function nameProblems(form: Form, rowOf: (item: SurveyItem) => number | null): NameProblem[] {
  const problems: NameProblem[] = [];
  // pyxform's unique_names: the same name twice among siblings is an error, the same but for
  // case a warning; "meta" is reserved everywhere.
  const checkSiblings = (items: SurveyItem[], parentName: string) => {
    const exact = new Map<string, SurveyItem>();
    const folded = new Map<string, SurveyItem>();
    for (const item of items) {
      const at = (code: ImportProblemCode, params: ProblemParams = {}, warning = false): NameProblem => ({
        item,
        code,
        params,
        warning,
      });
      const first = exact.get(item.name);
      const sameButCase = folded.get(item.name.toLowerCase());
      if (item.name === 'meta') problems.push(at('form.xlsform.name.meta_reserved'));
      else if (first) {
        problems.push(
          at('form.xlsform.name.duplicate', {
            name: item.name,
            otherRow: rowOf(first) ?? '?',
            parent: parentName,
          }),
        );
      } else if (sameButCase) {
        problems.push(
          at(
            'form.xlsform.name.differs_only_in_case',
            {
              name: item.name,
              other: sameButCase.name,
              otherRow: rowOf(sameButCase) ?? '?',
              parent: parentName,
            },
            true,
          ),
        );
      }
      if (!first) exact.set(item.name, item);
      if (!sameButCase) folded.set(item.name.toLowerCase(), item);
      if (item.kind !== 'question') checkSiblings(item.children, `the ${item.kind} "${item.name}"`);
    }
    // A repeat_count other than `${q}` becomes a calculate named `<repeat>_count` beside the repeat.
    for (const repeat of items) {
      const count = repeat.bind.repeatCount?.trim();
      if (repeat.kind !== 'repeat' || !count || /^\$\{[^}]+\}$/.test(count)) continue;
      const taken = exact.get(`${repeat.name}_count`);
      if (taken) {
        problems.push({
          item: taken,
          code: 'form.xlsform.name.generated_count_clash',
          params: { name: taken.name, repeat: repeat.name, repeatRow: rowOf(repeat) ?? '?' },
        });
      }
    }
  };
  checkSiblings(form.survey, 'the survey');
  problems.push(...sectionNameProblems(form, rowOf));
  return problems;
}
