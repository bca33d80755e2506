import { eager, type FunctionImpl } from '../context.ts';
import {
  daysToWallMs,
  formatWallMs,
  instantToIsoString,
  instantToWallMs,
  parseIsoToWallMs,
  wallMsToDateString,
} from '../dates.ts';
import { toNumber, toStringValue, type Value } from '../values.ts';

/** Wall-clock ms of a date argument: a number counts days, a string is ISO; '' and junk are NaN. */
function toWallMs(value: Value): number {
  if (typeof value === 'number' || typeof value === 'boolean') return daysToWallMs(toNumber(value));
  const text = toStringValue(value).trim();
  if (text === '') return Number.NaN;
  const parsed = parseIsoToWallMs(text);
  if (!Number.isNaN(parsed)) return parsed;
  return daysToWallMs(toNumber(text));
}

const clock = (scope: Parameters<FunctionImpl>[1]): Date => scope.ctx.now?.() ?? new Date();

const formatDate = eager((values) => formatWallMs(toWallMs(values[0]!), toStringValue(values[1]!)));

export const DATE_FUNCTIONS: Record<string, FunctionImpl> = {
  today: (_args, scope) => wallMsToDateString(instantToWallMs(clock(scope).getTime())),
  now: (_args, scope) => instantToIsoString(clock(scope)),
  // date() keeps only the calendar day, as JavaRosa prints date values.
  date: eager((values) => {
    const wall = toWallMs(values[0]!);
    return Number.isFinite(wall) ? wallMsToDateString(Math.floor(wall / 86_400_000) * 86_400_000) : '';
  }),
  'decimal-date-time': eager((values) => toWallMs(values[0]!) / 86_400_000),
  'format-date': formatDate,
  'format-date-time': formatDate,
};
