import { type ImportProblemCode, type ProblemParams, problemMessage } from './problem-codes.ts';

export { IMPORT_PROBLEMS, type ImportProblemCode, type ProblemParams } from './problem-codes.ts';

/** One thing a coordinator can fix: where it is, and a sentence saying what is wrong. */
export interface Problem {
  sheet: string | null;
  /** 1-based, as Excel shows it; null when the problem is the whole file or sheet. */
  row: number | null;
  /** The header text of the column, as written. */
  column: string | null;
  message: string;
  /** Stable code (see problem-codes.ts) for showing the problem in the user's language. */
  code?: ImportProblemCode;
  params?: ProblemParams;
}

/** A problem's code and parameters, before it is given its place. */
export interface Coded {
  code: ImportProblemCode;
  params: ProblemParams;
}
export const because = (code: ImportProblemCode, params: ProblemParams = {}): Coded => ({ code, params });

/** A problem at its place: a coded one (see `because`), or an English sentence not coded yet. */
export function problem(
  sheet: string | null,
  row: number | null,
  column: string | null,
  message: string | Coded,
): Problem {
  if (typeof message !== 'string') return coded(sheet, row, column, message.code, message.params);
  return { sheet, row, column, message };
}

/** A problem with a stable code: its English message is made from the code's sentence. */
export function coded(
  sheet: string | null,
  row: number | null,
  column: string | null,
  code: ImportProblemCode,
  params: ProblemParams = {},
): Problem {
  return { sheet, row, column, message: problemMessage(code, params), code, params };
}

/** `survey row 12, type: unknown question type …` — for logs and plain-text displays. */
export function describeProblem(p: Problem): string {
  const where = [p.sheet, p.row === null ? null : `row ${p.row}`].filter(Boolean).join(' ');
  const place = [where, p.column].filter(Boolean).join(', ');
  return place ? `${place}: ${p.message}` : p.message;
}

/** Thrown inside the importer to stop at a problem that makes the rest meaningless. */
export class ImportStop extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
