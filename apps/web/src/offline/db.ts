// The phone's offline database (IndexedDB through `idb`): per user, the wrapped keys, the work rows
// (drafts, outbox, receipts) and the downloaded cache, each row sealed (crypto.ts). In clear are only
// the owner's account id and the name shown on the "who is collecting" list, each record's instance
// id and whether it is a draft, waiting or sent.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Sealed, WrappedKey } from './crypto.ts';

export type WorkKind = 'draft' | 'outbox' | 'sent';

export interface KeyRow {
  userId: string;
  password: WrappedKey;
  pin?: WrappedKey;
  /** The name on the "who is collecting" list of a shared phone (it opens nothing). */
  label?: string;
}

export interface CacheRow extends Sealed {
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

/** What a sealed work record is bound to (its AES-GCM additional data): owner, id and kind. */
export const workBinding = (userId: string, id: string, kind: WorkKind) => `${userId}/${id}/${kind}`;

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
