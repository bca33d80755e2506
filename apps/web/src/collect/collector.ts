// Who is collecting on this phone right now: the one unlocked store, held in memory only. Signing
// in unlocks it (or makes it, once the server accepted the password); signing out forgets the key
// and keeps the work; offline, the owner reopens it with their password or PIN.
import { type OfflineDb, openOfflineDb } from '../offline/db.ts';
import { type Secret, unlock } from '../offline/keys.ts';
import type { UserStore } from '../offline/store.ts';

let db: Promise<OfflineDb> | null = null;
let current: UserStore | null = null;
let pending: Promise<UserStore | null> | null = null;
const listeners = new Set<() => void>();

export function offlineDb(): Promise<OfflineDb> {
  db ??= openOfflineDb();
  return db;
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function onCollectorChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentCollector(): UserStore | null {
  return current;
}

/** An unlock still running (PBKDF2 takes about a second on a cheap phone). */
export function pendingCollector(): Promise<UserStore | null> | null {
  return pending;
}

/**
 * After the server accepted this password: opens (or first makes) this person's store. A store
 * made under an older password stays shut here; the unlock screen then asks for that or the PIN.
 */
export function unlockAfterSignIn(account: { id: string; displayName: string }, password: string): void {
  pending = (async () => {
    try {
      const store = await unlock(
        await offlineDb(),
        account.id,
        { password },
        { createIfMissing: true, label: account.displayName },
      );
      setCollector(store);
      return store;
    } catch {
      return null;
    } finally {
      pending = null;
    }
  })();
}

/** Opens an existing store on this phone (offline too); throws WrongSecretError or NoKeyError. */
export async function unlockOnDevice(userId: string, secret: Secret): Promise<UserStore> {
  const store = await unlock(await offlineDb(), userId, secret);
  setCollector(store);
  return store;
}

export function setCollector(store: UserStore | null): void {
  if (current && current !== store) current.lock();
  current = store;
  changed();
}

export function lockCollector(): void {
  setCollector(null);
}
