// "Save a backup file": this person's unsent work (drafts and outbox) written to a file they can
// keep, still sealed exactly as on the phone, with their data key wrapped by their password (and
// PIN). Restoring it, on this phone or another, needs that password or PIN; it puts back only what
// the phone does not already have, so restoring the same file twice adds nothing, and what was
// sent since (a receipt holds its id) is not brought back to be sent again. A coordinator may take in
// another person's finished work from their file, with that person's password (RestoreOptions).
import { type Sealed, unseal, unwrapDataKey, type WrappedKey } from './crypto.ts';
import { workBinding } from './db.ts';
import { fromBase64, toBase64 } from './files.ts';
import type { Secret } from './keys.ts';
import type { UserStore, Work } from './store.ts';

export const backupFormat = 'coproduce-unsent-work';

interface WrappedText {
  salt: string;
  iterations: number;
  iv: string;
  wrapped: string;
}

export interface BackupFile {
  format: typeof backupFormat;
  version: 1;
  userId: string;
  createdAt: string;
  keys: { password: WrappedText; pin?: WrappedText };
  rows: Array<{ id: string; kind: 'draft' | 'outbox'; iv: string; data: string }>;
}

/** The file is not a backup, is damaged, or belongs to someone else. */
export class BackupError extends Error {
  constructor(readonly reason: 'not_backup' | 'other_user') {
    super(reason);
    this.name = 'BackupError';
  }
}

const wrapToText = (w: WrappedKey): WrappedText => ({
  salt: toBase64(w.salt),
  iterations: w.iterations,
  iv: toBase64(w.iv),
  wrapped: toBase64(w.wrapped),
});
const wrapFromText = (w: WrappedText): WrappedKey => ({
  salt: fromBase64(w.salt),
  iterations: w.iterations,
  iv: fromBase64(w.iv),
  wrapped: fromBase64(w.wrapped).buffer as ArrayBuffer,
});

export async function makeBackup(store: UserStore, now = new Date()): Promise<BackupFile> {
  const { keys, rows } = await store.backupRows();
  return {
    format: backupFormat,
    version: 1,
    userId: store.userId,
    createdAt: now.toISOString(),
    keys: { password: wrapToText(keys.password), ...(keys.pin ? { pin: wrapToText(keys.pin) } : {}) },
    rows: rows.map((row) => ({
      id: row.id,
      kind: row.kind as 'draft' | 'outbox',
      iv: toBase64(row.iv),
      data: toBase64(row.data),
    })),
  };
}

function isWrapped(value: unknown): value is WrappedText {
  const w = value as WrappedText;
  return (
    typeof w === 'object' &&
    w !== null &&
    typeof w.salt === 'string' &&
    typeof w.iv === 'string' &&
    typeof w.wrapped === 'string' &&
    Number.isInteger(w.iterations) &&
    w.iterations > 0
  );
}

/** Reads a backup file's text, checking its shape before anything is decrypted. */
export function readBackup(text: string): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(text) as BackupFile;
  } catch {
    throw new BackupError('not_backup');
  }
  const ok =
    file?.format === backupFormat &&
    file.version === 1 &&
    typeof file.userId === 'string' &&
    isWrapped(file.keys?.password) &&
    (file.keys.pin === undefined || isWrapped(file.keys.pin)) &&
    Array.isArray(file.rows) &&
    file.rows.every(
      (r) =>
        typeof r?.id === 'string' &&
        (r.kind === 'draft' || r.kind === 'outbox') &&
        typeof r.iv === 'string' &&
        typeof r.data === 'string',
    );
  if (!ok) throw new BackupError('not_backup');
  return file;
}

export interface RestoreOptions {
  /**
   * Someone who collects for the whole workspace (coordinator, staff) may take in another person's
   * file, opened with that person's password or PIN, to send their finished work (a phone lost or
   * broken in the field). Only finished work comes in; drafts stay with the person who made them.
   */
  othersWork?: boolean;
}

export interface RestoreResult {
  restored: number;
  alreadyHere: number;
  /** Drafts in another person's file, not taken in. */
  draftsLeft: number;
}

/**
 * Puts a backup's work back; WrongSecretError when the password or PIN does not open it. What comes
 * back goes to the outbox as it was and is sent by it, so an id the server already has is a
 * duplicate there, never a second copy.
 */
export async function restoreBackup(
  store: UserStore,
  file: BackupFile,
  secret: Secret,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const mine = file.userId === store.userId;
  if (!mine && !options.othersWork) throw new BackupError('other_user');
  const wrap = 'pin' in secret ? file.keys.pin : file.keys.password;
  if (!wrap) throw new BackupError('not_backup');
  const key = await unwrapDataKey(wrapFromText(wrap), 'pin' in secret ? secret.pin : secret.password);
  // Every row is opened before any is written: a damaged file restores nothing rather than half.
  const works: Array<{ work: Work; kind: 'draft' | 'outbox' }> = [];
  for (const row of file.rows) {
    const sealed: Sealed = { iv: fromBase64(row.iv), data: fromBase64(row.data).buffer as ArrayBuffer };
    let work: Work;
    try {
      work = await unseal<Work>(key, sealed, workBinding(file.userId, row.id, row.kind));
    } catch {
      throw new BackupError('not_backup'); // a row was changed or moved: the file is damaged
    }
    if (work.item.id !== row.id) throw new BackupError('not_backup');
    works.push({ work, kind: row.kind });
  }
  const result: RestoreResult = { restored: 0, alreadyHere: 0, draftsLeft: 0 };
  for (const { work, kind } of works) {
    if (!mine && kind === 'draft') result.draftsLeft++;
    // Another person's finished work is sent from here but stays theirs: the server records the
    // account that collected it, and the sender as who brought it in.
    else if (
      await store.restore(mine ? work : { ...work, item: { ...work.item, collectedBy: file.userId } }, kind)
    )
      result.restored++;
    else result.alreadyHere++;
  }
  return result;
}
