import { createHmac, timingSafeEqual } from 'node:crypto';

export const sessionCookieName = 'coproduce_session';
export const csrfHeaderName = 'x-csrf-token';

/** The CSRF token is derived from the session, so it needs no storage and dies with the session. */
export function csrfTokenFor(secret: string, sessionTokenHash: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionTokenHash}`).digest('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Bearer tokens carry a prefix so a leaked one is recognisable in logs and secret scanners. */
export const apiTokenPrefix = 'cpt_';
