// Exact span membership over the rationals, independent of the modular elimination that chose
// the secondaries: other arithmetic (BigInt, fraction-free), other order (cells as listed), other
// code. Used by the linear audit: a hidden cell whose 0/1 vector lies in the span of the published
// cells' vectors can be computed exactly from them.

type IntegerRow = { cols: number[]; vals: bigint[] };

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Row-echelon basis with primitive integer rows (entries divided by their gcd, leading entry > 0). */
export class RationalSpan {
  private readonly rows: IntegerRow[] = [];
  private readonly pivotRow: Int32Array;
  private readonly acc: bigint[];

  constructor(readonly width: number) {
    this.pivotRow = new Int32Array(width).fill(-1);
    this.acc = new Array<bigint>(width).fill(0n);
  }

  get rank(): number {
    return this.rows.length;
  }

  /** True when the 0/1 vector with this support is a rational combination of the rows added. */
  contains(support: ArrayLike<number>): boolean {
    return this.residue(support) === undefined;
  }

  /** Adds the 0/1 vector with this support; false if it was already in the span. */
  add(support: ArrayLike<number>): boolean {
    const row = this.residue(support);
    if (!row) return false;
    this.pivotRow[row.cols[0]!] = this.rows.length;
    this.rows.push(row);
    return true;
  }

  private residue(support: ArrayLike<number>): IntegerRow | undefined {
    const acc = this.acc;
    let start = this.width;
    for (let k = 0; k < support.length; k++) {
      const col = support[k]!;
      acc[col] = 1n;
      if (col < start) start = col;
    }
    const cols: number[] = [];
    const vals: bigint[] = [];
    for (let col = start; col < this.width; col++) {
      const value = acc[col]!;
      if (value === 0n) continue;
      const pivot = this.pivotRow[col]!;
      if (pivot < 0) {
        cols.push(col);
        vals.push(value);
        acc[col] = 0n;
        continue;
      }
      const row = this.rows[pivot]!;
      const lead = row.vals[0]!;
      // acc ← lead·acc − value·row clears this column with integers only; rows from 0/1 data
      // mostly have lead 1, which skips scaling the whole accumulator.
      if (lead !== 1n) {
        for (let k = col; k < this.width; k++) if (acc[k] !== 0n) acc[k] = acc[k]! * lead;
        for (let k = 0; k < cols.length; k++) vals[k] = vals[k]! * lead;
      }
      for (let k = 0; k < row.cols.length; k++) {
        const target = row.cols[k]!;
        acc[target] = acc[target]! - value * row.vals[k]!;
      }
    }
    if (cols.length === 0) return undefined;
    let divisor = 0n;
    for (const value of vals) divisor = gcd(divisor, value);
    if (vals[0]! < 0n) divisor = -divisor;
    return { cols, vals: divisor === 1n ? vals : vals.map((value) => value / divisor) };
  }
}
