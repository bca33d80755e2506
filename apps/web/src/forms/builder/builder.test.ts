// Builder edits and live expression checks, without a browser.
import { describe, expect, it } from 'vitest';
import type { Form } from '../lib.ts';
import {
  blankQuestion,
  blankSection,
  insertAfter,
  itemAt,
  moveItem,
  outline,
  pathOf,
  removeItem,
  ungroup,
  uniqueName,
  wrapInGroup,
} from './edit.ts';
import { checkExpression } from './validate.ts';

const form = (): Form => ({
  settings: { extra: {} },
  survey: [
    blankQuestion('a'),
    { ...blankSection('group', 'g'), children: [blankQuestion('b'), blankQuestion('c')] },
  ],
  choices: {},
  choiceColumns: [],
  otherSheets: [],
});

describe('builder edits', () => {
  it('moves within siblings and reports the new address', () => {
    const [moved, at] = moveItem(form(), [1, 1], -1);
    expect(at).toEqual([1, 0]);
    expect(outline(moved.survey).map((r) => r.item.name)).toEqual(['a', 'g', 'c', 'b']);
    expect(moveItem(form(), [0], -1)[1]).toEqual([0]);
  });

  it('inserts, removes, groups and ungroups without touching the original', () => {
    const original = form();
    const [added, at] = insertAfter(original, [1, 0], blankQuestion(uniqueName(original, 'b')));
    expect(pathOf(added.survey, at)).toBe('/g/b_2');
    expect(outline(original.survey)).toHaveLength(4);
    expect(outline(removeItem(added, [1]).survey).map((r) => r.item.name)).toEqual(['a']);
    const wrapped = wrapInGroup(original, [0], 'wrap');
    expect(pathOf(wrapped.survey, [0, 0])).toBe('/wrap/a');
    expect(ungroup(wrapped, [0]).survey.map((i) => i.name)).toEqual(['a', 'g']);
    expect(itemAt(original.survey, [1, 1])?.name).toBe('c');
  });
});

describe('live expression checks', () => {
  const names = new Set(['age', 'ward']);
  it('accepts valid logic and yes/no in required', () => {
    expect(checkExpression('relevant', '${age} >= 18', names)).toBeNull();
    expect(checkExpression('required', 'yes', names)).toBeNull();
    expect(checkExpression('default', 'Durban', names)).toBeNull();
  });
  it('locates syntax problems', () => {
    const problem = checkExpression('relevant', '${age} >= ', names);
    expect(problem?.kind).toBe('syntax');
    expect(problem?.position).toBeGreaterThanOrEqual(9);
  });
  it('names unknown ${references}', () => {
    expect(checkExpression('constraint', '. < ${agee}', names)).toMatchObject({
      kind: 'unknownName',
      names: ['agee'],
    });
  });
});
