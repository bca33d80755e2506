import { type Form, type SurveyItem, walkSurvey } from '../model.ts';

/**
 * pyxform's rules on group and repeat names beyond siblings: two sections may not share a name
 * anywhere in the form, and none may be named like the form's root element (`data` unless the
 * settings name it).
 */
export function sectionNameProblems(form: Form): { item: SurveyItem; message: string }[] {
  const problems: { item: SurveyItem; message: string }[] = [];
  const rootName =
    Object.entries(form.settings.extra).find(([k]) => k.toLowerCase() === 'name')?.[1] ?? 'data';
  const seen = new Set<string>();
  for (const { item } of walkSurvey(form.survey)) {
    if (item.kind === 'question') continue;
    if (item.name === rootName) {
      problems.push({
        item,
        message: `the ${item.kind} name "${item.name}" is the form's own name: use a different name`,
      });
    }
    if (seen.has(item.name)) {
      problems.push({
        item,
        message: `two groups or repeats are named "${item.name}": section names must be unique in the whole form`,
      });
    }
    seen.add(item.name);
  }
  return problems;
}
