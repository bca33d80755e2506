// Regression cases from the research (§1.6–1.7): the zero partner, a singleton pair summing to 2,
// a one-child hierarchy; each checked against the brute-force oracle.
import { describe, expect, it } from 'vitest';
import { feasibleValues } from '../test/oracle.ts';
import { buildModel, DEFAULT_RULES, type PublicationInput, protect, suppressPublication } from './index.ts';

const rules = { ...DEFAULT_RULES, minHouseholds: 0, minPersons: 0 };

/** One dimension with the given counts per section. */
function row(counts: number[][]): PublicationInput {
  const categories = counts[0]!.map((_, k) => ({ id: `c${k}`, label: `C${k}` }));
  return {
    settlement: { id: 'all', name: 'All' },
    sections: counts.map((_, s) => ({ id: `s${s}`, name: `S${s}`, households: 40, persons: 90 })),
    populations: [
      {
        id: 'p',
        unit: 'person',
        dimensions: [{ id: 'd', label: 'D', categories }],
        counts: counts.flatMap((section, s) =>
          section.map((count, k) => ({ section: `s${s}`, categories: { d: `c${k}` }, count })),
        ),
      },
    ],
    tables: [{ id: 't', title: 'T', population: 'p', dimensions: ['d'] }],
  };
}

function run(input: PublicationInput) {
  const { problem } = buildModel(input, rules);
  const result = protect(problem, { maxRounds: rules.maxRepairRounds });
  const statusOf = (key: string) => result.status[problem.cells.findIndex((cell) => cell.key === key)];
  return { problem, result, statusOf, values: feasibleValues(problem, result.status) };
}

function everyPrimaryHasTwoValues({ problem, result, values }: ReturnType<typeof run>): void {
  expect(result.ok).toBe(true);
  problem.cells.forEach((_, index) => {
    if (result.status[index] === 'primary') expect(values.get(index)!.size).toBeGreaterThanOrEqual(2);
  });
}

describe('regressions', () => {
  it('zero partner: a 1 beside a published 0 gets a non-zero partner, not the zero', () => {
    // Hidden beside the zero, 1 + 0 = 1 with the 1 known to be ≥ 1 would pin it.
    const case1 = run(row([[1, 0, 20]]));
    expect(case1.statusOf('p|area:s0|d=c0')).toBe('primary');
    expect(case1.statusOf('p|area:s0|d=c1')).toBe('published');
    expect(case1.statusOf('p|area:s0|d=c2')).toBe('secondary');
    everyPrimaryHasTwoValues(case1);
  });

  it('singleton pair: two hidden 1s whose sum 2 is known are given a third partner', () => {
    const pair = run(row([[1, 1, 30]]));
    expect(pair.statusOf('p|area:s0|d=c0')).toBe('primary');
    expect(pair.statusOf('p|area:s0|d=c1')).toBe('primary');
    // Without the third cell the sum 2 would be published and each 1 pinned by its lower bound.
    expect(pair.result.status.filter((s) => s === 'secondary').length).toBeGreaterThan(0);
    everyPrimaryHasTwoValues(pair);
  });

  it('singleton pair across two sections of a settlement', () => {
    const across = run(
      row([
        [1, 12],
        [1, 15],
      ]),
    );
    everyPrimaryHasTwoValues(across);
  });

  it('one-child hierarchy: a settlement of one area publishes its cells once, in both places alike', () => {
    const input = row([[3, 12, 20]]);
    const { problem } = buildModel(input, rules);
    // The settlement and its only section are the same cells: one model cell each.
    expect(problem.cells.length).toBe(4);
    const published = suppressPublication(input, { rules });
    const cells = published.tables[0]!.cells;
    const at = (level: string) => cells.filter((cell) => cell.level === level).map((cell) => cell.count);
    expect(at('settlement')).toEqual(at('section'));
    expect(at('section')).toContain(null);
    everyPrimaryHasTwoValues(run(input));
  });

  it('one-child hierarchy after merging: every section too small becomes one area, the settlement', () => {
    const input = row([
      [3, 2, 4],
      [1, 5, 2],
    ]);
    input.sections.forEach((section) => {
      section.households = 5;
    });
    const published = suppressPublication(input);
    expect(published.areas.map((area) => area.kind)).toEqual(['other-sections']);
    const cells = published.tables[0]!.cells;
    const at = (level: string) => cells.filter((cell) => cell.level === level).map((cell) => cell.count);
    expect(at('settlement')).toEqual(at('section'));
  });
});
