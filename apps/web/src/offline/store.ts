// The phone's local store of unsent work (IndexedDB through `idb`): per user, drafts, the outbox,
// receipts of what the server confirmed, and the downloaded forms; every record sealed with that
// user's data key (crypto.ts). In clear are only the owner's account id and the name shown on the
// "who is collecting" list, each record's instance id and whether it is a draft, waiting or sent.
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

export type WorkKind = 'draft' | 'outbox' | 'sent';

/** The last time the outbox tried to send an item and why it is still here, as a problem code. */
export interface Attempt {
  at: string;
  /** `network`, `refused` (the server said no: see code), `server` (5xx), `signed_out`. */
  failure: 'network' | 'refused' | 'server' | 'signed_out';
  code: string;
  detail?: string;
}

/** A submission being filled in (draft) or finalized and waiting for the server (outbox). */
export interface Work {
  workspaceId: string;
  item: SubmissionItem;
  savedAt: string;
  lastAttempt?: Attempt;
  /** The bytes of the files the item names (photos already made smaller), base64, by file name. */
  fileData?: Record<string, string>;
}

/** What stays on the phone once the server confirmed an item: no answers, only what happened. */
export interface Receipt {
  workspaceId: string;
  id: string;
  formId: string;
  formVersion: number;
  outcome: 'stored' | 'needs_attention' | 'duplicate' | 'conflict';
  issueCount: number;
  finishedAt?: string;
  sentAt: string;
}

export interface KeyRow {
  userId: string;
  password: WrappedKey;
  pin?: WrappedKey;
  /** The name on the "who is collecting" list of a shared phone (it opens nothing). */
  label?: string;
}

interface CacheRow extends Sealed {
  userId: string;
  workspaceId: string;
}

export interface WorkRow extends Sealed {
  userId: string;
  id: string;
  kind: WorkKind;
}

interface OfflineSchema extends DBSchema {
  keys: { key: string; value: KeyRow };
  work: { key: [string, string]; value: WorkRow; indexes: { byKind: [string, WorkKind] } };
  /** Per user and workspace: the downloaded forms and assignments with the change-feed cursor. */
  cache: { key: [string, string]; value: CacheRow };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const offlineDbName = 'coproduce-offline';

export function openOfflineDb(name = offlineDbName): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('keys', { keyPath: 'userId' });
        const work = db.createObjectStore('work', { keyPath: ['userId', 'id'] });
        work.createIndex('byKind', ['userId', 'kind']);
      }
      if (oldVersion < 2) db.createObjectStore('cache', { keyPath: ['userId', 'workspaceId'] });
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

/** What a sealed work record is bound to (its AES-GCM additional data): owner, id and kind. */
export const workBinding = (userId: string, id: string, kind: WorkKind) => `${userId}/${id}/${kind}`;

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
    return workBinding(this.userId, id, kind);
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

  async list(kind: 'draft' | 'outbox'): Promise<Work[]> {
    const rows = await this.db.getAllFromIndex('work', 'byKind', [this.userId, kind]);
    return Promise.all(rows.map((row) => unseal<Work>(this.key, row, this.binding(row.id, kind))));
  }

  async listSent(): Promise<Receipt[]> {
    const rows = await this.db.getAllFromIndex('work', 'byKind', [this.userId, 'sent']);
    return Promise.all(rows.map((row) => unseal<Receipt>(this.key, row, this.binding(row.id, 'sent'))));
  }

  /** Notes why an item is still waiting; skipped if it left the outbox meanwhile (another send). */
  async recordAttempt(id: string, attempt: Attempt): Promise<void> {
    const current = await this.get(id);
    if (current?.kind !== 'outbox') return;
    const sealed = await seal(
      this.key,
      { ...current.work, lastAttempt: attempt },
      this.binding(id, 'outbox'),
    );
    const tx = this.db.transaction('work', 'readwrite');
    if ((await tx.store.get([this.userId, id]))?.kind === 'outbox')
      await tx.store.put({ userId: this.userId, id, kind: 'outbox', ...sealed });
    await tx.done;
  }

  /**
   * The server confirmed the item: its answers leave the phone and a receipt takes their place,
   * in one put of the same row, so it is never both waiting and sent, nor neither.
   */
  async confirmSent(receipt: Receipt): Promise<void> {
    const sealed = await seal(this.key, receipt, this.binding(receipt.id, 'sent'));
    const tx = this.db.transaction('work', 'readwrite');
    const current = await tx.store.get([this.userId, receipt.id]);
    if (current?.kind === 'outbox')
      await tx.store.put({ userId: this.userId, id: receipt.id, kind: 'sent', ...sealed });
    await tx.done;
  }

  /** For a backup file: this user's wrapped keys and unsent rows exactly as sealed here. */
  async backupRows(): Promise<{ keys: KeyRow; rows: WorkRow[] }> {
    const keys = await this.db.get('keys', this.userId);
    if (!keys) throw new NoKeyError('key');
    const rows = await Promise.all(
      (['draft', 'outbox'] as const).map((kind) =>
        this.db.getAllFromIndex('work', 'byKind', [this.userId, kind]),
      ),
    );
    return { keys, rows: rows.flat() };
  }

  /** Puts restored work back unless this phone already has that id (in any state): idempotent. */
  async restore(work: Work, kind: 'draft' | 'outbox'): Promise<boolean> {
    const sealed = await seal(this.key, work, this.binding(work.item.id, kind));
    const tx = this.db.transaction('work', 'readwrite');
    const fresh = !(await tx.store.get([this.userId, work.item.id]));
    if (fresh) await tx.store.put({ userId: this.userId, id: work.item.id, kind, ...sealed });
    await tx.done;
    return fresh;
  }

  /** The downloaded forms and assignments of one workspace with the feed cursor (cache.ts). */
  async readCache<T>(workspaceId: string): Promise<T | null> {
    const row = await this.db.get('cache', [this.userId, workspaceId]);
    return row ? unseal<T>(this.key, row, `${this.userId}/cache/${workspaceId}`) : null;
  }

  async writeCache(workspaceId: string, value: unknown): Promise<void> {
    const sealed = await seal(this.key, value, `${this.userId}/cache/${workspaceId}`);
    await this.db.put('cache', { userId: this.userId, workspaceId, ...sealed });
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
