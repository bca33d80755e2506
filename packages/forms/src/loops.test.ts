import { describe, expect, it } from 'vitest';
import { expandLoops } from './loops.ts';
import type { Form, SurveyItem } from './model.ts';

const base = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  bind: {},
  parameters: {},
  extra: {},
};
const number: SurveyItem = {
  kind: 'question',
  name: 'number',
  type: 'integer',
  ...base,
  label: { 'English (en)': 'How many %(label)s (%(name)s)?', 'isiZulu (zu)': 'Zingaki %(label)s?' },
};
const choice = (name: string, en: string, zu?: string) => ({
  name,
  label: { 'English (en)': en, ...(zu ? { 'isiZulu (zu)': zu } : {}) },
  media: {},
  extra: {},
});
const form = (survey: SurveyItem[]): Form => ({
  settings: { extra: {} },
  survey,
  choices: { toilet: [choice('flush', 'Flush toilets', 'izindlu zangasese'), choice('pit', 'Pit latrines')] },
  choiceColumns: [],
  otherSheets: [],
});
const loop: SurveyItem = {
  kind: 'loop',
  name: 'toilets',
  type: 'begin_loop',
  list: 'toilet',
  ...base,
  label: { 'English (en)': 'Toilets' },
  children: [number],
};

describe('loops expanded as pyxform does', () => {
  it('asks the loop once per choice, with the choice label put in each language', () => {
    const [expanded] = expandLoops(form([loop])).survey;
    expect(expanded).toMatchObject({ kind: 'group', name: 'toilets', label: { 'English (en)': 'Toilets' } });
    if (expanded?.kind === 'question' || !expanded) throw new Error('not a group');
    expect(expanded.children.map((c) => c.name)).toEqual(['flush', 'pit']);
    const [flush, pit] = expanded.children as Array<Extract<SurveyItem, { children: unknown }>>;
    expect(flush?.label).toEqual({ 'English (en)': 'Flush toilets', 'isiZulu (zu)': 'izindlu zangasese' });
    expect(flush?.children[0]?.label).toEqual({
      'English (en)': 'How many Flush toilets (flush)?',
      'isiZulu (zu)': 'Zingaki izindlu zangasese?',
    });
    // A language the choice has no label in falls back to its first label.
    expect(pit?.children[0]?.label['isiZulu (zu)']).toBe('Zingaki Pit latrines?');
  });

  it("adds the 'other' choice where an or_other select uses the list, and leaves loop-free forms alone", () => {
    const select: SurveyItem = {
      kind: 'question',
      name: 'kinds',
      type: 'select_multiple',
      list: 'toilet',
      orOther: true,
      ...base,
      label: { 'English (en)': 'Kinds' },
    };
    const [, expanded] = expandLoops(form([select, loop])).survey;
    if (!expanded || expanded.kind === 'question') throw new Error('not a group');
    expect(expanded.children.map((c) => [c.name, c.label['English (en)']])).toEqual([
      ['flush', 'Flush toilets'],
      ['pit', 'Pit latrines'],
      ['other', 'Other'],
    ]);
    const plain = form([select]);
    expect(expandLoops(plain)).toBe(plain);
  });
});
