import type { AuditSubject } from '@coproduce/contract';
import type { Db } from '../db/connect.ts';

interface Entry {
  entity_type: string;
  entity_id: string | null;
}

const empty: AuditSubject = { name: null, form: null, owner: null };

/** The entity ids of one type on a page of entries. */
const idsOf = (entries: Entry[], type: string) => [
  ...new Set(entries.filter((e) => e.entity_type === type && e.entity_id).map((e) => e.entity_id as string)),
];

/**
 * What each entry is about, in today's names: the person, form, thread author, token or team.
 * Entries store ids only (erasure keeps the chain), so names are looked up when the log is read,
 * a few queries per page, one per kind of entity on it. An erased or unknown entity has no name.
 */
export async function subjectsOf(db: Db, workspaceId: string, entries: Entry[]) {
  const found = new Map<string, AuditSubject>();
  const put = (type: string, id: string, subject: Partial<AuditSubject>) =>
    found.set(`${type}:${id}`, { ...empty, ...subject });
  const byType = (type: string) => idsOf(entries, type);
  const live = { workspace: workspaceId };

  const people = byType('person');
  if (people.length) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('workspace_id', '=', live.workspace)
      .where('id', 'in', people)
      .execute();
    for (const row of rows) put('person', row.id, { name: row.display_name });
  }
  for (const [type, table] of [
    ['invite', 'invites'],
    ['membership', 'memberships'],
  ] as const) {
    const ids = byType(type);
    if (!ids.length) continue;
    const rows = await db
      .selectFrom(table)
      .innerJoin('people', (join) =>
        join
          .onRef('people.workspace_id', '=', `${table}.workspace_id`)
          .onRef('people.id', '=', `${table}.person_id`),
      )
      .select([`${table}.id as id`, 'people.display_name as name'])
      .where(`${table}.workspace_id`, '=', live.workspace)
      .where(`${table}.id`, 'in', ids)
      .execute();
    for (const row of rows) put(type, row.id, { name: row.name });
  }
  const forms = byType('form');
  if (forms.length) {
    const rows = await db
      .selectFrom('forms')
      .select(['id', 'title'])
      .where('workspace_id', '=', live.workspace)
      .where('id', 'in', forms)
      .execute();
    for (const row of rows) put('form', row.id, { form: row.title });
  }
  const threads = byType('form_thread');
  if (threads.length) {
    const rows = await db
      .selectFrom('form_threads')
      .innerJoin('forms', (join) =>
        join
          .onRef('forms.workspace_id', '=', 'form_threads.workspace_id')
          .onRef('forms.id', '=', 'form_threads.form_id'),
      )
      .leftJoin('people', (join) =>
        join
          .onRef('people.workspace_id', '=', 'form_threads.workspace_id')
          .onRef('people.id', '=', 'form_threads.author_person_id'),
      )
      .leftJoin('accounts', 'accounts.id', 'form_threads.author_account_id')
      .select([
        'form_threads.id as id',
        'forms.title as form',
        'people.display_name as person',
        'accounts.display_name as account',
      ])
      .where('form_threads.workspace_id', '=', live.workspace)
      .where('form_threads.id', 'in', threads)
      .execute();
    for (const row of rows) put('form_thread', row.id, { form: row.form, owner: row.person ?? row.account });
  }
  const attachments = byType('form_attachment');
  if (attachments.length) {
    const rows = await db
      .selectFrom('form_attachments')
      .innerJoin('forms', (join) =>
        join
          .onRef('forms.workspace_id', '=', 'form_attachments.workspace_id')
          .onRef('forms.id', '=', 'form_attachments.form_id'),
      )
      .select(['form_attachments.id as id', 'form_attachments.file_name as name', 'forms.title as form'])
      .where('form_attachments.workspace_id', '=', live.workspace)
      .where('form_attachments.id', 'in', attachments)
      .execute();
    for (const row of rows) put('form_attachment', row.id, { name: row.name, form: row.form });
  }
  const submissions = byType('submission');
  if (submissions.length) {
    const rows = await db
      .selectFrom('submissions')
      .innerJoin('forms', (join) =>
        join
          .onRef('forms.workspace_id', '=', 'submissions.workspace_id')
          .onRef('forms.id', '=', 'submissions.form_id'),
      )
      .select(['submissions.id as id', 'forms.title as form'])
      .where('submissions.workspace_id', '=', live.workspace)
      .where('submissions.id', 'in', submissions)
      .execute();
    for (const row of rows) put('submission', row.id, { form: row.form });
  }
  for (const [type, table] of [
    ['api_token', 'api_tokens'],
    ['device_access', 'device_accesses'],
    ['team', 'teams'],
    ['workspace', 'workspaces'],
  ] as const) {
    const ids = byType(type);
    if (!ids.length) continue;
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
    for (const row of rows) put(type, row.id, { name: row.name });
  }
  // Settlement records by what people call them: its name, a section's code, a painted number.
  for (const [type, table, column] of [
    ['settlement', 'settlements', 'name'],
    ['section', 'sections', 'code'],
    ['structure', 'structures', 'number'],
    ['facility', 'facilities', 'type'],
    ['round', 'rounds', 'name'],
    ['household', 'households', 'pseudo_id'],
  ] as const) {
    const ids = byType(type);
    if (!ids.length) continue;
    const rows = await db
      .selectFrom(table)
      .select(['id', `${column} as name`])
      .where('workspace_id', '=', live.workspace)
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) put(type, row.id, { name: row.name as string });
  }
  // A member or a consent by its household's code (no names are kept for households).
  for (const [type, table] of [
    ['household_member', 'household_members'],
    ['consent', 'consents'],
  ] as const) {
    const ids = byType(type);
    if (!ids.length) continue;
    const rows = await db
      .selectFrom(table)
      .innerJoin('households', (join) =>
        join
          .onRef('households.workspace_id', '=', `${table}.workspace_id`)
          .onRef('households.id', '=', `${table}.household_id`),
      )
      .select([`${table}.id as id`, 'households.pseudo_id as name'])
      .where(`${table}.workspace_id`, '=', live.workspace)
      .where(`${table}.id`, 'in', ids)
      .execute();
    for (const row of rows) put(type, row.id, { name: row.name });
  }
  return (entry: Entry): AuditSubject =>
    (entry.entity_id && found.get(`${entry.entity_type}:${entry.entity_id}`)) || empty;
}
