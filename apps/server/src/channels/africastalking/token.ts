// Africa's Talking does not sign its callbacks, so each channel's callback URLs end in an
// unguessable token (≥ 128 bits) that `verify` compares in constant time.
import { checkPathToken } from '../signatures.ts';
import type { RawRequest, RawResponse, Verification } from '../types.ts';

export interface AfricasTalkingAccount {
  channelId: string;
  username: string;
  apiKey: string;
  /** The last path segment of this channel's callback URLs. */
  pathToken: string;
  /** Defaults to https://api.africastalking.com (sandbox: https://api.sandbox.africastalking.com). */
  apiBaseUrl?: string;
}

export function verifyPathToken(request: RawRequest, token: string): Verification {
  if (token.length < 16) return { ok: false, reason: 'not_configured' };
  const checked = checkPathToken(request.url, token);
  return checked === 'ok' ? { ok: true } : { ok: false, reason: checked };
}

export const forbidden: RawResponse = {
  status: 403,
  headers: { 'content-type': 'text/plain' },
  body: 'Forbidden',
};

/** AT writes dates as `2017-05-03T06:04:45Z` or `2017-05-03 06:04:45` (UTC). */
export function atDate(value: string | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
}
