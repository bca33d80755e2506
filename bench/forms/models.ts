// Generated forms for the forms benchmark: realistic mixes of types, groups, a repeat, skip logic
// and constraints, or a chain of calculates that every answer has to push through.
import type { Form, Question, Section, SurveyItem } from '../../packages/forms/src/model.ts';

const blank = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
};

function q(name: string, type: string, label: string, bind: Question['bind'] = {}, list?: string): Question {
  const item: Question = {
    kind: 'question',
    name,
    type,
    label: { 'English (en)': label, 'isiZulu (zu)': `${label} (zu)` },
    ...blank,
    bind,
  };
  if (list) item.list = list;
  return item;
}

function section(
  kind: 'group' | 'repeat',
  name: string,
  children: SurveyItem[],
  appearance?: string,
): Section {
  return {
    kind,
    name,
    type: kind === 'group' ? 'begin_group' : 'begin_repeat',
    label: { 'English (en)': name, 'isiZulu (zu)': `${name} (zu)` },
    ...blank,
    bind: appearance ? { appearance } : {},
    children,
  };
}

const yesNo = [
  { name: 'yes', label: { 'English (en)': 'Yes', 'isiZulu (zu)': 'Yebo' }, media: {}, extra: {} },
  { name: 'no', label: { 'English (en)': 'No', 'isiZulu (zu)': 'Cha' }, media: {}, extra: {} },
];

/** `count` questions in field-list groups of 10, every 5th with skip logic, one repeat. */
export function mixedForm(count: number): Form {
  const groups: SurveyItem[] = [];
  let n = 0;
  while (n < count) {
    const children: SurveyItem[] = [];
    for (let i = 0; i < 10 && n < count; i++, n++) {
      const kind = n % 5;
      const name = `q${n}`;
      if (kind === 0)
        children.push(q(name, 'select_one', `Question ${n}: is it so?`, { required: 'yes' }, 'yes_no'));
      else if (kind === 1)
        children.push(
          q(name, 'integer', `Question ${n}: how many?`, {
            constraint: '. >= 0 and . < 1000',
            relevant: `\${q${n - 1}} = 'yes'`,
          }),
        );
      else if (kind === 2) children.push(q(name, 'text', `Question ${n}: tell us more`));
      else if (kind === 3) children.push(q(name, 'date', `Question ${n}: when?`));
      else children.push(q(name, 'calculate', '', { calculation: `\${q${n - 3}} * 2` }));
    }
    groups.push(section('group', `g${groups.length}`, children, 'field-list'));
  }
  groups.splice(
    1,
    0,
    section('repeat', 'members', [q('member_name', 'text', 'Name'), q('member_age', 'integer', 'Age')]),
  );
  return {
    settings: { formTitle: `Generated ${count}`, formId: `generated_${count}`, version: '1', extra: {} },
    survey: groups,
    choices: { yes_no: yesNo },
    choiceColumns: [],
    otherSheets: [],
  };
}

/** One number and `count` calculates chained on it; a note shows the last one. */
export function calculateChain(count: number): Form {
  const survey: SurveyItem[] = [q('n', 'integer', 'A number')];
  for (let i = 1; i <= count; i++)
    survey.push(q(`c${i}`, 'calculate', '', { calculation: i === 1 ? '${n} + 1' : `\${c${i - 1}} + 1` }));
  survey.push(q('result', 'note', `Result: \${c${count}}`));
  return {
    settings: { formTitle: 'Calculates', formId: 'calculates', version: '1', extra: {} },
    survey,
    choices: {},
    choiceColumns: [],
    otherSheets: [],
  };
}
