// Test-only entry bundled by e2e/offline-store.spec.ts: puts the phone's offline store on
// `window.offline` so the spec drives the real module in Chromium's IndexedDB and WebCrypto.

import { offlineDbName, openOfflineDb } from '../../apps/web/src/offline/db.ts';
import { newInstanceId } from '../../apps/web/src/offline/ids.ts';
import { unlock } from '../../apps/web/src/offline/keys.ts';
import { requestPersistentStorage } from '../../apps/web/src/offline/storage.ts';
import type { UserStore } from '../../apps/web/src/offline/store.ts';

const open: Record<string, UserStore> = {};

/** Everything in the database as stored, binary fields as bytes, to look for clear text. */
async function raw(): Promise<{ keys: unknown[]; work: Record<string, unknown>[] }> {
  const db = await openOfflineDb();
  const keys = await db.getAll('keys');
  const work = await db.getAll('work');
  db.close();
  return { keys, work: work as unknown as Record<string, unknown>[] };
}

async function rawText(): Promise<string> {
  const { keys, work } = await raw();
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder();
  return JSON.stringify([keys, work], (_key, value) => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
      return `${latin1.decode(bytes)}|${utf8.decode(bytes)}`;
    }
    return value;
  });
}

/** Moves one user's row to another user's id, as someone with the raw database could. */
async function copyRow(fromUser: string, id: string, toUser: string): Promise<void> {
  const db = await openOfflineDb();
  const row = await db.get('work', [fromUser, id]);
  if (!row) throw new Error('no such row');
  await db.put('work', { ...row, userId: toUser });
  db.close();
}

/** Runs an action and names the error it throws, so the spec can assert on it across evaluate(). */
async function outcome(action: () => Promise<unknown>): Promise<{ ok: unknown } | { error: string }> {
  try {
    return { ok: await action() };
  } catch (error) {
    return { error: error instanceof Error ? error.name : String(error) };
  }
}

const api = {
  open,
  unlock,
  openOfflineDb,
  offlineDbName,
  newInstanceId,
  requestPersistentStorage,
  raw,
  rawText,
  copyRow,
  outcome,
};

export type OfflineApi = typeof api;

Object.assign(globalThis, { offline: api });
