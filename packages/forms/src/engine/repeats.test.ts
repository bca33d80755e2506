import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { createFormEngine } from './index.ts';

const field = (path: string, type: string, extra: Partial<EngineField> = {}): EngineField => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type,
  ...extra,
});
const M = '/hh/members';

function household(extra: EngineField[] = [], options: Parameters<typeof createFormEngine>[1] = {}) {
  return createFormEngine(
    [
      field('/hh', 'begin_group'),
      field(M, 'begin_repeat'),
      field(`${M}/name`, 'text', { repeat: M }),
      field(`${M}/age`, 'integer', { repeat: M }),
      field(`${M}/adult`, 'calculate', { repeat: M, calculate: "if(${age} >= 18, 'yes', 'no')" }),
      field(`${M}/pos`, 'calculate', { repeat: M, calculate: 'position(..)' }),
      field(`${M}/school`, 'text', { repeat: M, relevant: '${age} < 18' }),
      field('/hh/total_age', 'calculate', { calculate: 'sum(${age})' }),
      field('/hh/size', 'calculate', { calculate: 'count(${members})' }),
      field('/hh/oldest', 'calculate', { calculate: 'max(${age})' }),
      field('/hh/first_name', 'calculate', { calculate: 'indexed-repeat(${name}, ${members}, 1)' }),
      ...extra,
    ],
    options,
  );
}

describe('repeats', () => {
  it('starts with one instance and adds more', () => {
    const engine = household();
    expect(engine.repeatInstanceCount(M)).toBe(1);
    expect(engine.addRepeatInstance(M)).toBe(1);
    expect(engine.addRepeatInstance(M)).toBe(2);
    expect(engine.getAnswer('/hh/size')).toBe('3');
    expect(engine.getAnswer(`${M}/pos`, [2])).toBe('3');
  });

  it('resolves ${x} to the same instance inside the repeat and to a node-set outside', () => {
    const engine = household();
    engine.addRepeatInstance(M);
    engine.setAnswer(`${M}/name`, 'Thandi', [0]);
    engine.setAnswer(`${M}/age`, 34, [0]);
    engine.setAnswer(`${M}/name`, 'Sipho', [1]);
    engine.setAnswer(`${M}/age`, 9, [1]);
    expect(engine.getAnswer(`${M}/adult`, [0])).toBe('yes');
    expect(engine.getAnswer(`${M}/adult`, [1])).toBe('no');
    expect(engine.getAnswer('/hh/total_age')).toBe('43');
    expect(engine.getAnswer('/hh/oldest')).toBe('34');
    expect(engine.getAnswer('/hh/first_name')).toBe('Thandi');
    expect(engine.isRelevant(`${M}/school`, [0])).toBe(false);
    expect(engine.isRelevant(`${M}/school`, [1])).toBe(true);
    engine.setAnswer(`${M}/school`, 'Grade 4', [1]);
    expect(engine.answers()).toEqual({
      hh: {
        members: [
          { name: 'Thandi', age: '34', adult: 'yes', pos: '1' },
          { name: 'Sipho', age: '9', adult: 'no', pos: '2', school: 'Grade 4' },
        ],
        total_age: '43',
        size: '2',
        oldest: '34',
        first_name: 'Thandi',
      },
    });
  });

  it('re-evaluates only the changed instance and the fields that read the node-set', () => {
    const engine = household();
    for (let i = 0; i < 9; i++) engine.addRepeatInstance(M);
    for (let i = 0; i < 10; i++) engine.setAnswer(`${M}/age`, 20 + i, [i]);
    const before = engine.evaluationCount;
    engine.setAnswer(`${M}/age`, 5, [4]);
    // adult and school (relevance) of instance 4; total_age and oldest outside.
    expect(engine.evaluationCount - before).toBe(4);
    expect(engine.getAnswer('/hh/total_age')).toBe(String(245 - 24 + 5));
  });

  it('removes an instance, shifting positions and updating aggregates', () => {
    const engine = household();
    engine.addRepeatInstance(M);
    engine.addRepeatInstance(M);
    ['a', 'b', 'c'].forEach((name, i) => {
      engine.setAnswer(`${M}/name`, name, [i]);
      engine.setAnswer(`${M}/age`, (i + 1) * 10, [i]);
    });
    engine.removeRepeatInstance(M, [0]);
    expect(engine.repeatInstanceCount(M)).toBe(2);
    expect(engine.getAnswer(`${M}/name`, [0])).toBe('b');
    expect(engine.getAnswer(`${M}/pos`, [0])).toBe('1');
    expect(engine.getAnswer(`${M}/pos`, [1])).toBe('2');
    expect(engine.getAnswer('/hh/total_age')).toBe('50');
    expect(engine.getAnswer('/hh/size')).toBe('2');
    expect(engine.getAnswer('/hh/first_name')).toBe('b');
    expect(() => engine.getAnswer(`${M}/name`, [2])).toThrow(/no instance 2/);
  });

  it('follows repeat_count up and down', () => {
    const engine = createFormEngine([
      field('/n', 'integer'),
      field('/kids', 'begin_repeat', { repeatCount: '${n}' }),
      field('/kids/k', 'calculate', {
        repeat: '/kids',
        calculate: "concat('kid ', position(..), ' of ', ${n})",
      }),
    ]);
    expect(engine.repeatInstanceCount('/kids')).toBe(0);
    engine.setAnswer('/n', 3);
    expect(engine.repeatInstanceCount('/kids')).toBe(3);
    expect(engine.getAnswer('/kids/k', [2])).toBe('kid 3 of 3');
    engine.setAnswer('/n', 1);
    expect(engine.answers()).toEqual({ n: '1', kids: [{ k: 'kid 1 of 1' }] });
    engine.setAnswer('/n', 'lots');
    expect(engine.repeatInstanceCount('/kids')).toBe(0);
  });

  it('handles nested repeats: same outer instance, node-sets across inner ones', () => {
    const V = `${M}/visits`;
    const engine = createFormEngine([
      field(M, 'begin_repeat'),
      field(`${M}/name`, 'text', { repeat: M }),
      field(V, 'begin_repeat', { repeat: M }),
      field(`${V}/cost`, 'decimal', { repeat: V }),
      field(`${V}/who`, 'calculate', { repeat: V, calculate: '${name}' }),
      field(`${V}/label`, 'calculate', {
        repeat: V,
        calculate: "concat(position(../..), '.', position(..))",
      }),
      field(`${M}/spent`, 'calculate', { repeat: M, calculate: 'sum(${cost})' }),
      field('/all', 'calculate', { calculate: 'sum(${cost})' }),
      field('/second_visit', 'calculate', {
        calculate: 'indexed-repeat(${cost}, ${members}, 2, ${visits}, 2)',
      }),
      field('/first_name_or_blank', 'calculate', { calculate: "indexed-repeat(${name}, ${members}, '')" }),
    ]);
    engine.addRepeatInstance(M);
    engine.addRepeatInstance(V, [1]);
    engine.setAnswer(`${M}/name`, 'A', [0]);
    engine.setAnswer(`${M}/name`, 'B', [1]);
    engine.setAnswer(`${V}/cost`, 5, [0, 0]);
    engine.setAnswer(`${V}/cost`, 7, [1, 0]);
    engine.setAnswer(`${V}/cost`, 11, [1, 1]);
    expect(engine.getAnswer(`${V}/who`, [1, 1])).toBe('B');
    expect(engine.getAnswer(`${V}/label`, [1, 1])).toBe('2.2');
    expect(engine.getAnswer(`${M}/spent`, [0])).toBe('5');
    expect(engine.getAnswer(`${M}/spent`, [1])).toBe('18');
    expect(engine.getAnswer('/all')).toBe('23');
    let before = engine.evaluationCount;
    engine.setAnswer(`${V}/cost`, 8, [1, 0]);
    // spent of members[1] only, all, and the indexed-repeat reader.
    expect(engine.evaluationCount - before).toBe(3);
    before = engine.evaluationCount;
    engine.setAnswer(`${M}/name`, 'Z', [0]);
    // who in the one visit of members[0], and the indexed-repeat reader of name.
    expect(engine.evaluationCount - before).toBe(2);
    expect(engine.getAnswer(`${V}/who`, [0, 0])).toBe('Z');
    expect(engine.getAnswer(`${V}/who`, [1, 0])).toBe('B');
    engine.setAnswer(`${M}/name`, 'A', [0]);
    engine.setAnswer(`${V}/cost`, 7, [1, 0]);
    expect(engine.getAnswer('/second_visit')).toBe('11');
    expect(engine.getAnswer('/first_name_or_blank')).toBe('A');
    engine.removeRepeatInstance(V, [1, 0]);
    expect(engine.getAnswer(`${V}/label`, [1, 0])).toBe('2.1');
    expect(engine.getAnswer('/second_visit')).toBe('');
    expect(engine.answers()).toEqual({
      hh: {
        members: [
          { name: 'A', visits: [{ cost: '5', who: 'A', label: '1.1' }], spent: '5' },
          { name: 'B', visits: [{ cost: '11', who: 'B', label: '2.1' }], spent: '11' },
        ],
      },
      all: '16',
      second_visit: '',
      first_name_or_blank: 'A',
    });
  });

  it('excludes a non-relevant repeat and does not count it', () => {
    const engine = createFormEngine([
      field('/has', 'text'),
      field('/people', 'begin_repeat', { relevant: "${has} = 'yes'" }),
      field('/people/p', 'text', { repeat: '/people' }),
      field('/n', 'calculate', { calculate: 'count(${people})' }),
    ]);
    engine.setAnswer('/people/p', 'x', [0]);
    expect(engine.answers()).toEqual({ has: '', n: '0' });
    engine.setAnswer('/has', 'yes');
    expect(engine.answers()).toEqual({ has: 'yes', people: [{ p: 'x' }], n: '1' });
  });

  it('loads a submission back, creating repeat instances and recomputing calculations', () => {
    const first = household();
    first.addRepeatInstance(M);
    first.addRepeatInstance(M);
    ['a', 'b', 'c'].forEach((name, i) => {
      first.setAnswer(`${M}/name`, name, [i]);
      first.setAnswer(`${M}/age`, 5 + i * 10, [i]);
    });
    first.setAnswer(`${M}/school`, 'Grade 1', [0]);
    const submission = first.answers();

    const second = household();
    second.loadAnswers(submission);
    expect(second.answers()).toEqual(submission);
    expect(second.repeatInstanceCount(M)).toBe(3);

    const shorter = structuredClone(submission);
    const hh = shorter.hh as { members: unknown[] };
    hh.members = hh.members.slice(0, 1);
    second.loadAnswers(shorter);
    expect(second.repeatInstanceCount(M)).toBe(1);
    expect(second.getAnswer('/hh/total_age')).toBe('5');
  });
});
