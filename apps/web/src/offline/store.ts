// One unlocked user's drafts, outbox and receipts of what the server confirmed, and their downloaded
// cache, sealed with that user's data key (crypto.ts) in the offline database (db.ts).
import type { SubmissionItem } from '@coproduce/contract';
import { seal, unseal, wrapDataKey } from './crypto.ts';
import {
  type KeyRow,
  NoKeyError,
  type OfflineDb,
  type WorkKind,
  type WorkRow,
  WorkStateError,
  workBinding,
} from './db.ts';

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
  /** The numbered structure picked from the list for this form (collect/structure-pick.ts). */
  structureId?: string;
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

/** How long the phone keeps a receipt of a sent submission. */
export const receiptDays = 30;

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

  /**
   * Notes why an item is still waiting, on the work the sender already holds (read once for the
   * batch); skipped if it left the outbox meanwhile (another send).
   */
  async recordAttempt(work: Work, attempt: Attempt): Promise<void> {
    const id = work.item.id;
    const sealed = await seal(this.key, { ...work, lastAttempt: attempt }, this.binding(id, 'outbox'));
    const tx = this.db.transaction('work', 'readwrite');
    if ((await tx.store.get([this.userId, id]))?.kind === 'outbox')
      await tx.store.put({ userId: this.userId, id, kind: 'outbox', ...sealed });
    await tx.done;
  }

  /** How many items of a kind this user has here, without opening any. */
  count(kind: 'draft' | 'outbox'): Promise<number> {
    return this.db.countFromIndex('work', 'byKind', [this.userId, kind]);
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

  /**
   * Receipts bridge the time until the download brings the server's own state of a sent submission
   * (the server keeps instance ids for good, so a resend is a duplicate however late); after
   * `receiptDays` they go, so a phone used for years does not fill with them. Returns how many.
   */
  async dropOldReceipts(now = new Date(), days = receiptDays): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const old = (await this.listSent()).filter((r) => r.sentAt < cutoff).map((r) => r.id);
    if (old.length === 0) return 0;
    const tx = this.db.transaction('work', 'readwrite');
    for (const id of old)
      if ((await tx.store.get([this.userId, id]))?.kind === 'sent') await tx.store.delete([this.userId, id]);
    await tx.done;
    return old.length;
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
