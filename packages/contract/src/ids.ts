import { z } from 'zod';

/** Rows are identified by UUIDs (v7 when we make them); phones may supply their own. */
export const IdSchema = z.uuid();
export const TimestampSchema = z.iso.datetime({ offset: true });
/** A revision from the one monotonic counter: a decimal string so it survives JSON beyond 2^53. */
export const RevisionSchema = z.string().regex(/^\d+$/);
