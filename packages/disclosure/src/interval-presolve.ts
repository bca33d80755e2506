// Exact reductions of the interval audit's linear program before any simplex: an equation with
// one unknown fixes it, a range with one unknown becomes a bound, and an equation with two unknowns
// a·x + b·y = r replaces y by (r − a·x)/b everywhere, turning y's bounds into bounds on x. Published
// cells of two inner cells (sex × age cells split by a yes/no attribute) are common, so this removes
// about half of the rows and columns. The polytope's projection on the remaining unknowns is
// unchanged, so every minimum and maximum is too.

/** lower ≤ Σ coef · x ≤ upper; an equation when lower === upper. */
export type LinearRow = { terms: Map<number, number>; lower: number; upper: number };

/** x = constant + coef · x[variable] (variable −1: x is the constant). */
type Substitution = { constant: number; variable: number; coef: number };

export type Affine = { constant: number; terms: Map<number, number> };

const TINY = 1e-12;

export class Presolve {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  private readonly alive: boolean[];
  private readonly rowsOf = new Map<number, Set<number>>();
  private readonly substituted = new Map<number, Substitution>();

  constructor(
    width: number,
    readonly rows: LinearRow[],
  ) {
    this.lower = new Float64Array(width);
    this.upper = new Float64Array(width).fill(Infinity);
    this.alive = rows.map(() => true);
    rows.forEach((row, index) => {
      for (const variable of row.terms.keys()) this.occurrences(variable).add(index);
    });
    const queue = rows.map((_, index) => index);
    while (queue.length > 0) this.reduce(queue.pop()!, queue);
  }

  /** The rows left, each over unknowns that are still variables. */
  remaining(): LinearRow[] {
    return this.rows.filter((_, index) => this.alive[index]);
  }

  /** Σ coef · x over original unknowns, in terms of the unknowns left. */
  express(terms: Iterable<[number, number]>): Affine {
    const out: Affine = { constant: 0, terms: new Map() };
    for (const [variable, coef] of terms) {
      const { constant, variable: left, coef: factor } = this.resolve(variable);
      out.constant += coef * constant;
      if (left >= 0) addTerm(out.terms, left, coef * factor);
    }
    return out;
  }

  private resolve(variable: number): Substitution {
    const step = this.substituted.get(variable);
    if (!step) return { constant: 0, variable, coef: 1 };
    if (step.variable < 0) return step;
    const next = this.resolve(step.variable);
    const resolved = {
      constant: step.constant + step.coef * next.constant,
      variable: next.variable,
      coef: step.coef * next.coef,
    };
    this.substituted.set(variable, resolved);
    return resolved;
  }

  private occurrences(variable: number): Set<number> {
    let set = this.rowsOf.get(variable);
    if (!set) {
      set = new Set();
      this.rowsOf.set(variable, set);
    }
    return set;
  }

  private reduce(index: number, queue: number[]): void {
    if (!this.alive[index]) return;
    const row = this.rows[index]!;
    const entries = [...row.terms];
    const equation = row.upper - row.lower <= TINY;
    if (entries.length === 0) {
      if (row.lower > 1e-7 || row.upper < -1e-7) throw new Error('published cells contradict each other');
      this.alive[index] = false;
    } else if (entries.length === 1) {
      const [variable, coef] = entries[0]!;
      this.kill(index);
      const [from, to] =
        coef > 0 ? [row.lower / coef, row.upper / coef] : [row.upper / coef, row.lower / coef];
      this.tighten(variable, from, to, queue);
    } else if (entries.length === 2 && equation) {
      // Eliminate the unknown that occurs in fewer rows: fewer rows to rewrite.
      const [[a, alpha], [b, beta]] =
        this.occurrences(entries[0]![0]).size >= this.occurrences(entries[1]![0]).size
          ? [entries[0]!, entries[1]!]
          : [entries[1]!, entries[0]!];
      this.kill(index);
      const constant = row.lower / beta;
      const coef = -alpha / beta;
      // b = constant + coef · a, and lower[b] ≤ b ≤ upper[b] bounds a.
      const ends = [(this.lower[b]! - constant) / coef, (this.upper[b]! - constant) / coef];
      this.substitute(b, { constant, variable: a, coef }, queue);
      this.tighten(a, Math.min(...ends), Math.max(...ends), queue);
    }
  }

  private kill(index: number): void {
    this.alive[index] = false;
    for (const variable of this.rows[index]!.terms.keys()) this.rowsOf.get(variable)?.delete(index);
  }

  private tighten(variable: number, from: number, to: number, queue: number[]): void {
    const lower = Math.max(this.lower[variable]!, snap(from));
    const upper = Math.min(this.upper[variable]!, snap(to));
    if (lower > upper + 1e-7) throw new Error('published cells contradict each other');
    this.lower[variable] = lower;
    this.upper[variable] = Math.max(lower, upper);
    if (upper - lower <= TINY) this.substitute(variable, { constant: lower, variable: -1, coef: 0 }, queue);
  }

  private substitute(variable: number, by: Substitution, queue: number[]): void {
    this.substituted.set(variable, by);
    for (const index of [...this.occurrences(variable)]) {
      const row = this.rows[index]!;
      const coef = row.terms.get(variable)!;
      row.terms.delete(variable);
      row.lower -= coef * by.constant;
      row.upper -= coef * by.constant;
      if (by.variable >= 0) {
        addTerm(row.terms, by.variable, coef * by.coef);
        if (row.terms.has(by.variable)) this.occurrences(by.variable).add(index);
        else this.rowsOf.get(by.variable)?.delete(index);
      }
      queue.push(index);
    }
    this.rowsOf.delete(variable);
  }
}

function addTerm(terms: Map<number, number>, variable: number, coef: number): void {
  const sum = (terms.get(variable) ?? 0) + coef;
  if (Math.abs(sum) <= TINY) terms.delete(variable);
  else terms.set(variable, sum);
}

/** Bounds computed from whole numbers by ±1 coefficients are whole numbers up to rounding. */
function snap(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-9 ? whole : value;
}
