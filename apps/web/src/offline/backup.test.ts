// Backup files of unsent work against the real store (fake-indexeddb, WebCrypto): any mix of drafts
// and waiting work survives a restore on a new phone; restoring again, or on the phone it came
// from, adds nothing; the file holds no answer in clear; the wrong password, another person's
// account or a changed byte restores nothing.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFormat, makeBackup, readBackup, restoreBackup } from './backup.ts';
import { openOfflineDb } from './db.ts';
import { newInstanceId } from './ids.ts';
import { unlock } from './keys.ts';

let phones = 0;
const phone = async (userId = 'researcher-1', password = 'river stone') =>
  unlock(
    await openOfflineDb(`backup-${phones++}`),
    userId,
    { password },
    { createIfMissing: true, iterations: 1000 },
  );

const draft = (answer: string) => ({
  workspaceId: 'ws',
  savedAt: '2026-12-03T09:00:00.000Z',
  item: {
    id: newInstanceId(),
    formId: '0192f0a0-0000-7000-8000-0000000000f1',
    formVersion: 1,
    answers: { name: answer },
    files: [],
  },
});

describe('backup file of unsent work', () => {
  it('restores every draft and waiting item once, whatever the mix, and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 6 }), async (finalized) => {
        const first = await phone();
        const ids = { draft: [] as string[], outbox: [] as string[] };
        for (const [n, done] of finalized.entries()) {
          const work = draft(`Secret answer ${n}`);
          await first.saveDraft(work);
          if (done) await first.finalize(work.item.id);
          ids[done ? 'outbox' : 'draft'].push(work.item.id);
        }
        const text = JSON.stringify(await makeBackup(first));
        expect(text).not.toContain('Secret answer');
        const file = readBackup(text);
        expect(file.format).toBe(backupFormat);

        const second = await phone();
        expect(await restoreBackup(second, file, { password: 'river stone' })).toEqual({
          restored: finalized.length,
          alreadyHere: 0,
          draftsLeft: 0,
        });
        expect(await restoreBackup(second, file, { password: 'river stone' })).toEqual({
          restored: 0,
          alreadyHere: finalized.length,
          draftsLeft: 0,
        });
        expect(await restoreBackup(first, file, { password: 'river stone' })).toMatchObject({ restored: 0 });
        const sorted = (list: { item: { id: string } }[]) => list.map((w) => w.item.id).sort();
        expect(sorted(await second.list('draft'))).toEqual([...ids.draft].sort());
        expect(sorted(await second.list('outbox'))).toEqual([...ids.outbox].sort());
      }),
      { numRuns: 8 },
    );
  });

  it('does not bring back what was sent since, and refuses wrong secrets, other people and damage', async () => {
    const first = await phone();
    const work = draft('Nomvula');
    await first.saveDraft(work);
    await first.finalize(work.item.id);
    const file = await makeBackup(first);
    await first.confirmSent({
      workspaceId: 'ws',
      id: work.item.id,
      formId: work.item.formId,
      formVersion: 1,
      outcome: 'stored',
      issueCount: 0,
      sentAt: '2026-12-03T10:00:00.000Z',
    });
    expect(await restoreBackup(first, file, { password: 'river stone' })).toEqual({
      restored: 0,
      alreadyHere: 1,
      draftsLeft: 0,
    });
    expect(await first.list('outbox')).toEqual([]);

    const fresh = await phone();
    await expect(restoreBackup(fresh, file, { password: 'wrong' })).rejects.toThrow('wrong secret');
    const someoneElse = await phone('researcher-2', 'blue kettle');
    await expect(restoreBackup(someoneElse, file, { password: 'river stone' })).rejects.toThrow('other_user');
    const second = draft('Second');
    await first.saveDraft(second);
    const damaged = structuredClone(await makeBackup(first));
    damaged.rows[damaged.rows.length - 1]!.data = btoa('x'.repeat(40));
    await expect(restoreBackup(fresh, damaged, { password: 'river stone' })).rejects.toThrow('not_backup');
    expect(() => readBackup('{"format":"something else"}')).toThrow('not_backup');
    expect(() => readBackup('not json')).toThrow('not_backup');
    expect(await fresh.list('outbox')).toEqual([]);
    expect(await fresh.list('draft')).toEqual([]); // nothing half-restored
  });

  it("lets a coordinator take in another person's finished work once, never their drafts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 6 }), async (finalized) => {
        const researcher = await phone();
        const finished: string[] = [];
        for (const [n, done] of finalized.entries()) {
          const work = draft(`Answer ${n}`);
          await researcher.saveDraft(work);
          if (done) {
            await researcher.finalize(work.item.id);
            finished.push(work.item.id);
          }
        }
        const file = readBackup(JSON.stringify(await makeBackup(researcher)));
        const coordinator = await phone('coordinator-1', 'green door');
        const drafts = finalized.length - finished.length;
        const secret = { password: 'river stone' };
        // The coordinator's own password does not open it; the researcher's does.
        await expect(
          restoreBackup(coordinator, file, { password: 'green door' }, { othersWork: true }),
        ).rejects.toThrow('wrong secret');
        expect(await restoreBackup(coordinator, file, secret, { othersWork: true })).toEqual({
          restored: finished.length,
          alreadyHere: 0,
          draftsLeft: drafts,
        });
        expect(await restoreBackup(coordinator, file, secret, { othersWork: true })).toEqual({
          restored: 0,
          alreadyHere: finished.length,
          draftsLeft: drafts,
        });
        const outbox = await coordinator.list('outbox');
        expect(outbox.map((w) => w.item.id).sort()).toEqual([...finished].sort());
        // Sent from the coordinator's outbox, each still names the researcher who collected it.
        expect(outbox.every((w) => w.item.collectedBy === researcher.userId)).toBe(true);
        expect(await coordinator.list('draft')).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});
