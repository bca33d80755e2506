import { endpoints, limits, type Role } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { newId } from '../ids.ts';
import { findSection, findSettlement } from '../settlements/queries.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { formsByIds } from '../submissions/queries.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { changeStamp, newRowStamp, tombstoneStamp } from '../sync/rows.ts';
import { callerOf } from '../workspaces/caller.ts';
import { assignedTo, presentAssignment, presentTeam, withProgress } from './present.ts';
import {
  assignmentOrder,
  assignmentsQuery,
  collectors,
  findAssignment,
  findTeam,
  insertAssignment,
  insertTeam,
  sentByForm,
  submissionCounts,
  teamOrder,
  teamsQuery,
  updateAssignmentRow,
  updateTeamRow,
} from './queries.ts';

const collectingRoles = new Set<Role>(['researcher', 'staff', 'coordinator']);
const mayAssign = (role: Role) => {
  if (!canSubmissions(role, 'assign')) throw forbidden('Only coordinators and staff assign work.');
};

/** Everyone named must be a member here who collects (researcher, staff or coordinator). */
async function checkCollectors(ctx: RequestContext, workspaceId: string, personIds: string[], path: string) {
  const found = await collectors(ctx.db, workspaceId, personIds);
  personIds.forEach((id, index) => {
    const row = found.find((f) => f.id === id);
    if (!row)
      throw new AppError('not_found', 404, 'That person is not in this workspace.', [
        { path: `${path}${personIds.length > 1 ? `.${index}` : ''}`, message: 'no such person' },
      ]);
    if (!row.role || !collectingRoles.has(row.role as Role)) {
      throw new AppError(
        'request.invalid',
        400,
        'Assign work to researchers, staff or coordinators (members with an account who collect).',
        [
          {
            path: `${path}${personIds.length > 1 ? `.${index}` : ''}`,
            message: 'not someone who collects',
            code: 'assignment.not_collector',
          },
        ],
      );
    }
  });
}

/** The settlement (and section of it) an assignment names must be this workspace's. */
async function checkArea(
  ctx: RequestContext,
  workspaceId: string,
  settlementId?: string,
  sectionId?: string,
) {
  if (settlementId && !(await findSettlement(ctx.db, workspaceId, settlementId)))
    throw new AppError('not_found', 404, 'There is no such settlement.', [
      { path: 'body.settlementId', message: 'no such settlement', code: 'value.unknown' },
    ]);
  if (!sectionId) return;
  const section = await findSection(ctx.db, workspaceId, sectionId);
  if (!section || section.settlement_id !== settlementId)
    throw new AppError('not_found', 404, 'That section is not part of the settlement.', [
      { path: 'body.sectionId', message: 'no such section in this settlement', code: 'value.unknown' },
    ]);
}

export function assignmentRoutes(api: Registrar) {
  api.register(endpoints.listAssignments, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    const all = canSubmissions(caller.role, 'assign');
    if (!all && !canSubmissions(caller.role, 'readOwn')) throw forbidden('Your role has no assignments.');
    let q = assignmentsQuery(ctx.db, caller.workspaceId).where('assignments.deleted_at', 'is', null);
    // A researcher's own (by name or team) are filtered after the page: teams are few and small.
    if (!all)
      q = q.where((eb) =>
        eb.or([eb('assignments.person_id', '=', caller.personId), eb('assignments.team_id', 'is not', null)]),
      );
    const page = await keysetPage(q, assignmentOrder, query.cursor, query.limit ?? limits.pageSizeDefault);
    const visible = all ? page : { ...page, rows: page.rows.filter((r) => assignedTo(r, caller.personId)) };
    const sent = await sentByForm(
      ctx.db,
      caller.workspaceId,
      visible.rows.map((r) => r.form_id),
    );
    return { items: withProgress(visible.rows, sent), cursor: visible.cursor, hasMore: visible.hasMore };
  });

  api.register(endpoints.createAssignment, async ({ ctx, body }) => {
    const caller = callerOf(ctx);
    mayAssign(caller.role);
    const [form] = await formsByIds(ctx.db, caller.workspaceId, [body.formId]);
    if (!form || form.deleted_at)
      throw new AppError('not_found', 404, 'There is no such form.', [
        { path: 'body.formId', message: 'no such form', code: 'value.unknown' },
      ]);
    if (!form.latest_version_id || form.status === 'archived') {
      throw new AppError('request.invalid', 400, 'Only a published, not archived form can be assigned.', [
        { path: 'body.formId', message: 'not published', code: 'assignment.form_not_published' },
      ]);
    }
    if (body.personId) await checkCollectors(ctx, caller.workspaceId, [body.personId], 'body.personId');
    if (body.teamId && !(await findTeam(ctx.db, caller.workspaceId, body.teamId))) {
      throw new AppError('not_found', 404, 'There is no such team.', [
        { path: 'body.teamId', message: 'no such team', code: 'value.unknown' },
      ]);
    }
    await checkArea(ctx, caller.workspaceId, body.settlementId, body.sectionId);
    const id = body.id ?? newId();
    if (body.id && (await findAssignment(ctx.db, caller.workspaceId, body.id))) {
      throw new AppError('conflict.id_reused', 409, 'Another assignment has that id.', [
        { path: 'body.id', message: 'already used', code: 'id.reused' },
      ]);
    }
    await insertAssignment(ctx.db, {
      workspace_id: caller.workspaceId,
      id,
      ...(await newRowStamp(ctx)),
      form_id: body.formId,
      person_id: body.personId ?? null,
      team_id: body.teamId ?? null,
      target_count: body.targetCount ?? null,
      due_on: body.dueOn ?? null,
      note: body.note,
      status: 'active',
      created_by_account_id: ctx.actor?.accountId ?? null,
      settlement_id: body.settlementId ?? null,
      section_id: body.sectionId ?? null,
    });
    ctx.audit({
      action: 'assignment.create',
      entityType: 'assignment',
      entityId: id,
      fields: ['formId', body.personId ? 'personId' : 'teamId', 'targetCount', 'dueOn', 'note'],
    });
    return presentAssignment((await findAssignment(ctx.db, caller.workspaceId, id)) as never);
  });

  api.register(endpoints.updateAssignment, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    mayAssign(caller.role);
    const row = await findAssignment(ctx.db, caller.workspaceId, params.assignmentId);
    if (!row || row.deleted_at) throw notFound('That assignment');
    // A new area replaces the old one whole, so a section never outlives its settlement.
    const area =
      body.settlementId === undefined
        ? {}
        : {
            settlement_id: body.settlementId,
            section_id: body.settlementId ? (body.sectionId ?? null) : null,
          };
    if (body.settlementId)
      await checkArea(ctx, caller.workspaceId, body.settlementId, body.sectionId ?? undefined);
    const changes = Object.fromEntries(
      Object.entries({
        target_count: body.targetCount,
        due_on: body.dueOn,
        note: body.note,
        status: body.status,
      }).filter(([, v]) => v !== undefined),
    );
    await updateAssignmentRow(ctx.db, caller.workspaceId, row.id, {
      ...changes,
      ...area,
      ...(await changeStamp(ctx)),
    });
    ctx.audit({
      action: 'assignment.update',
      entityType: 'assignment',
      entityId: row.id,
      fields: Object.keys(body),
    });
    return presentAssignment((await findAssignment(ctx.db, caller.workspaceId, row.id)) as never);
  });

  api.register(endpoints.deleteAssignment, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    mayAssign(caller.role);
    const row = await findAssignment(ctx.db, caller.workspaceId, params.assignmentId);
    if (!row || row.deleted_at) throw notFound('That assignment');
    await updateAssignmentRow(ctx.db, caller.workspaceId, row.id, await tombstoneStamp(ctx));
    ctx.audit({
      action: 'assignment.delete',
      entityType: 'assignment',
      entityId: row.id,
      fields: ['deletedAt'],
    });
    return undefined;
  });

  api.register(endpoints.myWork, async ({ ctx }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'readOwn')) throw forbidden('Your role has no assignments.');
    const rows = (
      await assignmentsQuery(ctx.db, caller.workspaceId)
        .where('assignments.deleted_at', 'is', null)
        .where('assignments.status', '=', 'active')
        .execute()
    ).filter((r) => assignedTo(r, caller.personId));
    const counts = await submissionCounts(ctx.db, caller.workspaceId, caller.personId);
    const sum = (formId: string, states: string[]) =>
      counts.filter((c) => c.formId === formId && states.includes(c.state)).reduce((n, c) => n + c.n, 0);
    return {
      items: rows.map((row) => ({
        assignment: presentAssignment(row),
        sent: sum(row.form_id, ['received', 'needs_attention', 'approved', 'rejected']),
        needsFix: sum(row.form_id, ['needs_attention', 'rejected']),
        approved: sum(row.form_id, ['approved']),
      })),
    };
  });

  api.register(endpoints.listTeams, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'readOwn')) throw forbidden('Your role sees no teams.');
    const page = await keysetPage(
      teamsQuery(ctx.db, caller.workspaceId).where('deleted_at', 'is', null),
      teamOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, presentTeam);
  });

  api.register(endpoints.createTeam, async ({ ctx, body }) => {
    const caller = callerOf(ctx);
    mayAssign(caller.role);
    await checkCollectors(ctx, caller.workspaceId, body.memberPersonIds, 'body.memberPersonIds');
    const id = body.id ?? newId();
    if (body.id && (await findTeam(ctx.db, caller.workspaceId, body.id))) {
      throw new AppError('conflict.id_reused', 409, 'Another team has that id.', [
        { path: 'body.id', message: 'already used', code: 'id.reused' },
      ]);
    }
    await insertTeam(ctx.db, {
      workspace_id: caller.workspaceId,
      id,
      ...(await newRowStamp(ctx)),
      name: body.name,
      member_person_ids: JSON.stringify([...new Set(body.memberPersonIds)]),
    });
    ctx.audit({
      action: 'team.create',
      entityType: 'team',
      entityId: id,
      fields: ['name', 'memberPersonIds'],
    });
    return presentTeam((await findTeam(ctx.db, caller.workspaceId, id)) as never);
  });

  api.register(endpoints.updateTeam, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    mayAssign(caller.role);
    const row = await findTeam(ctx.db, caller.workspaceId, params.teamId);
    if (!row || row.deleted_at) throw notFound('That team');
    if (body.memberPersonIds)
      await checkCollectors(ctx, caller.workspaceId, body.memberPersonIds, 'body.memberPersonIds');
    await updateTeamRow(ctx.db, caller.workspaceId, row.id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.memberPersonIds
        ? { member_person_ids: JSON.stringify([...new Set(body.memberPersonIds)]) }
        : {}),
      ...(await changeStamp(ctx)),
    });
    ctx.audit({ action: 'team.update', entityType: 'team', entityId: row.id, fields: Object.keys(body) });
    return presentTeam((await findTeam(ctx.db, caller.workspaceId, row.id)) as never);
  });
}
