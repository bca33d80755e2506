import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { createFormEngine } from './index.ts';

const field = (path: string, type: string, extra: Partial<EngineField> = {}): EngineField => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type,
  ...extra,
});
const R = '/rep';

describe('select_one ${name}: choices from earlier repeat answers', () => {
  const fields = [
    field(R, 'begin_repeat'),
    field(`${R}/name`, 'text', { repeat: R }),
    field(`${R}/age`, 'integer', { repeat: R }),
    field(`${R}/buddy`, 'select_one ${name}', { repeat: R }),
    field('/pick', 'select_one ${name}'),
    field('/adult', 'select_one ${name}', { choiceFilter: '${age} >= 18' }),
    field('/b_names', 'select_one ${name}', { choiceFilter: "starts-with(${name}, 'B')" }),
    field('/plain', 'select_one ${age_typo}'),
  ];

  it('lists the non-blank answers of every instance, in order, and follows changes', () => {
    const engine = createFormEngine(fields);
    engine.setAnswer(`${R}/name`, 'Ann', [0]);
    engine.setAnswer(`${R}/age`, 34, [0]);
    engine.addRepeatInstance(R);
    engine.addRepeatInstance(R);
    engine.setAnswer(`${R}/name`, 'Bongani', [2]);
    engine.setAnswer(`${R}/age`, 9, [2]);
    expect(engine.answerChoices('/pick')).toEqual([
      { name: 'Ann', label: 'Ann' },
      { name: 'Bongani', label: 'Bongani' },
    ]);
    engine.setAnswer(`${R}/name`, 'Bea', [1]);
    expect(engine.answerChoices('/pick').map((c) => c.name)).toEqual(['Ann', 'Bea', 'Bongani']);
    engine.removeRepeatInstance(R, [0]);
    expect(engine.answerChoices('/pick').map((c) => c.name)).toEqual(['Bea', 'Bongani']);
  });

  it('evaluates the choice_filter in each instance', () => {
    const engine = createFormEngine(fields);
    engine.setAnswer(`${R}/name`, 'Ann', [0]);
    engine.setAnswer(`${R}/age`, 34, [0]);
    engine.addRepeatInstance(R);
    engine.setAnswer(`${R}/name`, 'Bongani', [1]);
    engine.setAnswer(`${R}/age`, 9, [1]);
    expect(engine.answerChoices('/adult').map((c) => c.name)).toEqual(['Ann']);
    expect(engine.answerChoices('/b_names').map((c) => c.name)).toEqual(['Bongani']);
  });

  it('from inside the repeat, lists the answers of all its instances', () => {
    const engine = createFormEngine(fields);
    engine.setAnswer(`${R}/name`, 'Ann', [0]);
    engine.addRepeatInstance(R);
    engine.setAnswer(`${R}/name`, 'Bea', [1]);
    expect(engine.answerChoices(`${R}/buddy`, [1]).map((c) => c.name)).toEqual(['Ann', 'Bea']);
  });

  it('has no choices for a name that is no question in a repeat', () => {
    expect(createFormEngine(fields).answerChoices('/plain')).toEqual([]);
  });
});

describe('${last-saved#name}', () => {
  const fields = [
    field('/village', 'text', { default: '${last-saved#village}' }),
    field('/visits', 'calculate', { calculate: 'coalesce(${last-saved#visits}, 0) + 1' }),
  ];

  it('reads the last saved record, and blank without one', () => {
    const first = createFormEngine(fields);
    expect(first.getAnswer('/village')).toBe('');
    expect(first.getAnswer('/visits')).toBe('1');
    const saved: Record<string, string> = { village: 'Sonop', visits: '4' };
    const next = createFormEngine(fields, { lastSaved: (name) => saved[name] });
    expect(next.getAnswer('/village')).toBe('Sonop');
    expect(next.getAnswer('/visits')).toBe('5');
  });

  it('is no dependency of the record itself (a calculation may read its own last value)', () => {
    expect(() => createFormEngine(fields)).not.toThrow();
  });
});
