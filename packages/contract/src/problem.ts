import { z } from 'zod';

/** Where an error is: a field path for JSON bodies, or sheet/row/column for imported files. */
export const ProblemLocationSchema = z.object({
  path: z.string().optional().describe('JSON path of the field at fault, e.g. "contactChannels.0.address"'),
  sheet: z.string().optional(),
  row: z.number().int().optional().describe('1-based, as a spreadsheet shows it'),
  column: z.string().optional().describe('the header text of the column'),
  message: z.string().describe("in English; screens show `code` with `params` in the reader's language"),
  code: z
    .string()
    .optional()
    .describe('stable code of this error, e.g. "too_small" or "form.xlsform.unknown_type"'),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe(
      'what the code needs to be worded, never the sent value: for zod codes minimum, maximum, origin (string, number, array), expected, format',
    ),
});
export type ProblemLocation = z.infer<typeof ProblemLocationSchema>;

/** RFC 9457 problem details, always sent as application/problem+json with a stable `code`. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable machine-readable code, e.g. "auth.invalid_credentials"'),
  detail: z.string().optional(),
  errors: z.array(ProblemLocationSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Codes the client may branch on; the server never changes their meaning. */
export const problemCodes = [
  'request.invalid',
  'request.too_large',
  'request.too_long',
  'request.unsupported_media_type',
  'auth.required',
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.csrf',
  'auth.forbidden',
  'auth.wrong_password',
  'auth.on_behalf_refused',
  'setup.already_done',
  'not_found',
  'conflict.id_reused',
  'conflict.stale',
  'conflict.username_taken',
  'conflict.email_taken',
  'conflict.phone_taken',
  'conflict.already_member',
  'conflict.last_coordinator',
  'conflict.person_is_member',
  'invite.not_found',
  'invite.expired',
  'invite.used',
  'invite.revoked',
  'invite.not_code',
  'round.not_enumerating',
  'round.wrong_step',
  'round.reason_needed',
  'consent.none',
  'rate_limited',
  'internal',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/**
 * The parameters a screen needs to word a validation issue in the reader's language (minimum,
 * maximum, origin, expected type, format). Only these: the sent value itself is never echoed.
 */
const issueParamNames = ['minimum', 'maximum', 'origin', 'expected', 'format'] as const;
export function issueParams(raw: unknown): { params?: Record<string, string | number> } {
  if (!raw || typeof raw !== 'object') return {};
  const params: Record<string, string | number> = {};
  for (const name of issueParamNames) {
    const value = (raw as Record<string, unknown>)[name];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  }
  return Object.keys(params).length ? { params } : {};
}
