// Linear algebra modulo a prime for the secondary suppression's elimination. Cells are 0/1 vectors;
// exact rational elimination would let entries grow, so the elimination runs modulo a prime small
// enough that every product of two residues is an exact double (p − 1)² < 2⁵³. A false "dependent"
// verdict needs the prime to divide a minor of the matrix; the exact linear audit (exact-span.ts)
// re-checks every hidden cell over the rationals, so such a coincidence could only cost an extra
// repair round, never a leak.

/** The largest prime p with (p − 1)² < 2⁵³. */
export const PRIME = 94906249;

export function inverseMod(value: number): number {
  let [a, b, x0, x1] = [value % PRIME, PRIME, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b] = [b, a - q * b];
    [x0, x1] = [x1, x0 - q * x1];
  }
  if (a !== 1) throw new Error('not invertible modulo the prime');
  return ((x0 % PRIME) + PRIME) % PRIME;
}

/** A reduced vector: its non-zero columns ascending and their residues. */
export type SparseResidue = { cols: Int32Array; vals: Float64Array };

/**
 * A row-echelon basis of published cells. `reduce` returns what is left of a vector after removing
 * every pivot column, so a vector lies in the span exactly when nothing is left.
 */
export class EchelonBasis {
  private readonly rows: SparseResidue[] = [];
  private readonly pivotRow: Int32Array;
  private readonly scratch: Float64Array;

  constructor(readonly width: number) {
    this.pivotRow = new Int32Array(width).fill(-1);
    this.scratch = new Float64Array(width);
  }

  get size(): number {
    return this.rows.length;
  }

  /** The residue of a 0/1 vector given by its support. */
  reduceSupport(support: Int32Array): SparseResidue {
    const acc = this.scratch;
    for (const col of support) acc[col] = 1;
    return this.drain(acc, support[0] ?? this.width);
  }

  /** Adds a residue returned by `reduceSupport` (non-empty) as a new pivot row, normalised to 1. */
  add(residue: SparseResidue): SparseResidue {
    const lead = residue.cols[0]!;
    const scale = inverseMod(residue.vals[0]!);
    const vals = residue.vals.map((value) => (value * scale) % PRIME);
    const row = { cols: residue.cols, vals };
    this.pivotRow[lead] = this.rows.length;
    this.rows.push(row);
    return row;
  }

  private drain(acc: Float64Array, start: number): SparseResidue {
    const cols: number[] = [];
    const vals: number[] = [];
    for (let col = start; col < this.width; col++) {
      const value = acc[col]!;
      if (value === 0) continue;
      acc[col] = 0;
      const pivot = this.pivotRow[col]!;
      if (pivot < 0) {
        cols.push(col);
        vals.push(value);
        continue;
      }
      const row = this.rows[pivot]!;
      // Row is normalised (leading 1), so subtracting value × row clears this column.
      for (let k = 1; k < row.cols.length; k++) {
        const target = row.cols[k]!;
        acc[target] = (((acc[target]! - value * row.vals[k]!) % PRIME) + PRIME) % PRIME;
      }
    }
    return { cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
  }
}

/**
 * What is left of a protected cell after removing the published span, kept dense because it is
 * updated once for every published cell that touches it.
 */
export class TrackedResidue {
  readonly dense: Float64Array;
  lead = -1;
  nonZeros = 0;

  constructor(width: number, residue: SparseResidue) {
    this.dense = new Float64Array(width);
    residue.cols.forEach((col, k) => {
      this.dense[col] = residue.vals[k]!;
    });
    this.recount();
  }

  /** True when this residue is a multiple of `row`: publishing `row` would pin this cell. */
  parallelTo(row: SparseResidue): boolean {
    if (this.lead !== row.cols[0] || this.nonZeros !== row.cols.length) return false;
    const factor = (this.dense[this.lead]! * inverseMod(row.vals[0]!)) % PRIME;
    for (let k = 0; k < row.cols.length; k++)
      if (this.dense[row.cols[k]!] !== (factor * row.vals[k]!) % PRIME) return false;
    return true;
  }

  /** Removes the component along a newly added, normalised basis row. */
  eliminate(row: SparseResidue): void {
    const factor = this.dense[row.cols[0]!]!;
    if (factor === 0) return;
    const dense = this.dense;
    for (let k = 0; k < row.cols.length; k++) {
      const col = row.cols[k]!;
      const before = dense[col]!;
      const after = (((before - factor * row.vals[k]!) % PRIME) + PRIME) % PRIME;
      dense[col] = after;
      if ((before === 0) !== (after === 0)) this.nonZeros += after === 0 ? -1 : 1;
      if (after !== 0 && (this.lead < 0 || col < this.lead)) this.lead = col;
    }
    // The row's pivot column is now zero here; find the new lead only if that was it.
    if (dense[this.lead] === 0) {
      let col = this.lead + 1;
      while (col < dense.length && dense[col] === 0) col++;
      this.lead = col < dense.length ? col : -1;
    }
  }

  private recount(): void {
    this.lead = -1;
    this.nonZeros = 0;
    for (let col = 0; col < this.dense.length; col++) {
      if (this.dense[col] === 0) continue;
      if (this.lead < 0) this.lead = col;
      this.nonZeros++;
    }
  }
}
