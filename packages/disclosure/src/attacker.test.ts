// The independent attacker (test/attacker.ts) against the public CSVs: it rebuilds the model from
// the files alone and finds no hidden cell it can pin, linearly or by LP bounds, even when told
// which hidden cells are primaries. Against a publication that hides primaries only, it succeeds,
// which shows it is a real attacker.
import { describe, expect, it } from 'vitest';
import { attack, type PublicTable } from '../test/attacker.ts';
import { syntheticPublication } from '../test/synthetic.ts';
import { buildModel, DEFAULT_RULES, suppressPublication, tableCsv } from './index.ts';

const input = syntheticPublication({ sections: 3, seed: 21 });
const result = suppressPublication(input);
const files: PublicTable[] = result.tables.map((table) => ({
  population: table.population,
  csv: tableCsv(table),
}));

/** What a "<5" / "<10" label would add: primaries' ranges, by table and CSV line. */
function primaryRanges(): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  result.tables.forEach((table, t) => {
    table.cells.forEach((cell, k) => {
      const primary = result.hidden.some(
        (note) =>
          note.what === 'count' &&
          note.reason === 'primary' &&
          note.table === table.id &&
          note.area === cell.area &&
          note.level === cell.level &&
          JSON.stringify(note.categories) === JSON.stringify(cell.categories),
      );
      if (!primary) return;
      const sensitive = input.populations
        .find((population) => population.id === table.population)!
        .dimensions.some((dimension) => dimension.sensitive && cell.categories[dimension.id] !== '_total');
      ranges.set(`${t}:${k + 1}`, sensitive ? [0, 9] : [1, 4]);
    });
  });
  return ranges;
}

describe('an independent attacker with only the public CSVs', () => {
  it('recovers no hidden cell', () => {
    expect(result.ok).toBe(true);
    expect(result.hidden.length).toBeGreaterThan(10);
    expect(attack(files)).toEqual([]);
  }, 60_000);

  it('recovers none even when told which hidden cells are primaries and their ranges', () => {
    expect(attack(files, { ranges: primaryRanges() })).toEqual([]);
  }, 60_000);

  it('does recover cells when only the primaries are hidden', () => {
    const { problem } = buildModel(input, DEFAULT_RULES);
    const primaryKeys = new Set(problem.cells.filter((cell) => cell.primary).map((cell) => cell.key));
    // Publish everything except primaries, as a naive publisher would.
    const naive = result.tables.map((table) => ({
      ...table,
      cells: table.cells.map((cell) => ({ ...cell, count: cell.count })),
    }));
    const values = new Map(problem.cells.map((cell) => [cell.key, cell.value]));
    const keyOf = (population: string, area: string, level: string, categories: Record<string, string>) => {
      const dims = input.populations.find((p) => p.id === population)!.dimensions;
      const where = level === 'settlement' ? 'settlement' : `area:${area}`;
      return `${population}|${where}|${dims.map((d) => `${d.id}=${categories[d.id] && categories[d.id] !== '_total' ? categories[d.id] : '*'}`).join('|')}`;
    };
    for (const table of naive)
      for (const cell of table.cells) {
        const key = keyOf(table.population, cell.area, cell.level, cell.categories);
        cell.count = primaryKeys.has(key) ? null : values.get(key)!;
      }
    const recovered = attack(naive.map((table) => ({ population: table.population, csv: tableCsv(table) })));
    expect(recovered.length).toBeGreaterThan(0);
    expect(recovered.some((recovery) => recovery.how === 'linear')).toBe(true);
  }, 60_000);

  it('P6: levels protected one at a time leak through the settlement total; as one publication they do not', () => {
    const sexAge = input.tables[0]!;
    const alone = (['section', 'settlement'] as const).map(
      (level) => suppressPublication({ ...input, tables: [{ ...sexAge, levels: [level] }] }).tables[0]!,
    );
    const separately = attack(alone.map((table) => ({ population: table.population, csv: tableCsv(table) })));
    expect(separately.some((recovery) => recovery.how === 'linear')).toBe(true);
    const together = suppressPublication({ ...input, tables: [sexAge] }).tables[0]!;
    expect(attack([{ population: together.population, csv: tableCsv(together) }])).toEqual([]);
  }, 60_000);
});
