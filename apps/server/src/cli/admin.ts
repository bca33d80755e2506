import { parseArgs } from 'node:util';
import { EmailSchema, PasswordSchema, UsernameSchema } from '@coproduce/contract';
import type { z } from 'zod';
import { appendAuditEntry } from '../audit/append.ts';
import { accountsChain } from '../audit/chain.ts';
import { usernameKey } from '../auth/login-keys.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findLoginsTaken, insertAccount } from '../auth/queries.ts';
import { fromDatabaseError } from '../errors.ts';
import { newId } from '../ids.ts';
import { fail, withServer } from './open.ts';
import { readSecret } from './read-secret.ts';

/** The contract's own rules, so the CLI accepts exactly what the setup screen accepts. */
function check<T>(schema: z.ZodType<T>, value: string, what: string): { value: T } | { error: string } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { value: parsed.data }
    : { error: `${what}: ${parsed.error.issues[0]?.message ?? 'not valid'}` };
}

export async function adminCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      email: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  if (!values.username) return fail('admin create needs --username');
  const checkedName = check(UsernameSchema, values.username, 'username');
  if ('error' in checkedName) return fail(checkedName.error);
  const checkedEmail = values.email === undefined ? null : check(EmailSchema, values.email, 'email');
  if (checkedEmail && 'error' in checkedEmail) return fail(checkedEmail.error);
  const typed = values.password ?? (await readSecret('Password: '));
  const checkedPassword = check(PasswordSchema, typed, 'password');
  if ('error' in checkedPassword) return fail(checkedPassword.error);
  const username = checkedName.value;
  const email = checkedEmail?.value ?? null;
  const password = checkedPassword.value;

  // Hashing is slow: do it before the transaction, as the server does.
  const passwordHash = await hashPassword(password);
  return withServer(async ({ deps }) => {
    const now = deps.clock.now().toISOString();
    const taken = await findLoginsTaken(deps.db, { username, email });
    if (taken.some((row) => row.username_key === usernameKey(username)))
      return fail(`the username "${username}" is taken`);
    if (taken.length > 0) return fail(`the email address "${email}" is already used by an account`);
    const id = newId();
    try {
      await deps.db.transaction().execute(async (trx) => {
        await insertAccount(trx, {
          id,
          username,
          email,
          phone: null,
          display_name: values['display-name']?.trim() || username,
          locale: 'en',
          password_hash: passwordHash,
          is_admin: 1,
          now,
        });
        await appendAuditEntry(trx, deps.databaseKind, deps.auditKeys.hmacKey, {
          chain: accountsChain,
          workspaceId: null,
          actorAccountId: null,
          onBehalfOfPersonId: null,
          action: 'account.created_by_cli',
          entityType: 'account',
          entityId: id,
          fields: ['username', 'displayName', 'isAdmin', ...(email ? ['email'] : [])],
          occurredAt: now,
        });
      });
    } catch (error) {
      const problem = fromDatabaseError(error);
      if (problem) return fail(problem.message);
      throw error;
    }
    process.stdout.write(
      `created administrator ${username} (${id}); sign in with that username and password\n`,
    );
    return 0;
  });
}
