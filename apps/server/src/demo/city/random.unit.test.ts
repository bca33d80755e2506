import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  bernoulli,
  deriveSeed,
  householdSize,
  integer,
  lognormal,
  normal,
  pick,
  poisson,
  seeded,
  weighted,
} from './random.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded randomness', () => {
  it('repeats for a seed, differs between seeds and stays in (0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const [a, b] = [seeded(seed), seeded(seed)];
        const xs = draw(50, a);
        expect(draw(50, b)).toEqual(xs);
        for (const x of xs) expect(x > 0 && x < 1).toBe(true);
      }),
    );
    expect(draw(5, seeded(1))).not.toEqual(draw(5, seeded(2)));
    expect(deriveSeed(7, 1)).not.toBe(deriveSeed(7, 2));
    expect(deriveSeed(7, 1)).toBe(deriveSeed(7, 1));
  });

  it('integer stays within its bounds and reaches both', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 5 }),
        (seed, min, width) => {
          const random = seeded(seed);
          const xs = draw(400, () => integer(random, min, min + width));
          for (const x of xs) expect(Number.isInteger(x) && x >= min && x <= min + width).toBe(true);
          expect(new Set(xs).size).toBe(width + 1);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('pick, weighted and bernoulli follow their shares', () => {
    const random = seeded(11);
    const picks = draw(20_000, () => (weighted(random, { a: 1, b: 3 }) === 'b' ? 1 : 0));
    expect(mean(picks)).toBeGreaterThan(0.73);
    expect(mean(picks)).toBeLessThan(0.77);
    expect(mean(draw(20_000, () => (bernoulli(random, 0.2) ? 1 : 0)))).toBeCloseTo(0.2, 1);
    expect(new Set(draw(200, () => pick(random, [1, 2, 3])))).toEqual(new Set([1, 2, 3]));
    expect(() => pick(random, [])).toThrow(RangeError);
  });

  it('normal, lognormal and poisson have the stated moments', () => {
    const random = seeded(5);
    const xs = draw(40_000, () => normal(random, 10, 2));
    const m = mean(xs);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    expect(m).toBeGreaterThan(9.95);
    expect(m).toBeLessThan(10.05);
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
    const logs = draw(20_000, () => lognormal(random, 1, 0.5)).sort((a, b) => a - b);
    expect(logs[10_000] as number).toBeGreaterThan(Math.E * 0.97);
    expect(logs[10_000] as number).toBeLessThan(Math.E * 1.03);
    expect(mean(draw(20_000, () => poisson(random, 3)))).toBeCloseTo(3, 1);
  });

  it('household sizes are 1–10, right-skewed, mean ≈ 2.9', () => {
    const random = seeded(3);
    const sizes = draw(50_000, () => householdSize(random));
    for (const s of sizes) expect(Number.isInteger(s) && s >= 1 && s <= 10).toBe(true);
    const m = mean(sizes);
    expect(m).toBeGreaterThan(2.8);
    expect(m).toBeLessThan(3.0);
    // Right-skewed: the third central moment is positive.
    expect(mean(sizes.map((s) => (s - m) ** 3))).toBeGreaterThan(0);
    expect(sizes.filter((s) => s >= 7).length).toBeGreaterThan(0);
  });

  it('apportion gives each part at least 1 and sums to the total exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.nat(5000),
        (weights, extra) => {
          const total = weights.length + extra;
          const parts = apportion(weights, total);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(Number.isInteger(p) && p >= 1).toBe(true);
        },
      ),
    );
    expect(apportion([1, 3], 42)).toEqual([11, 31]);
    expect(() => apportion([1, 1, 1], 2)).toThrow(RangeError);
  });
});
