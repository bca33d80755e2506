import { eager, type FunctionImpl } from '../context.ts';
import {
  daysToWallMs,
  formatWallMs,
  instantToIsoString,
  instantToWallMs,
  parseIsoToInstantMs,
  parseIsoToWallMs,
  wallMsToDateString,
} from '../dates.ts';
import { toNumber, toStringValue, type Value } from '../values.ts';

const DAY_MS = 86_400_000;

/**
 * Wall-clock ms of a date argument. Whole numbers are calendar days since 1970-01-01 (what date
 * arithmetic gives); fractional numbers are instants in days, as decimal-date-time() gives them.
 */
function toWallMs(value: Value): number {
  const text = typeof value === 'string' || Array.isArray(value) ? toStringValue(value).trim() : null;
  if (text === '') return Number.NaN;
  if (text !== null) {
    const parsed = parseIsoToWallMs(text);
    if (!Number.isNaN(parsed)) return parsed;
  }
  const days = toNumber(value);
  return Number.isInteger(days) ? daysToWallMs(days) : instantToWallMs(days * DAY_MS);
}

const clock = (scope: Parameters<FunctionImpl>[1]): Date => scope.ctx.now?.() ?? new Date();

const formatDate = eager((values) => formatWallMs(toWallMs(values[0]!), toStringValue(values[1]!)));

export const DATE_FUNCTIONS: Record<string, FunctionImpl> = {
  today: (_args, scope) => wallMsToDateString(instantToWallMs(clock(scope).getTime())),
  now: (_args, scope) => instantToIsoString(clock(scope)),
  // date(): the calendar day; a number of days is truncated like JavaRosa's toInt().
  date: eager((values) => {
    const value = values[0]!;
    const wall = typeof value === 'number' ? daysToWallMs(Math.trunc(value)) : toWallMs(value);
    return Number.isFinite(wall) ? wallMsToDateString(Math.floor(wall / DAY_MS) * DAY_MS) : '';
  }),
  // decimal-date-time(): fractional days of the instant since 1970-01-01T00:00Z, as in JavaRosa.
  'decimal-date-time': eager((values) => {
    const value = values[0]!;
    if (typeof value === 'number') return value;
    const text = toStringValue(value).trim();
    return text === '' ? '' : parseIsoToInstantMs(text) / DAY_MS;
  }),
  'format-date': formatDate,
  'format-date-time': formatDate,
};
