import type { Problem, ProblemCode, ProblemLocation } from '@coproduce/contract';

const titles: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in needed',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many attempts',
  500: 'Something went wrong on the server',
  503: 'Unavailable',
};

/** The one error type. Thrown anywhere; rendered once as application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode | (string & {}),
    readonly status: number,
    detail?: string,
    readonly errors?: ProblemLocation[],
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? titles[status] ?? code);
    this.name = 'AppError';
  }

  toProblem(): Problem {
    return {
      type: `urn:coproduce:problem:${this.code}`,
      title: titles[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const notFound = (what = 'That') => new AppError('not_found', 404, `${what} was not found.`);
export const forbidden = (detail = 'Your role does not allow this.') =>
  new AppError('auth.forbidden', 403, detail);
export const invalid = (path: string, message: string) =>
  new AppError('request.invalid', 400, `${path}: ${message}`, [{ path, message }]);

/** Unique-constraint violations that mean something to the user, by the column at fault. */
const uniqueConflicts: Array<[RegExp, ProblemCode, string, string]> = [
  [/username_key/, 'conflict.username_taken', 'username', 'That username is taken.'],
  [/email_key/, 'conflict.email_taken', 'email', 'That email address is already used by an account.'],
  [/phone_key/, 'conflict.phone_taken', 'phone', 'That phone number is already used by an account.'],
  [/memberships_account/, 'conflict.already_member', 'accountId', 'That account is already a member here.'],
];

/** Maps database constraint errors, in one place, to problems; anything else stays internal. */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: string }).code ?? '';
  const isUnique =
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!isUnique) return null;
  const text = `${error.message} ${(error as { constraint?: string }).constraint ?? ''}`;
  for (const [pattern, problem, path, message] of uniqueConflicts) {
    if (pattern.test(text)) return new AppError(problem, 409, message, [{ path, message }]);
  }
  return new AppError('conflict.id_reused', 409, 'A record with that id already exists.');
}
