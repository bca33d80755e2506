import { eager, type FunctionImpl } from '../context.ts';
import { ExpressionError } from '../errors.ts';
import { toNumber, toStringValue, type Value } from '../values.ts';

const str = (values: Value[], i: number): string => toStringValue(values[i] ?? '');

/** Converts a JavaRosa integer argument (NaN counts as 0, fractions are truncated). */
function toIndex(value: Value | undefined): number {
  const n = toNumber(value ?? '');
  return Number.isNaN(n) ? 0 : Math.trunc(n);
}

const regexCache = new Map<string, RegExp>();

function compileRegex(pattern: string, position: number): RegExp {
  let regex = regexCache.get(pattern);
  if (regex) return regex;
  const whole = `^(?:${pattern})$`;
  try {
    regex = new RegExp(whole, 'u');
  } catch {
    try {
      regex = new RegExp(whole);
    } catch {
      throw new ExpressionError('expr.invalid_regex', `invalid regular expression '${pattern}'`, position);
    }
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(pattern, regex);
  return regex;
}

/** Without an argument these functions read the current node (`.`). */
function argOrCurrent(values: Value[], scope: Parameters<FunctionImpl>[1]): string {
  if (values.length > 0) return str(values, 0);
  return toStringValue(scope.ctx.currentValue?.() ?? '');
}

/** XPath 1.0 substring(): 1-based, with rounding, and NaN rules from the spec. */
function xpathSubstring(text: string, startArg: number, lengthArg?: number): string {
  const start = Math.round(startArg);
  const end = lengthArg === undefined ? Number.POSITIVE_INFINITY : start + Math.round(lengthArg);
  let out = '';
  const chars = Array.from(text);
  for (let p = 1; p <= chars.length; p++) {
    if (p >= start && p < end) out += chars[p - 1];
  }
  return out;
}

export const STRING_FUNCTIONS: Record<string, FunctionImpl> = {
  concat: eager((values) =>
    values
      .map((v) => (Array.isArray(v) ? v.map((item) => toStringValue(item)).join('') : toStringValue(v)))
      .join(''),
  ),
  // JavaRosa: the first argument unless it is blank or NaN (then the second is evaluated).
  coalesce: (args, scope) => {
    const first = scope.evaluate(args[0]!);
    const blank = typeof first === 'number' ? Number.isNaN(first) : toStringValue(first) === '';
    return blank ? scope.evaluate(args[1]!) : first;
  },
  // Like Java's Pattern.matches(), which JavaRosa uses: the whole value must match.
  regex: eager((values, scope) => compileRegex(str(values, 1), scope.call.start).test(str(values, 0))),
  contains: eager((values) => str(values, 0).includes(str(values, 1))),
  'starts-with': eager((values) => str(values, 0).startsWith(str(values, 1))),
  'ends-with': eager((values) => str(values, 0).endsWith(str(values, 1))),
  // JavaRosa substr(): 0-based start, exclusive end, negative positions count from the end, clamped.
  substr: eager((values) => {
    const text = str(values, 0);
    const clamp = (n: number): number => Math.min(Math.max(0, n < 0 ? text.length + n : n), text.length);
    const start = clamp(toIndex(values[1]));
    const end = values.length > 2 ? clamp(toIndex(values[2])) : text.length;
    return start <= end ? text.slice(start, end) : '';
  }),
  substring: eager((values) =>
    xpathSubstring(
      str(values, 0),
      toNumber(values[1]!),
      values.length > 2 ? toNumber(values[2]!) : undefined,
    ),
  ),
  'substring-before': eager((values) => {
    const text = str(values, 0);
    const at = text.indexOf(str(values, 1));
    return at < 0 ? '' : text.slice(0, at);
  }),
  'substring-after': eager((values) => {
    const text = str(values, 0);
    const needle = str(values, 1);
    const at = text.indexOf(needle);
    return at < 0 ? '' : text.slice(at + needle.length);
  }),
  'string-length': eager((values, scope) => Array.from(argOrCurrent(values, scope)).length),
  'normalize-space': eager((values, scope) =>
    argOrCurrent(values, scope)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim(),
  ),
  translate: eager((values) => {
    const from = Array.from(str(values, 1));
    const to = Array.from(str(values, 2));
    return Array.from(str(values, 0))
      .map((ch) => {
        const at = from.indexOf(ch);
        if (at < 0) return ch;
        return to[at] ?? '';
      })
      .join('');
  }),
  string: eager((values, scope) => argOrCurrent(values, scope)),
};
