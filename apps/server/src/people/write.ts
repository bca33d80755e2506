import {
  type AccessNeeds,
  type CreatePersonInput,
  emptyAccessNeeds,
  type Role,
  type UpdatePersonInput,
} from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeStamp, compareAndSet, tombstoneStamp } from '../sync/rows.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { nameKey } from './names.ts';
import {
  canCreatePerson,
  canDeletePerson,
  canReadPerson,
  firstForbiddenField,
  writableFields,
} from './policy.ts';
import { findPerson, hasLiveMembership, insertPerson, type PersonRow, updatePersonRow } from './queries.ts';

export interface PersonContent {
  displayName: string;
  legalName: string | null;
  languages: string[];
  contactChannels: unknown[];
  accessNeeds: AccessNeeds;
  notes: string;
}

/** The stored columns for a person's content, with the search keys computed here. */
export function contentColumns(content: PersonContent) {
  return {
    display_name: content.displayName,
    display_name_key: nameKey(content.displayName),
    legal_name: content.legalName,
    legal_name_key: content.legalName ? nameKey(content.legalName) : null,
    languages: JSON.stringify(content.languages),
    contact_channels: JSON.stringify(content.contactChannels),
    access_needs: JSON.stringify(content.accessNeeds),
    notes: content.notes,
  };
}

/** A new person row in the caller's transaction (also used when a workspace or invite makes one). */
export async function addPerson(
  ctx: RequestContext,
  workspaceId: string,
  id: string,
  content: PersonContent,
  accountId: string | null = null,
): Promise<PersonRow> {
  const row: PersonRow = {
    workspace_id: workspaceId,
    id,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision: await ctx.revision(),
    deleted_at: null,
    ...contentColumns(content),
    account_id: accountId,
    created_by_account_id: ctx.actor?.accountId ?? null,
    updated_by_account_id: ctx.actor?.accountId ?? null,
  };
  await insertPerson(ctx.db, row);
  return row;
}

export const minimalPerson = (displayName: string): PersonContent => ({
  displayName,
  legalName: null,
  languages: [],
  contactChannels: [],
  accessNeeds: emptyAccessNeeds,
  notes: '',
});

/** Fields a create actually sets (defaults left alone do not count as writing them). */
function fieldsSetOnCreate(input: CreatePersonInput): string[] {
  const sent = ['displayName'];
  if (input.languages.length) sent.push('languages');
  if (input.legalName) sent.push('legalName');
  if (input.contactChannels.length) sent.push('contactChannels');
  if (input.accessNeeds) sent.push('accessNeeds');
  if (input.notes) sent.push('notes');
  return sent;
}

const sameContent = (row: PersonRow, content: PersonContent) => {
  const columns = contentColumns(content);
  return (Object.keys(columns) as (keyof typeof columns)[]).every((key) => row[key] === columns[key]);
};

export interface Caller {
  workspaceId: string;
  role: Role;
  personId: string;
}

/**
 * Creates a person; a repeated create with the same id and content (an offline phone retrying)
 * returns the existing row and changes nothing; the same id with other content is a conflict.
 */
export async function createPerson(ctx: RequestContext, caller: Caller, input: CreatePersonInput) {
  if (!canCreatePerson(caller.role)) throw forbidden('Your role cannot add people to the register.');
  const sent = fieldsSetOnCreate(input);
  const refused = firstForbiddenField(sent, writableFields(caller.role, { isSelf: false }));
  if (refused)
    throw new AppError('auth.forbidden', 403, `Your role cannot set ${refused}.`, [
      { path: `body.${refused}`, message: 'your role cannot set this field' },
    ]);
  const content: PersonContent = {
    displayName: input.displayName,
    legalName: input.legalName ?? null,
    languages: input.languages,
    contactChannels: input.contactChannels,
    accessNeeds: input.accessNeeds ?? emptyAccessNeeds,
    notes: input.notes,
  };
  const id = input.id ?? newId();
  if (input.id) {
    const existing = await findPerson(ctx.db, caller.workspaceId, input.id);
    if (existing) {
      if (!existing.deleted_at && sameContent(existing, content)) {
        ctx.unchanged();
        return existing;
      }
      throw new AppError('conflict.id_reused', 409, 'Another person record already has that id.', [
        { path: 'body.id', message: 'already used for different content', code: 'id.reused' },
      ]);
    }
  }
  const row = await addPerson(ctx, caller.workspaceId, id, content);
  ctx.audit({ action: 'person.create', entityType: 'person', entityId: id, fields: sent });
  return row;
}

/** A person the caller may see, or a 404 (another workspace's id, a tombstone, or not theirs). */
export async function readablePerson(ctx: RequestContext, caller: Caller, personId: string) {
  const row = await findPerson(ctx.db, caller.workspaceId, personId);
  if (!row || row.deleted_at || !canReadPerson(caller.role, { isSelf: row.id === caller.personId })) {
    throw notFound('That person');
  }
  return row;
}

/**
 * Changes only the fields sent, compare-and-set on the revision read: a phone that sends the
 * `baseRevision` it edited from gets 409 conflict.stale if someone changed the person meanwhile;
 * without one, a concurrent change of other fields is re-read and merged (no lost update).
 */
export async function updatePerson(
  ctx: RequestContext,
  caller: Caller,
  personId: string,
  input: UpdatePersonInput,
) {
  const { baseRevision, ...fields } = input;
  for (let attempt = 0; ; attempt++) {
    const row = await readablePerson(ctx, caller, personId);
    if (baseRevision !== undefined && String(row.revision) !== baseRevision) throw stale(row);
    const outcome = await applyPersonChange(ctx, caller, row, fields);
    if (outcome) return outcome;
    // Only reached when another transaction changed the row between our read and our write.
    if (baseRevision !== undefined || attempt >= 4) throw stale(row);
  }
}

const stale = (row: PersonRow) =>
  new AppError('conflict.stale', 409, 'Someone changed this person meanwhile: reload and try again.', [
    {
      path: 'body.baseRevision',
      message: `the person is now at revision ${String(row.revision)}`,
      code: 'conflict.stale',
    },
  ]);

/** One try: the changed columns only, written if the row is still as read; null if it was not. */
async function applyPersonChange(
  ctx: RequestContext,
  caller: Caller,
  row: PersonRow,
  input: Omit<UpdatePersonInput, 'baseRevision'>,
): Promise<PersonRow | null> {
  const sent = Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined);
  const refused = firstForbiddenField(
    sent,
    writableFields(caller.role, { isSelf: row.id === caller.personId }),
  );
  if (refused)
    throw new AppError('auth.forbidden', 403, `You may not change ${refused}.`, [
      { path: `body.${refused}`, message: 'you may not change this field' },
    ]);
  const before = contentColumns({
    displayName: row.display_name,
    legalName: row.legal_name,
    languages: JSON.parse(row.languages),
    contactChannels: JSON.parse(row.contact_channels),
    accessNeeds: JSON.parse(row.access_needs),
    notes: row.notes,
  });
  const after = contentColumns({
    displayName: input.displayName ?? row.display_name,
    legalName: input.legalName === undefined ? row.legal_name : input.legalName,
    languages: input.languages ?? JSON.parse(row.languages),
    contactChannels: input.contactChannels ?? JSON.parse(row.contact_channels),
    accessNeeds: input.accessNeeds ?? JSON.parse(row.access_needs),
    notes: input.notes ?? row.notes,
  });
  const changedColumns = (Object.keys(after) as (keyof typeof after)[]).filter((c) => before[c] !== after[c]);
  const changed = sent.filter((field) => {
    const column = columnOf[field];
    return column !== undefined && before[column] !== after[column];
  });
  await checkEntryHelp(ctx, caller, row, input);
  if (changed.length === 0) {
    ctx.unchanged();
    return row;
  }
  const changes = {
    ...Object.fromEntries(changedColumns.map((c) => [c, after[c]])),
    updated_by_account_id: ctx.actor?.accountId ?? null,
    ...(await changeStamp(ctx)),
  };
  if (
    !(await compareAndSet(
      ctx.db,
      'people',
      { workspaceId: caller.workspaceId, id: row.id },
      row.revision,
      changes,
    ))
  ) {
    return null;
  }
  ctx.audit({ action: 'person.update', entityType: 'person', entityId: row.id, fields: changed });
  return { ...row, ...changes } as PersonRow;
}

/**
 * Saying that someone with an account asked staff to enter things for them lets staff write in
 * their name (x-on-behalf-of), so only they or a coordinator may say it; anyone may take it back.
 */
async function checkEntryHelp(
  ctx: RequestContext,
  caller: Caller,
  row: PersonRow,
  input: Omit<UpdatePersonInput, 'baseRevision'>,
) {
  const asked = input.accessNeeds?.entryHelp === true;
  const before = (JSON.parse(row.access_needs) as Partial<AccessNeeds>).entryHelp === true;
  if (!asked || before || row.id === caller.personId || abilitiesFor(caller.role).manageWorkspace) return;
  if (!(await hasLiveMembership(ctx.db, caller.workspaceId, row.id))) return;
  throw new AppError(
    'auth.forbidden',
    403,
    'Only the person themselves or a coordinator can record that they asked for help with entries.',
    [
      {
        path: 'body.accessNeeds.entryHelp',
        message: 'the person or a coordinator records this',
        code: 'entry_help.not_yours',
      },
    ],
  );
}

const columnOf: Record<string, keyof ReturnType<typeof contentColumns>> = {
  displayName: 'display_name',
  legalName: 'legal_name',
  languages: 'languages',
  contactChannels: 'contact_channels',
  accessNeeds: 'access_needs',
  notes: 'notes',
};

/** A tombstone with a new revision, so phones learn of the removal; members' records stay. */
export async function deletePerson(ctx: RequestContext, caller: Caller, personId: string) {
  const row = await readablePerson(ctx, caller, personId);
  if (!canDeletePerson(caller.role, { isSelf: row.id === caller.personId }))
    throw forbidden('Your role cannot remove people from the register.');
  if (await hasLiveMembership(ctx.db, caller.workspaceId, personId)) {
    throw new AppError(
      'conflict.person_is_member',
      409,
      'This person is a member of the workspace: remove the membership first.',
    );
  }
  await updatePersonRow(ctx.db, caller.workspaceId, personId, {
    ...(await tombstoneStamp(ctx)),
    updated_by_account_id: ctx.actor?.accountId ?? null,
  });
  ctx.audit({ action: 'person.delete', entityType: 'person', entityId: personId, fields: ['deletedAt'] });
}
