import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered UUIDv7 ids: index-friendly, and phones can make them offline too. */
export const newId = (): string => v7();

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An unguessable secret for sessions and tokens (256 bits, URL-safe). */
export const newSecret = (): string => randomBytes(32).toString('base64url');
