import { eager, type FunctionImpl } from '../context.ts';
import { toBoolean, toNumber, toStringValue, type Value } from '../values.ts';

const num = (values: Value[], i: number): number => toNumber(values[i] ?? '');

function math(fn: (x: number) => number): FunctionImpl {
  return eager((values) => fn(num(values, 0)));
}

/**
 * JavaRosa rounds half away from zero (BigDecimal HALF_UP), also with a digits argument.
 * Shifting through the decimal exponent avoids binary artefacts such as round(1.005, 2) = 1.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  if (!Number.isFinite(value) || Number.isNaN(digits)) return Number.isNaN(digits) ? Number.NaN : value;
  const places = Math.trunc(digits);
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  const text = String(abs);
  let rounded: number;
  if (text.includes('e') || Math.abs(places) > 100) {
    const factor = 10 ** places;
    rounded = Math.round(abs * factor) / factor;
  } else {
    rounded = Number(`${Math.round(Number(`${text}e${places}`))}e${-places}`);
  }
  return sign * rounded || 0;
}

export const NUMBER_FUNCTIONS: Record<string, FunctionImpl> = {
  number: eager((values, scope) =>
    values.length > 0 ? num(values, 0) : toNumber(toStringValue(scope.ctx.currentValue?.() ?? '')),
  ),
  int: math((x) => (Number.isFinite(x) ? Math.trunc(x) || 0 : x)),
  round: eager((values) => roundHalfAwayFromZero(num(values, 0), values.length > 1 ? num(values, 1) : 0)),
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
