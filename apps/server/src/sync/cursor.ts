import { AppError } from '../errors.ts';

/**
 * Cursors are opaque to clients: base64url JSON of the values a page ended on. One encoder and one
 * checker for every listing, so a forged or foreign cursor is always the same located 400.
 */
export const encodeCursor = (values: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

export const badCursor = (param = 'cursor') =>
  new AppError('request.invalid', 400, `${param}: not a cursor from an earlier page`, [
    { path: `query.${param}`, message: 'not a cursor from an earlier page', code: 'cursor.invalid' },
  ]);

/** Decodes a cursor made by encodeCursor with values of the given kinds, or throws badCursor. */
export function decodeCursor<const K extends readonly ('string' | 'number')[]>(
  text: string,
  kinds: K,
  param = 'cursor',
): { [I in keyof K]: K[I] extends 'number' ? number : string } {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === kinds.length &&
      value.every((v, i) => typeof v === kinds[i])
    ) {
      return value as never;
    }
  } catch {}
  throw badCursor(param);
}

/**
 * A sync position: the revision and id of the last row a client has. Written `<revision>` (every
 * row of that revision seen) or `<revision>.<id>` (a page that ended inside a revision, as a batch
 * of 50 submissions shares one). 18 digits at most: revisions are PostgreSQL bigints.
 */
export interface SyncPosition {
  revision: string;
  id: string | null;
}

const positionPattern = /^(\d{1,18})(?:\.([0-9a-f-]{36}))?$/i;

export function parsePosition(text: string, param = 'since'): SyncPosition {
  const match = positionPattern.exec(text);
  if (!match?.[1]) throw badCursor(param);
  return { revision: match[1], id: match[2]?.toLowerCase() ?? null };
}

export const formatPosition = (position: SyncPosition): string =>
  position.id ? `${position.revision}.${position.id}` : position.revision;
