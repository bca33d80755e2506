import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { type LinearProgram, Simplex } from './simplex.ts';

describe('Simplex', () => {
  it('finds the bounds of x in x + y = 10, y ≤ 4, x ≤ 8', () => {
    const program: LinearProgram = {
      lower: Float64Array.of(0, 0),
      upper: Float64Array.of(8, 4),
      rows: [{ cols: Int32Array.of(0, 1), coefs: Float64Array.of(1, 1), rhs: 10 }],
    };
    const simplex = new Simplex(program);
    const x = { cols: Int32Array.of(0), coefs: Float64Array.of(1) };
    expect(simplex.optimize(x, 1)).toBeCloseTo(6, 9);
    expect(simplex.optimize(x, -1)).toBeCloseTo(8, 9);
    expect(simplex.optimize(x, -1, 7)).toBeGreaterThanOrEqual(7);
  });

  it('reports an unbounded maximum as Infinity and an infeasible program as an error', () => {
    const open = new Simplex({
      lower: Float64Array.of(0, 0),
      upper: Float64Array.of(Infinity, Infinity),
      rows: [{ cols: Int32Array.of(0, 1), coefs: Float64Array.of(1, -1), rhs: 2 }],
    });
    expect(open.optimize({ cols: Int32Array.of(0), coefs: Float64Array.of(1) }, -1)).toBe(Infinity);
    expect(
      () =>
        new Simplex({
          lower: Float64Array.of(0),
          upper: Float64Array.of(3),
          rows: [{ cols: Int32Array.of(0), coefs: Float64Array.of(1), rhs: 5 }],
        }),
    ).toThrow(/infeasible/);
  });

  it('agrees with javascript-lp-solver on random 0/1 programs with a known feasible point', () => {
    const program = fc
      .record({
        point: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
        rows: fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        objective: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      })
      .filter(({ rows, objective }) => rows.every((row) => row.some(Boolean)) && objective.some(Boolean));
    fc.assert(
      fc.property(program, ({ point, rows, objective }) => {
        const lp: LinearProgram = {
          lower: new Float64Array(6),
          upper: new Float64Array(6).fill(Infinity),
          rows: rows.map((row) => {
            const cols = Int32Array.from(row.flatMap((on, k) => (on ? [k] : [])));
            return {
              cols,
              coefs: new Float64Array(cols.length).fill(1),
              rhs: [...cols].reduce((s, k) => s + point[k]!, 0),
            };
          }),
        };
        const simplex = new Simplex(lp);
        const cols = Int32Array.from(objective.flatMap((on, k) => (on ? [k] : [])));
        const goal = { cols, coefs: new Float64Array(cols.length).fill(1) };
        const constraints = Object.fromEntries(lp.rows.map((row, r) => [`r${r}`, { equal: row.rhs }]));
        const variables = Object.fromEntries(
          point.map((_, k) => [
            `x${k}`,
            {
              target: objective[k] ? 1 : 0,
              ...Object.fromEntries(
                lp.rows.flatMap((row, r) => ([...row.cols].includes(k) ? [[`r${r}`, 1]] : [])),
              ),
            },
          ]),
        );
        for (const [sense, opType] of [
          [1, 'min'],
          [-1, 'max'],
        ] as const) {
          const theirs = solver.Solve({ optimize: 'target', opType, constraints, variables }) as {
            bounded?: boolean;
            result: number;
          };
          const ours = simplex.optimize(goal, sense);
          if (theirs.bounded === false) expect(ours).toBe(Infinity);
          else expect(ours).toBeCloseTo(theirs.result, 6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
