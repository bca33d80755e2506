import type { AuditAppend, ChainHead } from '../audit/append.ts';
import type { Db, Tx } from '../db/connect.ts';
import { takeRevision } from '../db/revision.ts';

/**
 * Group commit for write endpoints that phones and gateways call many times a second (ingest,
 * webhooks): requests that arrive while a transaction is running (or in the same turn of the event
 * loop) queue, and the next transaction runs all of them one after another, each inside its own
 * savepoint, then appends all their audit entries at once and commits once. A request that fails
 * rolls back to its savepoint alone; the others still commit. Savepoints are not released: each
 * next one nests inside the last, and rolling back to a request's own still undoes only its work,
 * so a request costs one statement of bookkeeping, not two. Nobody is answered before the
 * commit, so acknowledged means durable, while the commit (an fsync on PostgreSQL), the revision
 * counter and the audit chain head are taken once per group instead of once per request.
 */
export type GroupWork<T> = (
  trx: Tx,
  revision: () => Promise<string>,
) => Promise<{ value: T; audit: AuditAppend[] }>;

export interface GroupCommit {
  run<T>(work: GroupWork<T>): Promise<{ value: T }>;
  /** Requests per transaction, most recent groups first (for benchmarks and tests). */
  readonly lastGroupSizes: number[];
}

export interface GroupAudit {
  append(trx: Tx, entries: AuditAppend[]): Promise<ChainHead[]>;
  committed(heads: ChainHead[]): void;
}

interface Pending {
  work: GroupWork<unknown>;
  resolve: (value: { value: unknown }) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: Db, audit: GroupAudit, maxGroup = 100): GroupCommit {
  const queue: Pending[] = [];
  const lastGroupSizes: number[] = [];
  let flushing = false;

  async function runGroup(group: Pending[]) {
    const trx = await db.startTransaction().execute();
    const done: Array<[Pending, unknown]> = [];
    let heads: ChainHead[] = [];
    try {
      // Taken before any savepoint: a savepoint rolled back must never give its revision back.
      const revision = await takeRevision(trx);
      const sharedRevision = async () => revision;
      const entries: AuditAppend[] = [];
      for (const [index, pending] of group.entries()) {
        const name = `request_${index}`;
        await trx.savepoint(name as never).execute();
        try {
          const outcome = await pending.work(trx, sharedRevision);
          done.push([pending, outcome.value]);
          entries.push(...outcome.audit);
        } catch (error) {
          await trx.rollbackToSavepoint(name as never).execute();
          pending.reject(error);
        }
      }
      heads = await audit.append(trx, entries);
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (the connection, the commit): nothing of this group stands.
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      for (const pending of group) pending.reject(error);
      return;
    }
    if (heads.length > 0) audit.committed(heads);
    for (const [pending, value] of done) pending.resolve({ value });
  }

  async function flush() {
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
      return new Promise<{ value: T }>((resolve, reject) => {
        queue.push({ work, resolve: resolve as Pending['resolve'], reject });
        if (flushing) return;
        flushing = true;
        // Requests that reach here in the same turn of the event loop share the first transaction.
        setImmediate(() => void flush());
      });
    },
  };
}
