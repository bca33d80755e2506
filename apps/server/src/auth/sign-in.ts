import type { ServerDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { loginKeys, throttleKeyForLogin } from './login-keys.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type AccountRow, findAccountById, findAccountsByLogin } from './queries.ts';
import {
  addressRule,
  addressThrottleKey,
  clearFailures,
  giveBack,
  loginRule,
  takeTries,
} from './throttle.ts';

export const invalidCredentials = () =>
  new AppError('auth.invalid_credentials', 401, 'The login or the password is not right.');

/**
 * Checks a login and password before any transaction opens (argon2 is slow and must hold no lock).
 * Unknown logins are verified against a dummy hash and throttled under the same key as real ones,
 * so neither the answer, the time taken nor the back-off tells whether an account exists.
 */
export async function checkCredentials(
  deps: ServerDeps,
  login: string,
  password: string,
  address: string,
): Promise<{ account: AccountRow; loginThrottleKey: string }> {
  const now = deps.clock.now().toISOString();
  const loginThrottleKey = throttleKeyForLogin(login);
  const addressKey = addressThrottleKey(address);
  await takeTries(
    deps.db,
    [
      { key: loginThrottleKey, rule: loginRule },
      { key: addressKey, rule: addressRule },
    ],
    now,
  );
  const keys = loginKeys(login);
  const candidates = await findAccountsByLogin(deps.db, keys);
  // One typed login could match an email, a username and a phone of different accounts: email wins, then username.
  const account =
    candidates.find((row) => keys.email !== null && row.email_key === keys.email) ??
    candidates.find((row) => row.username_key === keys.username) ??
    candidates.find((row) => keys.phone !== null && row.phone_key === keys.phone) ??
    null;
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  // The tries taken above already count this as a failure; a success gives the address's back.
  if (!ok || !account) throw invalidCredentials();
  await giveBack(deps.db, { key: addressKey, rule: addressRule });
  return { account, loginThrottleKey };
}

/**
 * Checks the current password and hashes the new one, before the transaction opens. Wrong guesses
 * are throttled per account: a stolen session must not be a free password-guessing oracle.
 */
export async function checkPasswordChange(
  deps: ServerDeps,
  accountId: string,
  currentPassword: string,
  newPassword: string,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const key = `password:${accountId}`;
  await takeTries(deps.db, [{ key, rule: loginRule }], now);
  const account = await findAccountById(deps.db, accountId);
  if (!(await verifyPassword(account?.password_hash ?? null, currentPassword))) {
    throw new AppError('auth.wrong_password', 400, 'The current password is not right.', [
      { path: 'body.currentPassword', message: 'not right', code: 'password.wrong' },
    ]);
  }
  await clearFailures(deps.db, key);
  return hashPassword(newPassword);
}
