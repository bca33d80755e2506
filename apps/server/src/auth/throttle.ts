import { addSeconds } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import {
  deleteThrottle,
  findThrottles,
  returnThrottleTry,
  settleThrottleBlock,
  takeThrottleTry,
} from './queries.ts';

/**
 * Guessing limits kept in the database (sign_in_throttles), so a restart does not reset them.
 * After `free` failures each further one doubles the wait, up to `maxSeconds`; a quiet day forgets.
 */
export interface ThrottleRule {
  free: number;
  maxSeconds: number;
}

/** One account's login: a few tries, then back off (2 s, 4 s, … 15 min). */
export const loginRule: ThrottleRule = { free: 5, maxSeconds: 900 };
/** One address: more room, since a day centre's Wi-Fi puts many people behind one address. */
export const addressRule: ThrottleRule = { free: 20, maxSeconds: 900 };

const forgetAfterSeconds = 24 * 3600;

export const addressThrottleKey = (address: string) => `address:${address}`;

export interface ThrottleTry {
  key: string;
  rule: ThrottleRule;
}

async function throttled(db: Db, keys: string[], now: string): Promise<AppError> {
  const rows = await findThrottles(db, keys);
  const nowMs = Date.parse(now);
  let waitMs = 1000;
  for (const row of rows) {
    if (row.blocked_until) waitMs = Math.max(waitMs, Date.parse(row.blocked_until) - nowMs);
  }
  const seconds = Math.ceil(waitMs / 1000);
  return new AppError(
    'auth.throttled',
    429,
    `Too many attempts. Try again in ${seconds} seconds.`,
    undefined,
    seconds,
  );
}

/**
 * Takes a try under every key before any password is hashed, each atomically (see
 * takeThrottleTry): of twenty guesses sent at once, only as many get through as one after another
 * would. The try counts as a failure until `giveBack` returns it after a success. Throws 429
 * auth.throttled (with retryAfterSeconds) when a key is blocked, returning the tries taken so far.
 */
export async function takeTries(db: Db, tries: ThrottleTry[], now: string): Promise<void> {
  const taken: ThrottleTry[] = [];
  for (const attempt of tries) {
    const { key, rule } = attempt;
    const pending = addSeconds(now, rule.maxSeconds);
    const failures = await takeThrottleTry(
      db,
      key,
      now,
      addSeconds(now, -forgetAfterSeconds),
      rule.free,
      pending,
    );
    if (failures === null) {
      for (const back of taken) await returnThrottleTry(db, back.key, back.rule.free);
      throw await throttled(db, [key], now);
    }
    taken.push(attempt);
    const over = failures - rule.free;
    if (over > 0)
      await settleThrottleBlock(db, key, failures, addSeconds(now, Math.min(2 ** over, rule.maxSeconds)));
  }
}

/** After a success: the try is not a failure after all. */
export async function giveBack(db: Db, attempt: ThrottleTry): Promise<void> {
  await returnThrottleTry(db, attempt.key, attempt.rule.free);
}

/** A success forgets the key's failures. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await deleteThrottle(db, key);
}
