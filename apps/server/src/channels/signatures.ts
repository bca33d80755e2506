// Comparisons and HMACs shared by the adapters' `verify`. Every secret comparison is constant-time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time string equality: both sides are hashed first so their lengths never leak. */
export function safeEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function hmac(
  algorithm: 'sha1' | 'sha256',
  key: string,
  data: string | Buffer,
  encoding: 'hex' | 'base64',
): string {
  return createHmac(algorithm, key).update(data).digest(encoding);
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The request path without its query. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * For providers that do not sign (Africa's Talking): the webhook URL ends in an unguessable
 * per-channel token, e.g. `/hooks/at/<channel>/<token>`; it is compared in constant time.
 */
export function checkPathToken(url: string, token: string): 'ok' | 'missing_token' | 'bad_token' {
  const segments = pathOf(url).split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last) return 'missing_token';
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    return 'bad_token';
  }
  return safeEqual(decoded, token) ? 'ok' : 'bad_token';
}
