import type { Clock } from '../clock.ts';

/** A clock tests move by hand (window expiry, signature freshness). */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(milliseconds: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at).getTime();
    },
    advance: (milliseconds) => {
      now += milliseconds;
    },
  };
}
