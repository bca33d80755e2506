import type { ConsentInput } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertVersion, versionsOf } from '../records/queries.ts';
import { firstVersion, type VersionSource } from '../records/versions.ts';
import { changeStamp } from '../sync/rows.ts';
import { canHouseholds } from './policy.ts';
import { consentPurposesOf } from './present.ts';
import { type ConsentRow, consentOf, insertConsent, markWithdrawn } from './queries.ts';

/**
 * A household's consent: given once at enumeration (notice, language, method, who gave it, the
 * purposes ticked), and withdrawn at any time, whatever the round's state. Its versions are kept
 * in record_versions like every record's. Reads that serve a purpose filter through
 * records/consent.ts, so a withdrawal takes the household out of all of them at once.
 */
const consentContent = (row: ConsentRow) => ({
  noticeVersion: row.notice_version,
  language: row.language,
  method: row.method,
  givenBy: row.given_by,
  witness: row.witness,
  purposes: consentPurposesOf(row),
  givenAt: row.given_at,
  withdrawnAt: row.withdrawn_at,
  withdrawnByPersonId: row.withdrawn_by_person_id,
});

export async function giveConsent(
  ctx: RequestContext,
  workspaceId: string,
  householdId: string,
  input: ConsentInput,
  source: VersionSource = {},
) {
  const id = newId();
  const p = input.purposes;
  const bit = (b: boolean) => (b ? 1 : 0);
  const row: ConsentRow = {
    workspace_id: workspaceId,
    id,
    household_id: householdId,
    notice_version: input.noticeVersion,
    language: input.language,
    method: input.method,
    given_by: input.givenBy,
    witness: input.witness,
    community_planning: bit(p.community_planning),
    municipality_aggregates: bit(p.municipality_aggregates),
    housing_list: bit(p.housing_list),
    photos: bit(p.photos),
    recontact: bit(p.recontact),
    given_at: input.givenAt ?? ctx.now,
    withdrawn_at: null,
    withdrawn_by_person_id: null,
    recorded_by_person_id: ctx.onBehalfOfPersonId ?? ctx.membership?.personId ?? null,
    submission_id: source.submissionId ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision: '0',
  };
  const stamp = await firstVersion(ctx, { workspaceId, kind: 'consent', id }, consentContent(row), source);
  await insertConsent(ctx.db, { ...row, revision: stamp.revision });
  ctx.audit({ action: 'consent.give', entityType: 'consent', entityId: id, fields: Object.keys(p) });
  return row;
}

export async function withdrawConsent(
  ctx: RequestContext,
  caller: Membership,
  householdId: string,
  input: { withdrawnAt?: string | undefined; reason?: string | undefined },
) {
  if (!canHouseholds(caller.role, 'withdrawConsent'))
    throw forbidden('Your role cannot record a withdrawal.');
  const row = await consentOf(ctx.db, caller.workspaceId, householdId);
  if (!row)
    throw new AppError('consent.none', 409, 'This household gave no consent to withdraw.', [
      { path: 'params.householdId', message: 'no consent recorded' },
    ]);
  if (row.withdrawn_at) {
    ctx.unchanged();
    return row;
  }
  const personId = ctx.onBehalfOfPersonId ?? caller.personId;
  const at = input.withdrawnAt ?? ctx.now;
  await markWithdrawn(ctx.db, row, { at, personId, stamp: await changeStamp(ctx) });
  const withdrawn = { ...row, withdrawn_at: at, withdrawn_by_person_id: personId };
  const versions = await versionsOf(ctx.db, { workspaceId: caller.workspaceId, kind: 'consent', id: row.id });
  const last = versions.at(-1);
  await insertVersion(ctx.db, {
    workspace_id: caller.workspaceId,
    id: newId(),
    record_kind: 'consent',
    record_id: row.id,
    number: (last?.number ?? 0) + 1,
    kind: 'change',
    content: JSON.stringify(consentContent(withdrawn)),
    changed: JSON.stringify(['withdrawnAt', 'withdrawnByPersonId']),
    base_version_id: last?.id ?? null,
    submission_id: null,
    reason: input.reason ?? null,
    created_by_account_id: ctx.actor?.accountId ?? null,
    created_by_person_id: personId,
    created_at: ctx.now,
  });
  ctx.audit({
    action: 'consent.withdraw',
    entityType: 'consent',
    entityId: row.id,
    fields: ['withdrawnAt', 'withdrawnByPersonId'],
  });
  return (await consentOf(ctx.db, caller.workspaceId, householdId))!;
}
