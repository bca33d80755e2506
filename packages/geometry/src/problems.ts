// The problems of one read, kept up to a cap so that a broken 100,000-feature file yields a
// readable list rather than a million lines.
import type { GeometryProblem, GeometryProblemCode } from './types.ts';

export class ProblemList {
  readonly items: GeometryProblem[] = [];
  /** Problems found past the cap, counted but not kept. */
  leftOut = 0;

  constructor(private readonly cap: number) {}

  add(code: GeometryProblemCode, path: string, message: string): void {
    if (this.items.length < this.cap) this.items.push({ code, path, message });
    else this.leftOut++;
  }

  /** Every problem found so far, kept or not: compare before and after to see if a part failed. */
  get found(): number {
    return this.items.length + this.leftOut;
  }
}

/** A problem path one step deeper: `join('features/3', 'geometry')`; '' is the root. */
export function join(path: string, ...steps: Array<string | number>): string {
  const tail = steps.join('/');
  return path === '' ? tail : `${path}/${tail}`;
}
