// A small bounded-variable primal simplex on a dense tableau. The interval audit asks hundreds of
// questions of one polytope (min and max of each hidden cell), so after one phase 1 each question
// starts from the previous optimal basis: a warm start is most of the speed, which general-purpose
// JSON-model solvers do not offer. Floating point: see tolerance notes in interval-audit.ts.

export type EqualityRow = { cols: Int32Array; coefs: Float64Array; rhs: number };

export type LinearProgram = {
  /** Variable bounds; lower must be finite, upper may be Infinity. */
  lower: Float64Array;
  upper: Float64Array;
  rows: EqualityRow[];
};

/** A linear objective over the program's variables (sparse). */
export type Objective = { cols: Int32Array; coefs: Float64Array };

const PIVOT_TOLERANCE = 1e-9;
const COST_TOLERANCE = 1e-9;
const FEASIBILITY_TOLERANCE = 1e-7;
const STALL_LIMIT = 40;

export class Simplex {
  private m = 0;
  private width = 0;
  private tableau = new Float64Array(0);
  private cost = new Float64Array(0);
  private basis = new Int32Array(0);
  private rowOf = new Int32Array(0);
  private value = new Float64Array(0);
  private lower = new Float64Array(0);
  private upper = new Float64Array(0);
  pivots = 0;

  constructor(private readonly program: LinearProgram) {
    this.start();
  }

  /** The objective's value at the current vertex (a point of the polytope). */
  current(objective: Objective): number {
    let sum = 0;
    for (let k = 0; k < objective.cols.length; k++)
      sum += objective.coefs[k]! * this.value[objective.cols[k]!]!;
    return sum;
  }

  /**
   * min (sense 1) or max (sense −1) of the objective; ±Infinity when unbounded. With `enough`, it
   * may stop as soon as the objective is at or beyond it (≤ for min, ≥ for max) and return the value
   * reached: a point of the polytope that good exists, which is all a safety check needs.
   */
  optimize(objective: Objective, sense: 1 | -1, enough?: number): number {
    let result = this.run(objective, sense, enough);
    if (!this.consistent()) {
      // Rounding drift in the tableau: start again from the program and solve cold.
      this.start();
      result = this.run(objective, sense, enough);
    }
    return result;
  }

  private run(objective: Objective, sense: 1 | -1, enough: number | undefined): number {
    // Program variables keep their column (artificials come after them).
    const { cols } = objective;
    const coefs = objective.coefs.map((coef) => sense * coef);
    this.priceFrom(cols, coefs);
    const objectiveNow = () => {
      let sum = 0;
      for (let k = 0; k < cols.length; k++) sum += coefs[k]! * this.value[cols[k]!]!;
      return sum;
    };
    const stop = enough === undefined ? -Infinity : sense * enough;
    if (!this.iterate(objectiveNow(), stop)) return sense === 1 ? -Infinity : Infinity;
    return sense * objectiveNow();
  }

  /** Phase 1 from all variables at their lower bounds, then drops the artificials it can. */
  private start(): void {
    const { rows, lower, upper } = this.program;
    const n = lower.length;
    const m = rows.length;
    const width = n + m;
    const tableau = new Float64Array(m * width);
    const value = new Float64Array(width);
    value.set(lower);
    this.lower = new Float64Array(width);
    this.upper = new Float64Array(width).fill(Infinity);
    this.lower.set(lower);
    this.upper.set(upper);
    this.basis = new Int32Array(m);
    this.rowOf = new Int32Array(width).fill(-1);
    rows.forEach((row, i) => {
      let residual = row.rhs;
      row.cols.forEach((col, k) => {
        residual -= row.coefs[k]! * lower[col]!;
      });
      const sign = residual < 0 ? -1 : 1;
      row.cols.forEach((col, k) => {
        tableau[i * width + col] = sign * row.coefs[k]!;
      });
      tableau[i * width + n + i] = 1;
      value[n + i] = Math.abs(residual);
      this.basis[i] = n + i;
      this.rowOf[n + i] = i;
    });
    Object.assign(this, { m, width, tableau, value });
    this.cost = new Float64Array(width);
    const artificials = Int32Array.from({ length: m }, (_, i) => n + i);
    this.priceFrom(artificials, new Float64Array(m).fill(1));
    this.iterate(Infinity, -Infinity);
    let infeasibility = 0;
    for (let column = n; column < width; column++) infeasibility += value[column]!;
    if (infeasibility > FEASIBILITY_TOLERANCE * Math.max(1, m))
      throw new Error(`linear program infeasible (${infeasibility}): the true counts must satisfy it`);
    this.dropArtificials(n);
  }

  /** Keeps artificials still basic (redundant rows) as variables fixed at 0; removes the rest. */
  private dropArtificials(n: number): void {
    const keep: number[] = [];
    for (let column = 0; column < this.width; column++)
      if (column < n || this.rowOf[column]! >= 0) keep.push(column);
    const width = keep.length;
    const tableau = new Float64Array(this.m * width);
    for (let i = 0; i < this.m; i++)
      for (let k = 0; k < width; k++) tableau[i * width + k] = this.tableau[i * this.width + keep[k]!]!;
    const pick = (source: Float64Array) => Float64Array.from(keep, (column) => source[column]!);
    this.value = pick(this.value);
    this.lower = pick(this.lower);
    this.upper = Float64Array.from(keep, (column) => (column < n ? this.upper[column]! : 0));
    const rowOf = new Int32Array(width).fill(-1);
    keep.forEach((column, k) => {
      const row = this.rowOf[column]!;
      if (row >= 0) {
        rowOf[k] = row;
        this.basis[row] = k;
      }
    });
    Object.assign(this, { tableau, width, rowOf, cost: new Float64Array(width) });
  }

  /** Reduced costs of a sparse objective under the current basis. */
  private priceFrom(cols: Int32Array, coefs: Float64Array): void {
    const { cost, tableau, width } = this;
    cost.fill(0);
    for (let k = 0; k < cols.length; k++) cost[cols[k]!] = cost[cols[k]!]! + coefs[k]!;
    for (let k = 0; k < cols.length; k++) {
      const row = this.rowOf[cols[k]!]!;
      if (row < 0) continue;
      const c = coefs[k]!;
      const offset = row * width;
      for (let column = 0; column < width; column++) {
        const a = tableau[offset + column]!;
        if (a !== 0) cost[column] = cost[column]! - c * a;
      }
    }
  }

  /** Runs to optimality (or until the objective is ≤ stop); false when it is unbounded below. */
  private iterate(objective: number, stop: number): boolean {
    const { width, cost, value, lower, upper, rowOf } = this;
    let stalled = 0;
    const limit = 200 * (this.m + width) + 1000;
    for (let iteration = 0; iteration < limit; iteration++) {
      if (objective <= stop) return true;
      const bland = stalled > STALL_LIMIT;
      let entering = -1;
      let best = 0;
      for (let column = 0; column < width; column++) {
        if (rowOf[column]! >= 0 || lower[column] === upper[column]) continue;
        const d = cost[column]!;
        const atUpper = value[column] === upper[column];
        const gain = atUpper ? d : -d;
        if (gain <= COST_TOLERANCE) continue;
        if (bland) {
          entering = column;
          break;
        }
        if (gain > best) [best, entering] = [gain, column];
      }
      if (entering < 0) return true;
      const direction = value[entering] === upper[entering] ? -1 : 1;
      const step = this.ratio(entering, direction, bland);
      if (step.length === Infinity) return false;
      stalled = step.length <= 1e-12 ? stalled + 1 : 0;
      objective += cost[entering]! * direction * step.length;
      this.move(entering, direction, step.length);
      if (step.row >= 0) this.pivot(step.row, entering, step.toUpper);
      else value[entering] = direction > 0 ? upper[entering]! : lower[entering]!; // a bound flip
    }
    throw new Error('simplex did not converge');
  }

  private ratio(entering: number, direction: number, bland: boolean) {
    const { m, width, tableau, value, lower, upper, basis } = this;
    let length = upper[entering]! - lower[entering]!;
    let row = -1;
    let toUpper = false;
    let size = 0;
    for (let i = 0; i < m; i++) {
      const a = tableau[i * width + entering]!;
      if (Math.abs(a) <= PIVOT_TOLERANCE) continue;
      const variable = basis[i]!;
      const change = -direction * a;
      const room =
        change < 0
          ? (value[variable]! - lower[variable]!) / -change
          : (upper[variable]! - value[variable]!) / change;
      if (room === Infinity) continue;
      const limit = Math.max(0, room);
      const better = bland
        ? limit < length - 1e-12 || (limit <= length + 1e-12 && row >= 0 && variable < basis[row]!)
        : limit < length - 1e-12 || (limit <= length + 1e-12 && Math.abs(a) > size);
      if (row < 0 ? limit <= length : better) {
        [length, row, toUpper, size] = [limit, i, change > 0, Math.abs(a)];
      }
    }
    return { length, row, toUpper };
  }

  private move(entering: number, direction: number, length: number): void {
    if (length === 0) return;
    const { m, width, tableau, value, basis } = this;
    value[entering] = value[entering]! + direction * length;
    for (let i = 0; i < m; i++) {
      const a = tableau[i * width + entering]!;
      if (a !== 0) value[basis[i]!] = value[basis[i]!]! - direction * a * length;
    }
  }

  private pivot(row: number, entering: number, toUpper: boolean): void {
    const { m, width, tableau, cost, value, lower, upper, basis, rowOf } = this;
    const leaving = basis[row]!;
    value[leaving] = toUpper ? upper[leaving]! : lower[leaving]!;
    const offset = row * width;
    const scale = 1 / tableau[offset + entering]!;
    const nonZero: number[] = [];
    for (let column = 0; column < width; column++) {
      const a = tableau[offset + column]!;
      if (a === 0) continue;
      tableau[offset + column] = a * scale;
      nonZero.push(column);
    }
    tableau[offset + entering] = 1;
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const other = i * width;
      const factor = tableau[other + entering]!;
      if (factor === 0) continue;
      for (const column of nonZero) {
        const updated = tableau[other + column]! - factor * tableau[offset + column]!;
        tableau[other + column] = Math.abs(updated) < 1e-13 ? 0 : updated;
      }
      tableau[other + entering] = 0;
    }
    const factor = cost[entering]!;
    if (factor !== 0)
      for (const column of nonZero) cost[column] = cost[column]! - factor * tableau[offset + column]!;
    cost[entering] = 0;
    basis[row] = entering;
    rowOf[entering] = row;
    rowOf[leaving] = -1;
    this.pivots++;
  }

  /** The current point satisfies the original rows and bounds (guards against drift). */
  private consistent(): boolean {
    const { lower, upper, rows } = this.program;
    const value = this.value;
    for (let v = 0; v < lower.length; v++)
      if (value[v]! < lower[v]! - 1e-6 || value[v]! > upper[v]! + 1e-6) return false;
    for (const row of rows) {
      let sum = 0;
      for (let k = 0; k < row.cols.length; k++) sum += row.coefs[k]! * value[row.cols[k]!]!;
      if (Math.abs(sum - row.rhs) > 1e-6 * Math.max(1, Math.abs(row.rhs))) return false;
    }
    return true;
  }
}
