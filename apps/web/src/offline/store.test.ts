// Receipts (the server's confirmations kept on the phone) against the real store (fake-indexeddb,
// WebCrypto): old ones leave, recent ones and all unsent work stay.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openOfflineDb } from './db.ts';
import { newInstanceId } from './ids.ts';
import { unlock } from './keys.ts';
import { receiptDays, type UserStore } from './store.ts';

const now = new Date('2026-12-03T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

async function sentOn(store: UserStore, sentAt: string): Promise<string> {
  const id = await drafted(store);
  await store.finalize(id);
  await store.confirmSent({
    workspaceId: 'ws',
    id,
    formId: 'f1',
    formVersion: 1,
    outcome: 'stored',
    issueCount: 0,
    sentAt,
  });
  return id;
}

async function drafted(store: UserStore): Promise<string> {
  const id = newInstanceId();
  await store.saveDraft({
    workspaceId: 'ws',
    savedAt: daysAgo(90),
    item: { id, formId: 'f1', formVersion: 1, answers: { name: 'Thandi' }, files: [] },
  });
  return id;
}

describe('receipts on the phone', () => {
  it(`drops receipts older than ${receiptDays} days and keeps recent ones, drafts and the outbox`, async () => {
    const db = await openOfflineDb('receipts-1');
    const store = await unlock(
      db,
      'researcher-1',
      { password: 'river stone' },
      { createIfMissing: true, iterations: 1000 },
    );
    const old = await sentOn(store, daysAgo(receiptDays + 10));
    const justOld = await sentOn(store, daysAgo(receiptDays + 0.01));
    const recent = await sentOn(store, daysAgo(receiptDays - 1));
    const draft = await drafted(store);
    const waiting = await drafted(store);
    await store.finalize(waiting);

    expect(await store.dropOldReceipts(now)).toBe(2);
    expect((await store.listSent()).map((r) => r.id)).toEqual([recent]);
    expect(await store.get(old)).toBeNull();
    expect(await store.get(justOld)).toBeNull();
    expect((await store.list('draft')).map((w) => w.item.id)).toEqual([draft]);
    expect((await store.list('outbox')).map((w) => w.item.id)).toEqual([waiting]);
    // Nothing more to drop: a second round changes nothing.
    expect(await store.dropOldReceipts(now)).toBe(0);
    expect((await store.listSent()).map((r) => r.id)).toEqual([recent]);
  });

  it("leaves another person's receipts on a shared phone alone", async () => {
    const db = await openOfflineDb('receipts-2');
    const first = await unlock(
      db,
      'researcher-1',
      { password: 'river stone' },
      { createIfMissing: true, iterations: 1000 },
    );
    const second = await unlock(
      db,
      'researcher-2',
      { password: 'blue hill' },
      { createIfMissing: true, iterations: 1000 },
    );
    const theirs = await sentOn(second, daysAgo(receiptDays + 10));
    await sentOn(first, daysAgo(receiptDays + 10));
    expect(await first.dropOldReceipts(now)).toBe(1);
    expect((await second.listSent()).map((r) => r.id)).toEqual([theirs]);
  });
});
