import type { Form } from '@coproduce/forms';
import type { RequestContext } from '../context.ts';
import { ensureAnswerTables } from './answer-tables.ts';
import type { PreparedVersion } from './compiled.ts';
import { versionModel } from './review-queries.ts';

/**
 * A published version ready for ingest: compiled, and with every column of its questions present
 * in the form's answer tables. Cached, so a busy form costs one lookup per batch, not a query.
 */
export async function preparedVersion(
  ctx: RequestContext,
  workspaceId: string,
  version: { id: string; form_id: string; number: number },
): Promise<PreparedVersion> {
  let entry = ctx.deps.compiledForms.get(version.id);
  if (!entry) {
    const row = await versionModel(ctx.db, workspaceId, version.id);
    if (!row) throw new Error(`form version ${version.id} vanished`);
    entry = ctx.deps.compiledForms.put(version.id, JSON.parse(row.model) as Form);
  }
  if (!entry.layout) {
    const ensured = await ensureAnswerTables(
      ctx.db,
      ctx.deps.databaseKind,
      workspaceId,
      version.form_id,
      version.number,
      entry.form,
    );
    // Cached only when nothing had to be added: columns added in this transaction would vanish with
    // a rollback, and the next batch will find them there and cache then.
    if (ensured.added === 0) entry.layout = ensured.layout;
    return { ...entry, layout: ensured.layout };
  }
  return entry;
}
