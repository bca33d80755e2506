// Builds one model matrix for a whole publication. Inner cells are area × every dimension of a
// population (so sex × age and sex × disability tables share their inner cells and their sex
// margin); every published cell, margin and settlement total is a 0/1 sum of them. A cell reached
// from two tables (the same sex margin) is one model cell shown in both places.
import { mergeSmallSections, type PublishedArea } from './areas.ts';
import type { AreaLevel, DisclosureRules, Population, PublicationInput, TableSpec } from './input.ts';
import type { ProblemCell, SuppressionProblem } from './problem.ts';

/** The category shown for a margin. */
export const TOTAL = '_total';

export type CellPosition = {
  table: string;
  level: AreaLevel;
  /** The settlement's id at settlement level, else a published area's id. */
  area: string;
  /** Category id per table dimension, or TOTAL. */
  categories: Record<string, string>;
};

export type PublishedTableLayout = { spec: TableSpec; positions: CellPosition[]; cells: number[] };

export type PublicationModel = {
  problem: SuppressionProblem;
  areas: PublishedArea[];
  tables: PublishedTableLayout[];
};

type Cube = { population: Population; offset: number; size: number; radix: number[] };

const ALL = -1;

export function buildModel(input: PublicationInput, rules: DisclosureRules): PublicationModel {
  const areas = mergeSmallSections(input.sections, rules);
  const areaOfSection = new Map<string, number>();
  areas.forEach((area, index) => {
    for (const section of area.sections) areaOfSection.set(section, index);
  });
  const cubes = new Map<string, Cube>();
  let innerCount = 0;
  for (const population of input.populations) {
    const radix = population.dimensions.map((dimension) => dimension.categories.length);
    const size = radix.reduce((product, k) => product * k, 1);
    cubes.set(population.id, { population, offset: innerCount, size, radix });
    innerCount += size * areas.length;
  }
  const innerValues = new Int32Array(innerCount);
  for (const { population, offset, size } of cubes.values()) {
    const categoryIndex = population.dimensions.map(
      (dimension) => new Map(dimension.categories.map((category, index) => [category.id, index])),
    );
    for (const count of population.counts) {
      let combo = 0;
      population.dimensions.forEach((dimension, d) => {
        combo = combo * dimension.categories.length + categoryIndex[d]!.get(count.categories[dimension.id]!)!;
      });
      const inner = offset + areaOfSection.get(count.section)! * size + combo;
      innerValues[inner] = innerValues[inner]! + count.count;
    }
  }

  const cells: ProblemCell[] = [];
  const indexOfKey = new Map<string, number>();
  const shapes: { cube: Cube; area: number; selection: number[] }[] = [];
  const settlement = areas.length === 1 ? 0 : ALL;

  const supportOf = (cube: Cube, area: number, selection: number[]): Int32Array => {
    const indices: number[] = [];
    const areaList = area === ALL ? areas.map((_, index) => index) : [area];
    for (const a of areaList) {
      const visit = (d: number, combo: number) => {
        if (d === cube.radix.length) {
          indices.push(cube.offset + a * cube.size + combo);
          return;
        }
        const k = cube.radix[d]!;
        const chosen = selection[d]!;
        if (chosen !== ALL) visit(d + 1, combo * k + chosen);
        else for (let c = 0; c < k; c++) visit(d + 1, combo * k + c);
      };
      visit(0, 0);
    }
    return Int32Array.from(indices);
  };
  const sumOf = (support: Int32Array) => support.reduce((sum, index) => sum + innerValues[index]!, 0);

  const cellFor = (cube: Cube, area: number, given: number[]): number => {
    // One category only: its margin is the category itself.
    const selection = given.map((chosen, d) => (chosen === ALL && cube.radix[d] === 1 ? 0 : chosen));
    const dimensions = cube.population.dimensions;
    const key = `${cube.population.id}|${area === ALL ? 'settlement' : `area:${areas[area]!.id}`}|${dimensions
      .map(
        (dimension, d) =>
          `${dimension.id}=${selection[d] === ALL ? '*' : dimension.categories[selection[d]!]!.id}`,
      )
      .join('|')}`;
    const known = indexOfKey.get(key);
    if (known !== undefined) return known;
    const support = supportOf(cube, area, selection);
    const value = sumOf(support);
    const sensitive = dimensions.some((dimension, d) => dimension.sensitive && selection[d] !== ALL);
    const threshold = sensitive ? rules.sensitiveThreshold : rules.threshold;
    let primary = value > 0 && value < threshold;
    if (sensitive && value === 0) {
      // "0 of the 6 women aged 60+ are disabled" says something about each of the 6.
      const group = selection.map((chosen, d) => (dimensions[d]!.sensitive ? ALL : chosen));
      primary = sumOf(supportOf(cube, area, group)) > 0;
    }
    const index = cells.length;
    cells.push({
      key,
      support,
      value,
      primary,
      sensitive,
      lower: sensitive ? 0 : 1,
      upper: threshold - 1,
      partitions: [],
    });
    shapes.push({ cube, area, selection });
    indexOfKey.set(key, index);
    return index;
  };

  const tables: PublishedTableLayout[] = input.tables.map((spec) => {
    const cube = cubes.get(spec.population)!;
    const dimensions = cube.population.dimensions;
    const columns = spec.dimensions.map((id) => dimensions.findIndex((dimension) => dimension.id === id));
    const positions: CellPosition[] = [];
    const tableCells: number[] = [];
    for (const level of spec.levels ?? (['settlement', 'section'] as const)) {
      const areaIndices = level === 'settlement' ? [settlement] : areas.map((_, index) => index);
      for (const area of areaIndices) {
        const visit = (t: number, selection: number[]) => {
          if (t === columns.length) {
            const categories: Record<string, string> = {};
            columns.forEach((d, k) => {
              categories[spec.dimensions[k]!] =
                selection[d] === ALL ? TOTAL : dimensions[d]!.categories[selection[d]!]!.id;
            });
            const areaId = level === 'settlement' ? input.settlement.id : areas[area]!.id;
            positions.push({ table: spec.id, level, area: areaId, categories });
            tableCells.push(cellFor(cube, area, selection));
            return;
          }
          const d = columns[t]!;
          for (let c = 0; c < dimensions[d]!.categories.length; c++)
            visit(
              t + 1,
              selection.map((chosen, k) => (k === d ? c : chosen)),
            );
          visit(t + 1, selection);
        };
        visit(
          0,
          dimensions.map(() => ALL),
        );
      }
    }
    return { spec, positions, cells: tableCells };
  });

  addPartitions(cells, shapes, areas.length);
  return { problem: { innerCount, innerValues, cells }, areas, tables };
}

/** Records, for every cell, the splits into other published cells that the model contains. */
function addPartitions(
  cells: ProblemCell[],
  shapes: { cube: Cube; area: number; selection: number[] }[],
  areaCount: number,
): void {
  const keyOf = (cube: Cube, area: number, selection: number[]) =>
    `${cube.population.id}|${area === ALL ? 'settlement' : `area:${area}`}|${selection.join(',')}`;
  const byShape = new Map<string, number>();
  shapes.forEach((shape, index) => {
    byShape.set(keyOf(shape.cube, shape.area, shape.selection), index);
  });
  shapes.forEach(({ cube, area, selection }, index) => {
    const tryPartition = (members: string[]) => {
      const found = members.map((key) => byShape.get(key));
      if (found.every((member) => member !== undefined)) cells[index]!.partitions.push(found as number[]);
    };
    if (area === ALL && areaCount > 1)
      tryPartition(Array.from({ length: areaCount }, (_, a) => keyOf(cube, a, selection)));
    selection.forEach((chosen, d) => {
      if (chosen !== ALL) return;
      tryPartition(
        Array.from({ length: cube.radix[d]! }, (_, c) =>
          keyOf(
            cube,
            area,
            selection.map((s, k) => (k === d ? c : s)),
          ),
        ),
      );
    });
  });
}
