import type { Choice, SurveyItem } from '../model.ts';
import { because, type Problem, problem } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';

/**
 * A form past the configured number of questions or choices is refused at the first row over,
 * so that a workbook of 640,000 questions is never stored (every later download would carry it).
 */
export function formSizeProblems(
  survey: SurveyItem[],
  surveyRowOf: Map<SurveyItem, number>,
  surveySheet: string,
  choices: Record<string, Choice[]>,
  choiceRowOf: Map<Choice, number>,
  choicesSheet: string,
  limits: { maxQuestions: number; maxChoices: number },
): Problem[] {
  const problems: Problem[] = [];
  let questions = 0;
  for (const { item } of walkSurvey(survey)) {
    if (item.kind !== 'question' || ++questions <= limits.maxQuestions) continue;
    problems.push(
      problem(
        surveySheet,
        surveyRowOf.get(item) ?? null,
        null,
        because('form.xlsform.survey.too_many_questions', {
          maximum: limits.maxQuestions,
          position: questions,
        }),
      ),
    );
    break;
  }
  let total = 0;
  for (const list of Object.values(choices)) {
    for (const choice of list) {
      if (++total <= limits.maxChoices) continue;
      problems.push(
        problem(
          choicesSheet,
          choiceRowOf.get(choice) ?? null,
          null,
          because('form.xlsform.choices.too_many', { maximum: limits.maxChoices, position: total }),
        ),
      );
      return problems;
    }
  }
  return problems;
}
