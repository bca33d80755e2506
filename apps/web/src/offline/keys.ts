// Opening one user's work on this phone: the data key unwrapped by their password or device PIN,
// made only after the server accepted the password; and who has work here, for a shared phone.
import { newDataKey, pbkdf2Iterations, unwrapDataKey, wrapDataKey } from './crypto.ts';
import { NoKeyError, type OfflineDb } from './db.ts';
import { UserStore } from './store.ts';

export type Secret = { password: string } | { pin: string };

export interface UnlockOptions {
  /**
   * Make a key when this user has none here: only after the server accepted the password, so an
   * offline guess can never create a key under someone else's account id.
   */
  createIfMissing?: boolean;
  iterations?: number;
  /** The name to show on this phone's list of people collecting (kept up to date on each unlock). */
  label?: string;
}

/** Opens one user's work with their password or PIN; WrongSecretError when it does not fit. */
export async function unlock(
  db: OfflineDb,
  userId: string,
  secret: Secret,
  options: UnlockOptions = {},
): Promise<UserStore> {
  const iterations = options.iterations ?? pbkdf2Iterations;
  const row = await db.get('keys', userId);
  if (!row) {
    if (!('password' in secret) || !options.createIfMissing) throw new NoKeyError('key');
    const key = await newDataKey();
    const password = await wrapDataKey(key, secret.password, iterations);
    await db.put('keys', { userId, password, ...(options.label ? { label: options.label } : {}) });
    return new UserStore(db, userId, key, iterations);
  }
  if (options.label && row.label !== options.label) await db.put('keys', { ...row, label: options.label });
  if ('pin' in secret) {
    if (!row.pin) throw new NoKeyError('pin');
    return new UserStore(db, userId, await unwrapDataKey(row.pin, secret.pin), iterations);
  }
  return new UserStore(db, userId, await unwrapDataKey(row.password, secret.password), iterations);
}

/** The people with work on this phone, for the "who is collecting" list when offline. */
export async function usersOnDevice(db: OfflineDb): Promise<Array<{ userId: string; label: string }>> {
  const rows = await db.getAll('keys');
  return rows.map((row) => ({ userId: row.userId, label: row.label ?? row.userId }));
}

export async function hasKey(db: OfflineDb, userId: string): Promise<boolean> {
  return Boolean(await db.get('keys', userId));
}

export async function hasPin(db: OfflineDb, userId: string): Promise<boolean> {
  return Boolean((await db.get('keys', userId))?.pin);
}
