// What is wrong with a drawn boundary, in the reader's language: each problem the server found
// (settlement.boundary_invalid with geojson.* issues) with where it is, counted in corners as
// they were tapped (the first tap is corner 1; a problem at position 2 is the line from corner 3).
import { ApiError } from '../api.ts';
import type { Translate } from '../i18n/i18n.ts';
import { issueMessage } from '../i18n/issues.ts';

export interface DrawnProblem {
  where: string;
  message: string;
}

/** "body.boundary/coordinates/0/2" → the line from corner 3; any other path → the whole shape. */
export function drawnProblemPlace(t: Translate, path: string | undefined): string {
  const match = /coordinates\/\d+\/(\d+)$/.exec(path ?? '');
  return match ? t('drawing.where.line', { corner: Number(match[1]) + 1 }) : t('drawing.where.shape');
}

export function drawnProblems(t: Translate, error: unknown): DrawnProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'settlement.boundary_invalid') return [];
  return (error.problem.errors ?? []).map((issue) => ({
    where: drawnProblemPlace(t, issue.path),
    message: issueMessage(t, issue),
  }));
}
