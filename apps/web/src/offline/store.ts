// The phone's local store of unsent work (IndexedDB through `idb`): per user, drafts and the
// outbox, every record sealed with that user's data key (crypto.ts). In clear are only the owner's
// account id, the record's instance id and whether it is a draft or waiting to send.
import type { SubmissionItem } from '@coproduce/contract';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import {
  newDataKey,
  pbkdf2Iterations,
  type Sealed,
  seal,
  unseal,
  unwrapDataKey,
  type WrappedKey,
  wrapDataKey,
} from './crypto.ts';

export type WorkKind = 'draft' | 'outbox';

/** A submission being filled in (draft) or finalized and waiting for the server (outbox). */
export interface Work {
  workspaceId: string;
  item: SubmissionItem;
  savedAt: string;
}

interface KeyRow {
  userId: string;
  password: WrappedKey;
  pin?: WrappedKey;
}

interface WorkRow extends Sealed {
  userId: string;
  id: string;
  kind: WorkKind;
}

interface OfflineSchema extends DBSchema {
  keys: { key: string; value: KeyRow };
  work: { key: [string, string]; value: WorkRow; indexes: { byKind: [string, WorkKind] } };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const offlineDbName = 'coproduce-offline';

export function openOfflineDb(name = offlineDbName): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('keys', { keyPath: 'userId' });
      const work = db.createObjectStore('work', { keyPath: ['userId', 'id'] });
      work.createIndex('byKind', ['userId', 'kind']);
    },
  });
}

/** This user has no key on this phone, so nothing of theirs is here (or no PIN was set). */
export class NoKeyError extends Error {
  constructor(readonly what: 'key' | 'pin') {
    super(`no ${what} on this device`);
    this.name = 'NoKeyError';
  }
}

/** The work is not in the state the action needs (e.g. deleting something already finalized). */
export class WorkStateError extends Error {
  constructor(
    readonly id: string,
    readonly state: WorkKind | 'missing',
  ) {
    super(`work ${id} is ${state}`);
    this.name = 'WorkStateError';
  }
}

export type Secret = { password: string } | { pin: string };

export interface UnlockOptions {
  /**
   * Make a key when this user has none here: only after the server accepted the password, so an
   * offline guess can never create a key under someone else's account id.
   */
  createIfMissing?: boolean;
  iterations?: number;
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
    await db.put('keys', { userId, password: await wrapDataKey(key, secret.password, iterations) });
    return new UserStore(db, userId, key, iterations);
  }
  if ('pin' in secret) {
    if (!row.pin) throw new NoKeyError('pin');
    return new UserStore(db, userId, await unwrapDataKey(row.pin, secret.pin), iterations);
  }
  return new UserStore(db, userId, await unwrapDataKey(row.password, secret.password), iterations);
}

export async function hasPin(db: OfflineDb, userId: string): Promise<boolean> {
  return Boolean((await db.get('keys', userId))?.pin);
}

/** One unlocked user's drafts and outbox. `lock()` on sign-out forgets the key, never the work. */
export class UserStore {
  #key: CryptoKey | null;

  constructor(
    private readonly db: OfflineDb,
    readonly userId: string,
    key: CryptoKey,
    private readonly iterations: number,
  ) {
    this.#key = key;
  }

  private get key(): CryptoKey {
    if (!this.#key) throw new Error('store is locked');
    return this.#key;
  }

  private binding(id: string, kind: WorkKind): string {
    return `${this.userId}/${id}/${kind}`;
  }

  lock(): void {
    this.#key = null;
  }

  /** A device PIN opens the same key, e.g. when the password changed on another device. */
  async setPin(pin: string): Promise<void> {
    const row = await this.db.get('keys', this.userId);
    if (!row) throw new NoKeyError('key');
    await this.db.put('keys', { ...row, pin: await wrapDataKey(this.key, pin, this.iterations) });
  }

  /** After a password change: the new password opens the key, the old one no longer does. */
  async setPassword(password: string): Promise<void> {
    const row = await this.db.get('keys', this.userId);
    if (!row) throw new NoKeyError('key');
    await this.db.put('keys', { ...row, password: await wrapDataKey(this.key, password, this.iterations) });
  }

  async saveDraft(work: Work): Promise<void> {
    const sealed = await seal(this.key, work, this.binding(work.item.id, 'draft'));
    // Crypto awaits would end an IndexedDB transaction, so sealing happens before it opens.
    const tx = this.db.transaction('work', 'readwrite');
    const current = await tx.store.get([this.userId, work.item.id]);
    if (current && current.kind !== 'draft') throw new WorkStateError(work.item.id, current.kind);
    await tx.store.put({ userId: this.userId, id: work.item.id, kind: 'draft', ...sealed });
    await tx.done;
  }

  /** Moves a draft to the outbox: one put of the same row, so it is never in both or neither. */
  async finalize(id: string, finishedAt = new Date().toISOString()): Promise<Work> {
    const draft = await this.get(id);
    if (draft?.kind !== 'draft') throw new WorkStateError(id, draft?.kind ?? 'missing');
    const work: Work = { ...draft.work, item: { ...draft.work.item, finishedAt }, savedAt: finishedAt };
    const sealed = await seal(this.key, work, this.binding(id, 'outbox'));
    const tx = this.db.transaction('work', 'readwrite');
    const current = await tx.store.get([this.userId, id]);
    if (current?.kind !== 'draft') throw new WorkStateError(id, current?.kind ?? 'missing');
    await tx.store.put({ userId: this.userId, id, kind: 'outbox', ...sealed });
    await tx.done;
    return work;
  }

  async get(id: string): Promise<{ kind: WorkKind; work: Work } | null> {
    const row = await this.db.get('work', [this.userId, id]);
    if (!row) return null;
    return { kind: row.kind, work: await unseal<Work>(this.key, row, this.binding(id, row.kind)) };
  }

  async list(kind: WorkKind): Promise<Work[]> {
    const rows = await this.db.getAllFromIndex('work', 'byKind', [this.userId, kind]);
    return Promise.all(rows.map((row) => unseal<Work>(this.key, row, this.binding(row.id, kind))));
  }

  async deleteDraft(id: string): Promise<void> {
    await this.removeIf(id, 'draft');
  }

  /** Only once the server confirmed it (stored, duplicate or conflict kept for review). */
  async removeConfirmed(id: string): Promise<void> {
    await this.removeIf(id, 'outbox');
  }

  private async removeIf(id: string, kind: WorkKind): Promise<void> {
    const tx = this.db.transaction('work', 'readwrite');
    const current = await tx.store.get([this.userId, id]);
    if (current?.kind !== kind) throw new WorkStateError(id, current?.kind ?? 'missing');
    await tx.store.delete([this.userId, id]);
    await tx.done;
  }
}
