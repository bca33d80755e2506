// Builder models for tests, in the shape of @coproduce/forms' Form.
import type { Form, Question, Section, SurveyItem } from '@coproduce/forms';

export function question(
  name: string,
  type: string,
  label: Record<string, string>,
  more: Partial<Question> = {},
): Question {
  return {
    kind: 'question',
    name,
    type,
    label,
    hint: {},
    guidanceHint: {},
    constraintMessage: {},
    requiredMessage: {},
    media: {},
    bind: {},
    parameters: {},
    extra: {},
    ...more,
  };
}

export function group(name: string, label: Record<string, string>, children: SurveyItem[]): Section {
  return { ...question(name, 'begin_group', label), kind: 'group', children } as Section;
}

export function form(survey: SurveyItem[], choices: Form['choices'] = {}, formId = 'housing_check'): Form {
  return {
    settings: { formId, formTitle: 'Housing check', extra: {} },
    survey,
    choices,
    choiceColumns: [],
    otherSheets: [],
  };
}

const en = 'English (en)';
const zu = 'isiZulu (zu)';

/** A small bilingual questionnaire: a group, a select with choices, a text question. */
export function housingForm(): Form {
  const choice = (name: string, english: string, zulu: string) => ({
    name,
    label: { [en]: english, [zu]: zulu },
    media: {},
    extra: {},
  });
  return form(
    [
      group('household', { [en]: 'Household', [zu]: 'Umndeni' }, [
        question(
          'shelter',
          'select_one',
          { [en]: 'Where did you sleep last night?', [zu]: 'Ulale kuphi izolo ebusuku?' },
          {
            list: 'shelter',
            hint: { [en]: 'Choose one' },
          },
        ),
        question('people', 'integer', {
          [en]: 'How many people live with you?',
          [zu]: 'Bangaki abantu ohlala nabo?',
        }),
      ]),
      question('needs', 'text', { [en]: 'What do you need most?', [zu]: 'Yini oyidinga kakhulu?' }),
    ],
    {
      shelter: [choice('shack', 'Shack', 'Umjondolo'), choice('street', 'Street', 'Emgwaqweni')],
    },
  );
}
