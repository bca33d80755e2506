/** Versioned records (issue #8): which table holds each kind, and what happens to a change. Pure. */
export type RecordKind =
  | 'settlement'
  | 'section'
  | 'structure'
  | 'facility'
  | 'round'
  | 'household'
  | 'household_member'
  | 'consent';

export const recordTables = {
  settlement: 'settlements',
  section: 'sections',
  structure: 'structures',
  facility: 'facilities',
  round: 'rounds',
  household: 'households',
  household_member: 'household_members',
  // A consent's versions are kept like any record's; its row has no version columns (it is
  // given once and can only be withdrawn), so changeRecord is never used on it.
  consent: 'consents',
} as const satisfies Record<RecordKind, string>;

/**
 * A change names the version it was made on. On the current version it applies; on an older one
 * (two phones changed the record offline from the same version) it is kept beside the current
 * content and the record is flagged for a coordinator: nothing is overwritten silently. A change
 * that sets what the record already holds changes nothing.
 */
export function changeOutcome(
  currentVersionId: string,
  baseVersionId: string,
  changedFields: readonly string[],
): 'applied' | 'conflict' | 'unchanged' {
  if (changedFields.length === 0) return 'unchanged';
  return baseVersionId === currentVersionId ? 'applied' : 'conflict';
}

/** The fields whose values differ between two contents (JSON equality, order of keys ignored). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => stable(before[key]) !== stable(after[key])).sort();
}

function stable(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
}
