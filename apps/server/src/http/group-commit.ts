import type { Db, Tx } from '../db/connect.ts';
import { takeRevision } from '../db/revision.ts';

/**
 * Group commit for write endpoints that phones and gateways call many times a second (ingest,
 * webhooks): requests that arrive while a transaction is running queue, and the next transaction
 * runs all of them one after another, each inside its own savepoint, then commits once. A request
 * that fails rolls back to its savepoint alone; the others still commit. Nobody is answered before
 * the commit, so acknowledged means durable, while the commit (an fsync on PostgreSQL), the
 * revision counter and the audit chain head are taken once per group instead of once per request.
 */
export type GroupWork<T> = (trx: Tx, revision: () => Promise<string>) => Promise<T>;

export interface GroupCommit {
  run<T>(work: GroupWork<T>): Promise<T>;
  /** Requests per transaction, most recent groups first (for benchmarks and tests). */
  readonly lastGroupSizes: number[];
}

interface Pending {
  work: GroupWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Db, maxGroup = 100): GroupCommit {
  const queue: Pending[] = [];
  const lastGroupSizes: number[] = [];
  let flushing = false;

  async function runGroup(group: Pending[]) {
    const trx = await db.startTransaction().execute();
    const done: Array<[Pending, unknown]> = [];
    try {
      // Taken before any savepoint: a savepoint rolled back must never give its revision back.
      const revision = await takeRevision(trx);
      const sharedRevision = async () => revision;
      for (const [index, pending] of group.entries()) {
        const name = `request_${index}`;
        await trx.savepoint(name as never).execute();
        try {
          const value = await pending.work(trx, sharedRevision);
          await trx.releaseSavepoint(name as never).execute();
          done.push([pending, value]);
        } catch (error) {
          await trx.rollbackToSavepoint(name as never).execute();
          pending.reject(error);
        }
      }
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (the connection, the commit): nothing of this group stands.
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      for (const [pending] of done) pending.reject(error);
      for (const pending of group) if (!done.some(([p]) => p === pending)) pending.reject(error);
      return;
    }
    for (const [pending, value] of done) pending.resolve(value);
  }

  async function flush() {
    flushing = true;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, maxGroup);
        lastGroupSizes.unshift(group.length);
        lastGroupSizes.length = Math.min(lastGroupSizes.length, 50);
        await runGroup(group);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    lastGroupSizes,
    run<T>(work: GroupWork<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!flushing) void flush();
      });
    },
  };
}
