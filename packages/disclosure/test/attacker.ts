// An independent attacker: it reads only the public CSVs (and which population each table counts),
// rebuilds the inner cells itself from the rows it sees, and tries to pin every hidden cell, by
// exact linear algebra (RowSpace) and by LP bounds with javascript-lp-solver, a solver the engine
// does not use. Optionally it is told more than the public is: which hidden cells are primaries
// (so their range 1…4 or 0…9), as if each were labelled.
import solver from 'javascript-lp-solver';
import { RowSpace } from './rational-rref.ts';

export type PublicTable = { population: string; csv: string };

type Row = { table: number; line: number; vector: number[]; value: number | null };

export type Recovery = { table: number; line: number; how: 'linear' | 'bounds'; value: number };

export type AttackerHints = {
  /** For hidden cells the attacker is told are primaries, keyed `${table}:${line}`: their range. */
  ranges?: Map<string, [number, number]>;
};

function parse(csv: string): string[][] {
  // The engine's ids never need quoting; a quoted field would be a different test.
  return csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

export function attack(tables: PublicTable[], hints: AttackerHints = {}): Recovery[] {
  const rows: Row[] = [];
  const byPopulation = new Map<string, number[]>();
  tables.forEach((table, index) => {
    byPopulation.set(table.population, [...(byPopulation.get(table.population) ?? []), index]);
  });
  for (const members of byPopulation.values()) {
    const parsed = members.map((index) => parse(tables[index]!.csv));
    const dimensions = new Map<string, Set<string>>();
    const areas = new Set<string>();
    for (const [header, ...body] of parsed) {
      const dims = header!.slice(2, header!.indexOf('count'));
      for (const line of body) {
        if (line[0] === 'section') areas.add(line[1]!);
        dims.forEach((dimension, k) => {
          const set = dimensions.get(dimension) ?? new Set<string>();
          if (line[2 + k] !== '_total') set.add(line[2 + k]!);
          dimensions.set(dimension, set);
        });
      }
    }
    const names = [...dimensions.keys()];
    const areaList = [...areas].sort();
    const combos: Record<string, string>[] = [{}];
    for (const name of names) {
      const next: Record<string, string>[] = [];
      for (const combo of combos)
        for (const category of dimensions.get(name)!) next.push({ ...combo, [name]: category });
      combos.splice(0, combos.length, ...next);
    }
    const inner = areaList.flatMap((area) => combos.map((combo) => ({ area, combo })));
    parsed.forEach(([header, ...body], t) => {
      const dims = header!.slice(2, header!.indexOf('count'));
      const countColumn = header!.indexOf('count');
      body.forEach((line, k) => {
        const vector = inner.map(({ area, combo }) =>
          (line[0] === 'settlement' || line[1] === area) &&
          dims.every((dimension, d) => line[2 + d] === '_total' || combo[dimension] === line[2 + d])
            ? 1
            : 0,
        );
        const value = line[countColumn] === 'c' ? null : Number(line[countColumn]);
        rows.push({ table: members[t]!, line: k + 1, vector, value });
      });
    });
  }
  // Populations are disjoint blocks of one long vector.
  const offsets = new Map<number, number>();
  let offset = 0;
  for (const members of byPopulation.values()) {
    for (const member of members) offsets.set(member, offset);
    offset += rows.find((row) => row.table === members[0])!.vector.length;
  }
  const full = (row: Row) => {
    const out = new Array<number>(offset).fill(0);
    row.vector.forEach((entry, k) => {
      out[offsets.get(row.table)! + k] = entry;
    });
    return out;
  };
  const known = rows.filter((row) => row.value !== null);
  const hidden = rows.filter((row) => row.value === null);
  const space = new RowSpace(known.map(full));
  const recoveries: Recovery[] = [];
  for (const row of hidden)
    if (space.contains(full(row)))
      recoveries.push({ table: row.table, line: row.line, how: 'linear', value: Number.NaN });

  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (let j = 0; j < offset; j++) variables[`y${j}`] = {};
  const addRow = (name: string, vector: number[]) =>
    vector.forEach((entry, j) => {
      if (entry) variables[`y${j}`]![name] = 1;
    });
  known.forEach((row, k) => {
    constraints[`k${k}`] = { equal: row.value! };
    addRow(`k${k}`, full(row));
  });
  for (const row of hidden) {
    const range = hints.ranges?.get(`${row.table}:${row.line}`);
    if (!range) continue;
    const name = `r${row.table}:${row.line}`;
    constraints[name] = { min: range[0], max: range[1] };
    addRow(name, full(row));
  }
  for (const row of hidden) {
    const vector = full(row);
    const bound = (opType: 'min' | 'max') => {
      const objective: Record<string, Record<string, number>> = {};
      for (const [name, coefs] of Object.entries(variables))
        objective[name] = { ...coefs, target: vector[Number(name.slice(1))] ?? 0 };
      const solution = solver.Solve({ optimize: 'target', opType, constraints, variables: objective }) as {
        feasible: boolean;
        bounded?: boolean;
        result: number;
      };
      if (!solution.feasible) throw new Error('the published cells should have a solution');
      return solution.bounded === false ? (opType === 'max' ? Infinity : -Infinity) : solution.result;
    };
    const low = Math.ceil(bound('min') - 1e-6);
    const high = Math.floor(bound('max') + 1e-6);
    if (high - low < 1) recoveries.push({ table: row.table, line: row.line, how: 'bounds', value: low });
  }
  return recoveries;
}
