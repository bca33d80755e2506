import { addSeconds } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { blockUntil, countFailure, deleteThrottle, findThrottles } from './queries.ts';

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

/** Throws 429 auth.throttled (with retryAfterSeconds) when any of the keys is still blocked. */
export async function checkThrottle(db: Db, keys: string[], now: string): Promise<void> {
  const rows = await findThrottles(db, keys);
  const nowMs = Date.parse(now);
  let waitMs = 0;
  for (const row of rows) {
    if (row.blocked_until) waitMs = Math.max(waitMs, Date.parse(row.blocked_until) - nowMs);
  }
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError(
      'auth.throttled',
      429,
      `Too many attempts. Try again in ${seconds} seconds.`,
      undefined,
      seconds,
    );
  }
}

/**
 * Counts one failure for the key. Runs in its own small transaction when given the database,
 * because the request that failed rolls its own transaction back.
 */
export async function recordFailure(db: Db, key: string, now: string, rule: ThrottleRule): Promise<void> {
  const write = async (trx: Db) => {
    const failures = await countFailure(trx, key, now, addSeconds(now, -forgetAfterSeconds));
    const over = failures - rule.free;
    await blockUntil(trx, key, over > 0 ? addSeconds(now, Math.min(2 ** over, rule.maxSeconds)) : null);
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/** A success forgets the key's failures. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await deleteThrottle(db, key);
}
