import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { findCycle, isDynamicDefault } from './index.ts';

const f = (name: string, extra: Partial<EngineField> = {}): EngineField => ({
  path: `/${name}`,
  name,
  type: 'calculate',
  ...extra,
});

describe('findCycle', () => {
  it('returns null for an acyclic form', () => {
    expect(findCycle([f('a', { calculate: '1' }), f('b', { calculate: '${a} + 1' })])).toBeNull();
  });

  it('finds a self-reference', () => {
    expect(findCycle([f('a', { calculate: '${a} + 1' })])).toEqual(['a', 'a']);
  });

  it('finds a cycle through calculations and relevance', () => {
    const cycle = findCycle([
      f('a', { calculate: '${c}' }),
      f('b', { relevant: '${a} > 1' }),
      f('c', { calculate: "if(${b} = '', 0, 1)" }),
      f('d', { calculate: '${a}' }),
    ]);
    expect(cycle).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds a group whose relevance depends on its own child', () => {
    const cycle = findCycle([
      { path: '/g', name: 'g', type: 'begin_group', relevant: "${x} = 'y'" },
      { path: '/g/x', name: 'x', type: 'text' },
    ]);
    expect(cycle).toEqual(['g', 'x', 'g']);
  });

  it('ignores constraints, required, dynamic defaults and `.`', () => {
    expect(
      findCycle([
        f('a', { type: 'integer', constraint: '. > ${b}', required: '${a} = 1', default: '${a}' }),
        f('b', { calculate: '${a} * 2' }),
      ]),
    ).toBeNull();
  });

  it('handles a 5,000-long chain without recursion', () => {
    const fields = Array.from({ length: 5000 }, (_, i) =>
      f(`c${i}`, { calculate: `\${c${(i + 1) % 5000}}` }),
    );
    expect(findCycle(fields)?.length).toBe(5001);
  });
});

describe('isDynamicDefault', () => {
  it.each([
    ['yes', false],
    ['2020-01-01', false],
    ['hello world', false],
    ['Hello (friend)', false],
    ['today()', true],
    ['${other}', true],
    ["concat('a', 'b')", true],
  ])('%s → %s', (text, expected) => {
    expect(isDynamicDefault(text)).toBe(expected);
  });
});
