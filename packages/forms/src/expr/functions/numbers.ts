import { eager, type FunctionImpl } from '../context.ts';
import { toBoolean, toNumber, toStringValue, type Value } from '../values.ts';

const num = (values: Value[], i: number): number => toNumber(values[i] ?? '');

function math(fn: (x: number) => number): FunctionImpl {
  return eager((values) => fn(num(values, 0)));
}

/** Exact decimal shift of a number's shortest text (like BigDecimal.scaleByPowerOfTen), not x * 10^n. */
function shiftDecimal(value: number, places: number): number {
  const text = String(value);
  return text.includes('e') ? value * 10 ** places : Number(`${text}e${places}`);
}

/**
 * JavaRosa's round(x, digits): ties go up for positive numbers and toward zero for negative ones
 * (so round(2.5) = 3 and round(-2.5) = -2, as in XPath); the shift is decimal, so round(1.005, 2) = 1.01.
 * Negative digits round to tens, hundreds… ; more than 30 digits either way gives NaN.
 */
export function roundLikeJavaRosa(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const places = Math.trunc(digits);
  if (Number.isNaN(places) || Math.abs(places) > 30) return Number.NaN;
  if (places < 0) return shiftDecimal(Math.trunc(shiftDecimal(value, places) + 0.5), -places);
  const shifted = shiftDecimal(Math.abs(value), places);
  const floor = Math.floor(shifted);
  const tie = shifted - floor === 0.5;
  const rounded = value < 0 && tie ? floor : Math.round(shifted);
  return (value < 0 ? -1 : 1) * shiftDecimal(rounded, -places) || 0;
}

export const NUMBER_FUNCTIONS: Record<string, FunctionImpl> = {
  number: eager((values, scope) =>
    values.length > 0 ? num(values, 0) : toNumber(toStringValue(scope.ctx.currentValue?.() ?? '')),
  ),
  int: math((x) => (Number.isFinite(x) ? Math.trunc(x) || 0 : x)),
  round: eager((values) => roundLikeJavaRosa(num(values, 0), values.length > 1 ? num(values, 1) : 0)),
  floor: math(Math.floor),
  ceiling: math(Math.ceil),
  boolean: eager((values) => toBoolean(values[0]!)),
  not: eager((values) => !toBoolean(values[0]!)),
  true: () => true,
  false: () => false,
  pow: eager((values) => num(values, 0) ** num(values, 1)),
  abs: math(Math.abs),
  sqrt: math(Math.sqrt),
  exp: math(Math.exp),
  log: math(Math.log),
  sin: math(Math.sin),
  cos: math(Math.cos),
  tan: math(Math.tan),
  asin: math(Math.asin),
  acos: math(Math.acos),
  atan: math(Math.atan),
  pi: () => Math.PI,
};
