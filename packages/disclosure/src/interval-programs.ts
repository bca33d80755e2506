// Solves the interval audit's questions on the presolved program. Unknowns linked by no row are
// optimised separately (a cell's bounds are the sums of its parts' bounds); each linked part is one
// simplex, warm-started from question to question.
import type { Affine, LinearRow, Presolve } from './interval-presolve.ts';
import { type LinearProgram, Simplex } from './simplex.ts';

/** min and max of `objective`, whose value at the true counts is `truth`. */
export type Question = { objective: Affine; truth: number };

export type Answer = { low: number; high: number; exact: boolean };

export type SolveStats = { programs: number; pivots: number };

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[index] !== root) [index, this.parent[index]] = [this.parent[index]!, root];
    return root;
  }
  join(members: Iterable<number>): void {
    let first = -1;
    for (const member of members) {
      if (first < 0) first = this.find(member);
      else this.parent[this.find(member)] = first;
    }
  }
}

type Part = { rows: LinearRow[]; simplex?: Simplex; local?: Map<number, number> };

/**
 * Answers every question. Unless `exact`, a question stops as soon as the cell is shown to take
 * two whole values (a maximum ≥ truth + 1, or else a minimum ≤ truth − 1), and `exact` is false
 * in its answer: the attacker's range is then at least [low, high].
 */
export function answerQuestions(
  presolve: Presolve,
  truthOf: (variable: number) => number,
  questions: Question[],
  exact: boolean,
  stats: SolveStats,
): Answer[] {
  const rows = presolve.remaining();
  const links = new UnionFind(presolve.lower.length);
  for (const row of rows) links.join(row.terms.keys());
  const parts = new Map<number, Part>();
  for (const row of rows) {
    const root = links.find(row.terms.keys().next().value!);
    const part = parts.get(root);
    if (part) part.rows.push(row);
    else parts.set(root, { rows: [row] });
  }
  const inRows = new Set<number>();
  for (const row of rows) for (const variable of row.terms.keys()) inRows.add(variable);

  return questions.map(({ objective, truth }) => {
    let [least, most] = [objective.constant, objective.constant];
    const pieces = new Map<number, Map<number, number>>();
    for (const [variable, coef] of objective.terms) {
      if (!inRows.has(variable)) {
        // Only its own bounds hold this unknown.
        const [lower, upper] = [presolve.lower[variable]!, presolve.upper[variable]!];
        least += coef > 0 ? coef * lower : coef * upper;
        most += coef > 0 ? coef * upper : coef * lower;
        continue;
      }
      const root = links.find(variable);
      const piece = pieces.get(root) ?? new Map<number, number>();
      piece.set(variable, coef);
      pieces.set(root, piece);
    }
    const truthOfPiece = (piece: Map<number, number>) =>
      [...piece].reduce((sum, [variable, coef]) => sum + coef * truthOf(variable), 0);
    const bound = (sense: 1 | -1, start: number, goal: number | undefined) => {
      // Pieces not optimised yet count at their true value, which is feasible.
      let total = start + [...pieces.values()].reduce((sum, piece) => sum + truthOfPiece(piece), 0);
      let reached = false;
      for (const [root, piece] of pieces) {
        if (!Number.isFinite(total)) break;
        const others = total - truthOfPiece(piece);
        const optimum = solvePiece(
          parts.get(root)!,
          presolve,
          piece,
          sense,
          goal === undefined ? undefined : goal - others,
          stats,
        );
        total = others + optimum;
        if (goal !== undefined && sense * (total - goal) <= 1e-9) {
          reached = true;
          break;
        }
      }
      return { total, reached };
    };
    if (!exact) {
      // The vertex the last question left is a point of the polytope too: often it already shows
      // a second whole value, and no pivot is needed.
      let now = objective.constant;
      for (const [variable, coef] of objective.terms)
        if (!inRows.has(variable)) now += coef * truthOf(variable);
      for (const [root, piece] of pieces) now += currentOf(parts.get(root)!, presolve, piece);
      if (Math.abs(now - truth) >= 1 - 1e-9)
        return { low: Math.min(now, truth), high: Math.max(now, truth), exact: false };
    }
    const high = bound(-1, most, exact ? undefined : truth + 1);
    if (!exact && high.reached) return { low: truth, high: high.total, exact: false };
    const low = bound(1, least, exact ? undefined : Math.floor(high.total + 1e-6) - 1);
    return { low: low.total, high: high.total, exact: !low.reached };
  });
}

function currentOf(
  part: Part,
  bounds: { lower: Float64Array; upper: Float64Array },
  piece: Map<number, number>,
) {
  const simplex = simplexOf(part, bounds);
  return simplex.current(goalOf(part, piece));
}

function simplexOf(part: Part, bounds: { lower: Float64Array; upper: Float64Array }): Simplex {
  if (!part.simplex) {
    const { program, local } = programOf(part.rows, bounds);
    part.simplex = new Simplex(program);
    part.local = local;
  }
  return part.simplex;
}

function goalOf(part: Part, piece: Map<number, number>) {
  return {
    cols: Int32Array.from(piece.keys(), (variable) => part.local!.get(variable)!),
    coefs: Float64Array.from(piece.values()),
  };
}

function solvePiece(
  part: Part,
  bounds: { lower: Float64Array; upper: Float64Array },
  piece: Map<number, number>,
  sense: 1 | -1,
  enough: number | undefined,
  stats: SolveStats,
): number {
  const simplex = simplexOf(part, bounds);
  const before = simplex.pivots;
  const optimum = simplex.optimize(goalOf(part, piece), sense, enough);
  stats.programs++;
  stats.pivots += simplex.pivots - before;
  return optimum;
}

/** Unknowns keep their presolved bounds; each range row gets a bounded variable u with Σ − u = 0. */
function programOf(
  rows: LinearRow[],
  bounds: { lower: Float64Array; upper: Float64Array },
): { program: LinearProgram; local: Map<number, number> } {
  const local = new Map<number, number>();
  for (const row of rows)
    for (const variable of row.terms.keys()) if (!local.has(variable)) local.set(variable, local.size);
  const ranges = rows.filter((row) => row.upper > row.lower);
  const size = local.size + ranges.length;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size).fill(Infinity);
  for (const [variable, index] of local) {
    lower[index] = bounds.lower[variable]!;
    upper[index] = bounds.upper[variable]!;
  }
  const program: LinearProgram = { lower, upper, rows: [] };
  let slack = local.size;
  for (const row of rows) {
    const cols = [...row.terms.keys()].map((variable) => local.get(variable)!);
    const coefs = [...row.terms.values()];
    let rhs = row.lower;
    if (row.upper > row.lower) {
      lower[slack] = row.lower;
      upper[slack] = row.upper;
      cols.push(slack++);
      coefs.push(-1);
      rhs = 0;
    }
    program.rows.push({ cols: Int32Array.from(cols), coefs: Float64Array.from(coefs), rhs });
  }
  return { program, local };
}
