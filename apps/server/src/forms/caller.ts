import type { Role } from '@coproduce/contract';
import type { Caller } from '../auth/resolve.ts';
import type { RequestContext, ServerDeps } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { resolveMembership } from '../http/membership.ts';
import { can, type FormAction } from './policy.ts';

/** Who is acting on forms, from the request's membership. */
export interface FormCaller {
  workspaceId: string;
  role: Role;
  personId: string;
  accountId: string | null;
  /** Whose words these are: the person a staff member types for (x-on-behalf-of), else the caller. */
  authorPersonId: string;
}

export function formCaller(ctx: RequestContext): FormCaller {
  const membership = ctx.membership;
  // Workspace endpoints always resolve a membership first; this is a programming error otherwise.
  if (!membership) throw new Error('forms endpoints are workspace endpoints');
  return {
    workspaceId: membership.workspaceId,
    role: membership.role,
    personId: membership.personId,
    accountId: ctx.actor?.accountId ?? null,
    authorPersonId: ctx.onBehalfOfPersonId ?? membership.personId,
  };
}

const refusals: Record<FormAction, string> = {
  create: 'Your role cannot create forms.',
  edit: 'Your role cannot edit forms.',
  publish: 'Your role cannot publish forms.',
  archive: 'Your role cannot archive forms.',
  readDraft: 'Your role can only see published versions.',
  readPublished: 'Your role cannot see forms.',
  comment: 'Your role cannot comment on or suggest wording for forms.',
  decide: 'Only coordinators accept or decline suggestions.',
};

export function require(caller: FormCaller, action: FormAction) {
  if (!can(caller.role, action)) throw forbidden(refusals[action]);
}

/** Another request changed the form between this one's read and its write (see updateForm). */
export const changedMeanwhile = () =>
  new AppError('form.stale', 409, 'Someone changed this form at the same moment: reload it and try again.');

export const archivedError = () =>
  new AppError('form.archived', 409, 'This form is archived: it can be read, not changed.');

/**
 * The role check for work done before the transaction (reading a 10 MB workbook): a member
 * sending a file should hear "not allowed" at once, not after the server parsed it.
 */
export async function requireBeforeWork(
  deps: ServerDeps,
  caller: Caller | null,
  workspaceId: string,
  action: FormAction,
) {
  if (!caller) return;
  const { role } = await resolveMembership(deps, caller, workspaceId);
  if (!can(role, action)) throw forbidden(refusals[action]);
}
