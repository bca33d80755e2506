// The pipeline as a user of the package sees it: P4 (deterministic, idempotent, nothing hidden
// without primaries, large cells hidden only as secondaries), P5 (rates), merging, the one symbol
// and located input errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded, syntheticPublication } from '../test/synthetic.ts';
import { tinyPublication, tinyRules } from '../test/tiny.ts';
import { tableCsv } from './csv.ts';
import {
  buildModel,
  DEFAULT_RULES,
  HIDDEN_SYMBOL,
  OTHER_SECTIONS,
  type PublicationInput,
  PublicationInputError,
  type PublicationResult,
  protect,
  suppressPublication,
} from './index.ts';

const shown = (result: PublicationResult) =>
  result.tables.map((table) => table.cells.map((cell) => [cell.count, cell.rate]));

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('P4: deterministic and idempotent', () => {
  const input = syntheticPublication({ sections: 6, seed: 11 });
  const first = suppressPublication(input);

  it('gives the same publication whatever order sections and counts come in', () => {
    const random = seeded(5);
    const reordered: PublicationInput = {
      ...input,
      sections: shuffled(input.sections, random),
      populations: input.populations.map((population) => ({
        ...population,
        counts: shuffled(population.counts, random),
      })),
    };
    expect(first.ok).toBe(true);
    expect(shown(suppressPublication(reordered))).toEqual(shown(first));
  });

  it('hides the same cells again when given its own secondaries', () => {
    const again = suppressPublication(input, { alsoHide: first.audit.secondaries });
    expect(shown(again)).toEqual(shown(first));
    expect(again.audit.secondaries).toEqual(first.audit.secondaries);
    expect(again.audit.rounds).toBe(0);
  });

  it('hides nothing when no count is small, and never a large count as a primary', () => {
    fc.assert(
      fc.property(tinyPublication, (tiny) => {
        const big = {
          ...tiny,
          populations: tiny.populations.map((population) => ({
            ...population,
            dimensions: population.dimensions.map((dimension) => ({ ...dimension, sensitive: false })),
            counts: population.counts.map((count) => ({
              ...count,
              count: count.count < 5 ? 0 : count.count + 5,
            })),
          })),
        };
        const result = suppressPublication(big, { rules: tinyRules });
        expect(result.hidden).toEqual([]);
        expect(result.audit.cells.primary).toBe(0);
        // With small counts, a primary is always below its threshold and a count at or above it is
        // hidden only as a secondary.
        const rules = { ...DEFAULT_RULES, ...tinyRules };
        const { problem } = buildModel(tiny, rules);
        const { status } = protect(problem, { maxRounds: rules.maxRepairRounds });
        problem.cells.forEach((cell, index) => {
          const threshold = cell.sensitive ? rules.sensitiveThreshold : rules.threshold;
          if (status[index] === 'primary') expect(cell.value).toBeLessThan(threshold);
          if (cell.value >= threshold) expect(status[index]).not.toBe('primary');
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('P5: rates', () => {
  it('publishes a rate only over a published denominator of at least 20 and a published numerator', () => {
    for (const seed of [1, 2, 3]) {
      const result = suppressPublication(syntheticPublication({ sections: 5, seed }));
      const table = result.tables.find((candidate) => candidate.rateOf === 'disability')!;
      const byKey = new Map(table.cells.map((cell) => [JSON.stringify([cell.area, cell.categories]), cell]));
      let published = 0;
      for (const cell of table.cells) {
        if (cell.categories.disability === '_total') {
          expect(cell.rate).toBeUndefined();
          continue;
        }
        const whole = byKey.get(JSON.stringify([cell.area, { ...cell.categories, disability: '_total' }]))!;
        if (cell.rate === null) {
          expect(cell.count === null || whole.count === null || whole.count < 20).toBe(true);
          continue;
        }
        published++;
        expect(cell.count).not.toBeNull();
        expect(whole.count).toBeGreaterThanOrEqual(20);
        expect(cell.rate).toBeCloseTo(cell.count! / whole.count!, 12);
      }
      expect(published).toBeGreaterThan(0);
      const rateNotes = result.hidden.filter((note) => note.what === 'rate');
      expect(rateNotes.every((note) => note.reason === 'rate' && note.rule !== undefined)).toBe(true);
    }
  });
});

describe('the published output', () => {
  const result = suppressPublication(syntheticPublication({ sections: 4, seed: 9 }));

  it('shows every hidden count and rate as the one symbol, whatever the reason', () => {
    const csv = tableCsv(result.tables.find((table) => table.rateOf)!);
    const fields = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .flatMap((line) => line.split(',').slice(-2));
    expect(fields).toContain(HIDDEN_SYMBOL);
    expect(
      fields.every((field) => field === HIDDEN_SYMBOL || field === '' || Number.isFinite(Number(field))),
    ).toBe(true);
    expect(csv).not.toMatch(/primary|secondary/);
    const reasons = new Set(result.hidden.map((note) => note.reason));
    expect(reasons).toEqual(new Set(['primary', 'secondary', 'rate']));
  });

  it('shows a cell shared by two tables (the sex margin) the same way in both', () => {
    const [ages, disability] = result.tables;
    const margin = (table: typeof ages) =>
      table!.cells
        .filter((cell) => Object.entries(cell.categories).every(([d, c]) => d === 'sex' || c === '_total'))
        .map((cell) => [cell.area, cell.categories.sex, cell.count]);
    expect(margin(ages)).toEqual(margin(disability));
  });
});

describe('merging small sections', () => {
  it('merges sections under 20 households or 50 persons into one group that is published as an area', () => {
    const input = syntheticPublication({ sections: 6, seed: 3 });
    input.sections[1]!.households = 12;
    input.sections[4]!.persons = 30;
    const result = suppressPublication(input);
    const group = result.areas.find((area) => area.id === OTHER_SECTIONS)!;
    expect(group.sections).toEqual(expect.arrayContaining([input.sections[1]!.id, input.sections[4]!.id]));
    expect(group.households).toBeGreaterThanOrEqual(20);
    const areasInTables = new Set(
      result.tables[0]!.cells.filter((c) => c.level === 'section').map((c) => c.area),
    );
    expect(areasInTables.has(input.sections[1]!.id)).toBe(false);
    expect(areasInTables.has(OTHER_SECTIONS)).toBe(true);
  });
});

describe('bad input', () => {
  it('reports every problem with where it is', () => {
    const input = syntheticPublication({ sections: 2, seed: 1 });
    input.populations[0]!.counts[0] = { section: 'nowhere', categories: { sex: 'x' }, count: -1 };
    input.tables.push({ id: 'persons-sex-age', title: 'again', population: 'nobody', dimensions: [] });
    input.populations[0]!.dimensions[0]!.categories.push({ id: '_total', label: 'Total' });
    const error = (() => {
      try {
        suppressPublication(input);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PublicationInputError);
    const codes = (error as PublicationInputError).problems.map((problem) => [
      problem.code,
      problem.path.join('.'),
    ]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['publication.unknown_section', 'populations.0.counts.0.section'],
        ['publication.bad_count', 'populations.0.counts.0.count'],
        ['publication.unknown_category', 'populations.0.counts.0.categories.sex'],
        ['publication.unknown_category', 'populations.0.counts.0.categories.age'],
        ['publication.duplicate_id', 'tables.3.id'],
        ['publication.unknown_population', 'tables.3.population'],
        ['publication.reserved_id', 'populations.0.dimensions.0.categories.2.id'],
      ]),
    );
  });
});
