import { wallMsToDateString } from '../expr/dates.ts';
import { toNumber, toStringValue, type Value } from '../expr/index.ts';

/**
 * Stores a computed value the way the field's type holds it, as JavaRosa wraps calculate results:
 * numbers into date fields become dates, integers are truncated, NaN in numeric fields is blank.
 */
export function coerceToType(type: string, value: Value): string {
  const t = type.trim().toLowerCase();
  if (Array.isArray(value)) return value.map((v) => toStringValue(v)).join(' ');
  if (t === 'date' && typeof value === 'number') {
    return Number.isFinite(value) ? wallMsToDateString(Math.floor(value) * 86_400_000) : '';
  }
  if (t === 'integer' || t === 'decimal') {
    const n = toNumber(value);
    if (!Number.isFinite(n)) return typeof value === 'string' ? value : '';
    return toStringValue(t === 'integer' ? Math.trunc(n) || 0 : n);
  }
  return toStringValue(value);
}
