import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerTree } from '../engine/index.ts';
import type { Form, Question, SurveyItem } from '../model.ts';
import { compileForm, flagsSubmission, validateAnswers } from './validate.ts';

const question = (type: string, name: string, extra: Partial<Question> = {}): Question => ({
  kind: 'question',
  name,
  type,
  label: { default: name },
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  bind: {},
  parameters: {},
  extra: {},
  ...extra,
});
const section = (kind: 'group' | 'repeat', name: string, children: SurveyItem[]): SurveyItem => ({
  ...question('begin_group', name),
  kind,
  children,
});
const choice = (name: string) => ({ name, label: { default: name }, media: {}, extra: {} });

const household: Form = {
  settings: { extra: {} },
  survey: [
    question('select_one', 'tenure', { list: 'tenure', bind: { required: 'yes' } }),
    question('integer', 'rooms', { bind: { constraint: '. > 0' } }),
    question('decimal', 'rent', { bind: { relevant: "${tenure} = 'tenant'" } }),
    question('date', 'moved_in'),
    question('geopoint', 'where'),
    question('select_multiple', 'grants', { list: 'grants' }),
    section('repeat', 'members', [
      question('integer', 'age', { bind: { required: 'yes' } }),
      question('select_one', 'sex', { list: 'sex' }),
    ]),
  ],
  choices: {
    tenure: ['owner', 'tenant', 'rent_free'].map(choice),
    grants: ['child', 'old_age', 'disability'].map(choice),
    sex: ['female', 'male'].map(choice),
  },
  choiceColumns: [],
  otherSheets: [],
};

describe('submission validation', () => {
  const compiled = compileForm(household);
  const codes = (answers: AnswerTree) =>
    validateAnswers(compiled, answers).map((i) => `${i.code} ${i.path} ${i.repeatIndexes.join('.')}`.trim());

  it('checks the constraint a type implies, as the XForm does (phone number: digits only), with the row’s own', () => {
    const phones = compileForm({
      ...household,
      survey: [
        question('phone number', 'phone'),
        question('phone number', 'mobile', { bind: { constraint: 'string-length(.) = 10' } }),
      ],
    });
    const flagged = (answers: AnswerTree) =>
      validateAnswers(phones, answers).map((i) => `${i.code} ${i.path}`);
    expect(flagged({ phone: '0821234567', mobile: '0821234567' })).toEqual([]);
    expect(flagged({ phone: '082 123 4567', mobile: '08212' })).toEqual([
      'constraint /phone',
      'constraint /mobile',
    ]);
    expect(flagged({ mobile: 'abcdefghij' })).toEqual(['constraint /mobile']);
  });

  it('accepts a complete, well-typed submission', () => {
    expect(
      codes({
        tenure: 'tenant',
        rooms: '2',
        rent: '350.50',
        moved_in: '2019-03-01',
        where: '-33.95 18.47 12 5',
        grants: 'child disability',
        members: [
          { age: '34', sex: 'female' },
          { age: '7', sex: 'male' },
        ],
        meta: { instanceID: 'uuid:x' },
      }),
    ).toEqual([]);
  });

  it('names types, choices, unknown fields, required, constraints and relevance, with repeat indexes', () => {
    expect(
      codes({
        tenure: 'squatter',
        rooms: '0',
        rent: '100',
        moved_in: '2019-02-30',
        where: '95 18',
        grants: 'child pension',
        members: [{ age: 'seven' }, { sex: 'female' }],
        colour: 'blue',
      }).sort(),
    ).toEqual(
      [
        'choice /grants',
        'choice /tenure',
        'constraint /rooms',
        'not_relevant /rent',
        'required /members/age 1',
        'type /members/age 0',
        'type /moved_in',
        'type /where',
        'unknown_field /colour',
      ].sort(),
    );
  });

  it('reuses one engine for many submissions without leaking answers between them', () => {
    expect(codes({ tenure: 'owner', members: [{ age: '1' }] })).toEqual([]);
    expect(codes({ members: [] })).toEqual(['required /tenure']);
    expect(codes({ tenure: 'owner', members: [{ age: '1' }] })).toEqual([]);
  });

  it('keeps "not asked" answers as notes, not flags', () => {
    const issues = validateAnswers(compiled, { tenure: 'owner', rent: '10' });
    expect(issues.map((i) => i.code)).toEqual(['not_relevant']);
    expect(issues.filter(flagsSubmission)).toEqual([]);
  });

  it('never throws on arbitrary answer trees (property)', () => {
    const leaf = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('', 'tenant', '2019-01-01'));
    const tree = fc.letrec((tie) => ({
      node: fc.dictionary(
        fc.constantFrom('tenure', 'rooms', 'rent', 'moved_in', 'where', 'grants', 'members', 'age', 'x'),
        fc.oneof({ depthSize: 'small' }, leaf, tie('node'), fc.array(tie('node'), { maxLength: 3 })),
        { maxKeys: 8 },
      ),
    })).node as fc.Arbitrary<AnswerTree>;
    fc.assert(
      fc.property(tree, (answers) => {
        const issues = validateAnswers(compiled, answers);
        for (const issue of issues) expect(issue.path.startsWith('/')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
