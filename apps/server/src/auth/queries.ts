import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { emailKey, phoneKey, usernameKey } from './login-keys.ts';

export async function findLiveSession(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'accounts.id as account_id',
      'accounts.display_name',
      'accounts.is_admin',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function findLiveApiToken(db: Db, secretHash: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.workspace_id',
      'api_tokens.role',
      'api_tokens.last_used_at',
      'accounts.id as account_id',
      'accounts.display_name',
      'accounts.is_admin',
    ])
    .where('api_tokens.secret_hash', '=', secretHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, tokenId: string, now: string) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

export async function findThrottles(db: Db, keys: string[]) {
  if (keys.length === 0) return [];
  return db.selectFrom('sign_in_throttles').selectAll().where('key', 'in', keys).execute();
}

/**
 * Counts one failure in one statement, so concurrent failures are never lost (the upsert also
 * locks the row on PostgreSQL until the small transaction ends). A count older than `forgetBefore` restarts.
 */
/**
 * Takes one try for a throttle key, atomically: the upsert counts the attempt (as a failure, until
 * a success gives it back) only if the key is not blocked, and a count past `free` marks the key
 * blocked (`pending`, far ahead) in the same statement, so concurrent guesses after it are refused
 * before anyone hashes. Returns the new count, or null when the key is blocked.
 */
export async function takeThrottleTry(
  db: Db,
  key: string,
  now: string,
  forgetBefore: string,
  free: number,
  pending: string,
): Promise<number | null> {
  const counted = sql<number>`case when sign_in_throttles.last_failure_at < ${forgetBefore} then 1 else sign_in_throttles.failures + 1 end`;
  const row = await db
    .insertInto('sign_in_throttles')
    .values({ key, failures: 1, last_failure_at: now, blocked_until: free < 1 ? pending : null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: counted,
          last_failure_at: now,
          blocked_until: sql<string | null>`case when ${counted} > ${free} then ${pending} else null end`,
        })
        .where((eb) =>
          eb.or([
            eb('sign_in_throttles.last_failure_at', '<', forgetBefore),
            eb('sign_in_throttles.blocked_until', 'is', null),
            eb('sign_in_throttles.blocked_until', '<=', now),
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : null;
}

/** Sets the real wait once the try that crossed the limit is counted (only if nobody counted since). */
export async function settleThrottleBlock(db: Db, key: string, failures: number, until: string) {
  await db
    .updateTable('sign_in_throttles')
    .set({ blocked_until: until })
    .where('key', '=', key)
    .where('failures', '=', failures)
    .execute();
}

/** Gives a try back (a success, or a try refused by another key): the count goes down by one. */
export async function returnThrottleTry(db: Db, key: string, free: number) {
  await db
    .updateTable('sign_in_throttles')
    .set({
      failures: sql<number>`failures - 1`,
      blocked_until: sql<string | null>`case when failures - 1 > ${free} then blocked_until else null end`,
    })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function deleteThrottle(db: Db, key: string) {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

const accountColumns = [
  'id',
  'username',
  'email',
  'phone',
  'display_name',
  'locale',
  'is_admin',
  'created_at',
  'password_hash',
  'disabled_at',
] as const;

export type AccountRow = Awaited<ReturnType<typeof findAccountById>> & {};

export async function findAccountById(db: Db, accountId: string) {
  return db.selectFrom('accounts').select(accountColumns).where('id', '=', accountId).executeTakeFirst();
}

/** Every account one typed login could name (email, username or phone key). */
export async function findAccountsByLogin(
  db: Db,
  keys: { email: string | null; username: string; phone: string | null },
) {
  return db
    .selectFrom('accounts')
    .select([...accountColumns, 'email_key', 'username_key', 'phone_key'])
    .where((eb) =>
      eb.or([
        eb('username_key', '=', keys.username),
        ...(keys.email ? [eb('email_key', '=', keys.email)] : []),
        ...(keys.phone ? [eb('phone_key', '=', keys.phone)] : []),
      ]),
    )
    .where('disabled_at', 'is', null)
    .execute();
}

/** The login keys of accounts that already use this username or email (any case, as sign-in folds them). */
export async function findLoginsTaken(db: Db, login: { username: string; email: string | null }) {
  return db
    .selectFrom('accounts')
    .select(['username_key', 'email_key'])
    .where((eb) =>
      eb.or([
        eb('username_key', '=', usernameKey(login.username)),
        ...(login.email ? [eb('email_key', '=', emailKey(login.email))] : []),
      ]),
    )
    .execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(
  db: Db,
  row: {
    id: string;
    username: string | null;
    email: string | null;
    phone: string | null;
    display_name: string;
    locale: string;
    password_hash: string;
    is_admin: number;
    now: string;
  },
) {
  const { now, ...rest } = row;
  await db
    .insertInto('accounts')
    .values({
      ...rest,
      username_key: row.username === null ? null : usernameKey(row.username),
      email_key: row.email === null ? null : emailKey(row.email),
      phone_key: row.phone === null ? null : phoneKey(row.phone),
      created_at: now,
      updated_at: now,
      password_changed_at: now,
    })
    .execute();
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    token_hash: string;
    account_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    user_agent: string | null;
    address: string | null;
  },
) {
  await db
    .insertInto('sessions')
    .values({ ...row, revoked_at: null })
    .execute();
}

export async function revokeSessionByHash(db: Db, tokenHash: string, now: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes the account's live sessions, except one (the caller's own) when given. */
export async function revokeAccountSessions(db: Db, accountId: string, now: string, except: string | null) {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes every live API token of the account (all workspaces); returns how many. */
export async function revokeAccountTokens(db: Db, accountId: string, now: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setPasswordHash(db: Db, accountId: string, passwordHash: string, now: string) {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

/** Two first-run setups racing on PostgreSQL would both see no account: serialise them. */
export async function lockSetup(db: Db, kind: 'sqlite' | 'postgres') {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(7226171)`.execute(db);
}

/** Revokes one live session of the account; 0 when it is not theirs or already ended. */
export async function revokeSession(db: Db, accountId: string, sessionId: string, now: string) {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
