// An independent span check for the tests: dense, fully reduced row echelon form over the
// rationals with BigInt fractions, written without looking at the engine's sparse elimination.

type Fraction = { n: bigint; d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const make = (n: bigint, d: bigint): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Fraction, b: Fraction): Fraction => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction): Fraction => make(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction): Fraction => make(a.n * b.d, a.d * b.n);

/** Row space of 0/1 vectors (given as dense number arrays). */
export class RowSpace {
  private readonly rows: Fraction[][] = [];
  private readonly pivots: number[] = [];

  constructor(vectors: number[][]) {
    for (const vector of vectors) {
      const reduced = this.reduce(vector);
      const lead = reduced.findIndex((entry) => entry.n !== 0n);
      if (lead < 0) continue;
      const scaled = reduced.map((entry) => div(entry, reduced[lead]!));
      // Keep the form fully reduced: clear the new pivot column from the other rows.
      for (const row of this.rows) {
        const factor = row[lead]!;
        if (factor.n === 0n) continue;
        row.forEach((entry, k) => {
          row[k] = sub(entry, mul(factor, scaled[k]!));
        });
      }
      this.rows.push(scaled);
      this.pivots.push(lead);
    }
  }

  get rank(): number {
    return this.rows.length;
  }

  contains(vector: number[]): boolean {
    return this.reduce(vector).every((entry) => entry.n === 0n);
  }

  private reduce(vector: number[]): Fraction[] {
    const out = vector.map((value) => make(BigInt(value), 1n));
    this.rows.forEach((row, r) => {
      const factor = out[this.pivots[r]!]!;
      if (factor.n === 0n) return;
      row.forEach((entry, k) => {
        out[k] = sub(out[k]!, mul(factor, entry));
      });
    });
    return out;
  }
}
