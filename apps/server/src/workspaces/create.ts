import type { Actor, RequestContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertMembership } from '../members/queries.ts';
import { addPerson, minimalPerson } from '../people/write.ts';
import { findMembership, findWorkspace, insertWorkspace } from './queries.ts';

export interface NewWorkspace {
  id?: string | undefined;
  name: string;
  defaultLocale: string;
  timeZone: string;
}

/**
 * A workspace, a person record for its creator and their coordinator membership, in one
 * transaction. Repeating a create with the same id and name gives back the same workspace.
 */
export async function createWorkspace(ctx: RequestContext, actor: Actor, input: NewWorkspace) {
  if (!actor.isAdmin) throw forbidden('Only server administrators can create workspaces.');
  const id = input.id ?? newId();
  if (input.id) {
    const existing = await findWorkspace(ctx.db, input.id);
    if (existing) {
      const membership = await findMembership(ctx.db, input.id, actor.accountId);
      const same =
        membership &&
        existing.name === input.name &&
        existing.default_locale === input.defaultLocale &&
        existing.time_zone === input.timeZone;
      if (!same) {
        throw new AppError('conflict.id_reused', 409, 'A workspace with that id already exists.', [
          { path: 'body.id', message: 'already used', code: 'id.reused' },
        ]);
      }
      ctx.unchanged();
      return { workspaceId: id };
    }
  }
  const revision = await ctx.revision();
  await insertWorkspace(ctx.db, {
    id,
    name: input.name,
    default_locale: input.defaultLocale,
    time_zone: input.timeZone,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
  });
  const person = await addPerson(ctx, id, newId(), minimalPerson(actor.displayName), actor.accountId);
  await insertMembership(ctx.db, {
    workspace_id: id,
    id: newId(),
    account_id: actor.accountId,
    person_id: person.id,
    role: 'coordinator',
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
  });
  ctx.audit({
    action: 'workspace.create',
    entityType: 'workspace',
    entityId: id,
    fields: ['name', 'defaultLocale', 'timeZone'],
    workspaceId: id,
  });
  return { workspaceId: id };
}
