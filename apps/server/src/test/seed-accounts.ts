// Rows for tests that need accounts in several roles before the invite flow is involved:
// written straight to the tables, so a test of one domain does not lean on another's routes.
import type { Role } from '@coproduce/contract';
import { hashPassword } from '../auth/passwords.ts';
import { insertAccount } from '../auth/queries.ts';
import type { Db } from '../db/connect.ts';
import { newId } from '../ids.ts';

export const seededPassword = 'a long enough password';
let seededHash: Promise<string> | null = null;

export async function seedAccount(db: Db, username: string, options: { isAdmin?: boolean } = {}) {
  seededHash ??= hashPassword(seededPassword);
  const id = newId();
  await insertAccount(db, {
    id,
    username,
    email: null,
    phone: null,
    display_name: username,
    locale: 'en',
    password_hash: await seededHash,
    is_admin: options.isAdmin ? 1 : 0,
    now: new Date().toISOString(),
  });
  return id;
}

export async function seedWorkspace(db: Db, name = 'Shelter Network') {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('workspaces')
    .values({
      id,
      name,
      default_locale: 'en',
      time_zone: 'UTC',
      created_at: now,
      updated_at: now,
      revision: 1,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function seedMembership(db: Db, workspaceId: string, accountId: string, role: Role) {
  const now = new Date().toISOString();
  const personId = newId();
  const base = { workspace_id: workspaceId, created_at: now, updated_at: now, revision: 1, deleted_at: null };
  await db
    .insertInto('people')
    .values({
      ...base,
      id: personId,
      display_name: role,
      display_name_key: role,
      legal_name: null,
      legal_name_key: null,
      languages: '[]',
      contact_channels: '[]',
      access_needs: '{}',
      notes: '',
      account_id: accountId,
      created_by_account_id: null,
      updated_by_account_id: null,
    })
    .execute();
  const id = newId();
  await db
    .insertInto('memberships')
    .values({ ...base, id, account_id: accountId, person_id: personId, role })
    .execute();
  return { membershipId: id, personId };
}
