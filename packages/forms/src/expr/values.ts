import { dateStringToDays, parseIsoToWallMs } from './dates.ts';

/** A node-set (repeat values) is an array of the nodes' string values, in document order. */
export type Value = string | number | boolean | Value[];

/** XPath string(number): integers without '.0', no exponent notation, NaN/Infinity spelled out. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(n, -0)) return '0';
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return expandExponent(text);
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', expText] = match;
  const digits = `${lead}${fraction}`;
  const exponent = Number(expText);
  const point = 1 + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function toStringValue(value: Value): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // XPath: a node-set's string value is that of its first node.
  return value.length === 0 ? '' : toStringValue(value[0]!);
}

const XPATH_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * number() of text as JavaRosa does it: trimmed, a comma counts as a decimal point (some locales
 * type one), no exponents, '' and anything else is NaN. Date and dateTime strings become whole days
 * since 1970-01-01 (JavaRosa's number of a date value), so `${dob} + 1` and `today() - ${dob}` work.
 */
export function stringToNumber(text: string): number {
  const trimmed = text.trim();
  const decimal = trimmed.replaceAll(',', '.');
  if (XPATH_NUMBER.test(decimal)) return Number(decimal);
  return Math.floor(dateStringToDays(trimmed));
}

export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return stringToNumber(toStringValue(value));
}

export function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  // JavaRosa treats rounding noise (|n| <= 1e-12) as zero.
  if (typeof value === 'number') return Math.abs(value) > 1e-12;
  if (typeof value === 'string') return value.length > 0;
  return value.length > 0;
}

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

function compareNumbers(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function compareAtoms(op: Comparison, a: Value, b: Value): boolean {
  if (op === '=' || op === '!=') {
    if (typeof a === 'boolean' || typeof b === 'boolean') {
      const equal = toBoolean(a) === toBoolean(b);
      return op === '=' ? equal : !equal;
    }
    if (typeof a === 'number' || typeof b === 'number') return compareNumbers(op, toNumber(a), toNumber(b));
    const equal = toStringValue(a) === toStringValue(b);
    return op === '=' ? equal : !equal;
  }
  // Two dates or dateTimes compare to the millisecond, not by the whole days arithmetic uses.
  if (typeof a === 'string' && typeof b === 'string') {
    const at = parseIsoToWallMs(a.trim());
    const bt = parseIsoToWallMs(b.trim());
    if (!Number.isNaN(at) && !Number.isNaN(bt)) return compareNumbers(op, at, bt);
  }
  return compareNumbers(op, toNumber(a), toNumber(b));
}

/** XPath 1.0 §3.4 comparisons, including the existential rule for node-sets. */
export function compareValues(op: Comparison, a: Value, b: Value): boolean {
  const aSet = Array.isArray(a);
  const bSet = Array.isArray(b);
  if (aSet && bSet) return a.some((x) => b.some((y) => compareAtoms(op, toStringValue(x), toStringValue(y))));
  if (aSet) {
    if (typeof b === 'boolean') return compareAtoms(op, toBoolean(a), b);
    return a.some((x) => compareAtoms(op, toStringValue(x), b));
  }
  if (bSet) {
    if (typeof a === 'boolean') return compareAtoms(op, a, toBoolean(b));
    return b.some((y) => compareAtoms(op, a, toStringValue(y)));
  }
  return compareAtoms(op, a, b);
}
