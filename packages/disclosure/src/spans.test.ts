import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowSpace } from '../test/rational-rref.ts';
import { RationalSpan } from './exact-span.ts';
import { EchelonBasis, inverseMod, PRIME } from './modular.ts';

const supportsOf = (vectors: number[][]) =>
  vectors.map((vector) => Int32Array.from(vector.flatMap((entry, k) => (entry ? [k] : []))));

describe('span membership', () => {
  it('needs fractions: (1,0,0) = ½((1,1,0) − (0,1,1) + (1,0,1)), found exactly and modulo the prime', () => {
    const rows = supportsOf([
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const exact = new RationalSpan(3);
    const modular = new EchelonBasis(3);
    for (const row of rows) {
      exact.add(row);
      const residue = modular.reduceSupport(row);
      if (residue.cols.length > 0) modular.add(residue);
    }
    expect(exact.rank).toBe(3);
    expect(modular.size).toBe(3);
    expect(exact.contains(Int32Array.of(0))).toBe(true);
  });

  it('agrees with an independent dense rational RREF on random 0/1 vectors', () => {
    const vector = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.array(vector, { maxLength: 9 }),
        fc.array(vector, { minLength: 1, maxLength: 4 }),
        (rows, asks) => {
          const reference = new RowSpace(rows);
          const exact = new RationalSpan(7);
          const modular = new EchelonBasis(7);
          for (const row of supportsOf(rows)) {
            exact.add(row);
            const residue = modular.reduceSupport(row);
            if (residue.cols.length > 0) modular.add(residue);
          }
          expect(exact.rank).toBe(reference.rank);
          expect(modular.size).toBe(reference.rank);
          supportsOf(asks).forEach((ask, k) => {
            expect(exact.contains(ask)).toBe(reference.contains(asks[k]!));
            expect(modular.reduceSupport(ask).cols.length === 0).toBe(reference.contains(asks[k]!));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inverts modulo the prime', () => {
    for (const value of [1, 2, 3, 12345, PRIME - 1]) expect((value * inverseMod(value)) % PRIME).toBe(1);
  });
});
