// Whether an answer's text is a value of its question's type, as ODK writes values: integers and
// decimals in plain notation, dates ISO, select_multiple names space-separated, geopoints
// `lat lon [alt [acc]]`. Pure and fast: the server checks every answer of every submission.
import type { Choice } from '../model.ts';

export type ValueCheck = { ok: true } | { ok: false; code: 'type' | 'choice'; expected: string };

const integer = /^[-+]?\d{1,18}$/;
const decimal = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const dateText = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeText = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDate(text: string): boolean {
  const match = dateText.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validPoint(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => decimal.test(p))) return false;
  const [lat, lon] = [Number(parts[0]), Number(parts[1])];
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

const ok: ValueCheck = { ok: true };
// Built once: the server checks every answer, and a closure made per call was a third of its cost.
const fail = (expected: string, code: 'type' | 'choice' = 'type'): ValueCheck => ({
  ok: false,
  code,
  expected,
});

/** The choice names an answer may take, for checking many answers against one list. */
export const choiceNames = (choices: Choice[] | null): Set<string> | null =>
  choices ? new Set(choices.map((c) => c.name)) : null;

/** The types whose answers we check; any other type takes any text. `names` from choiceNames. */
export function checkValue(type: string, value: string, names: ReadonlySet<string> | null): ValueCheck {
  switch (type) {
    case 'integer':
      return integer.test(value) ? ok : fail('a whole number');
    case 'decimal':
    case 'range':
      return decimal.test(value) && Number.isFinite(Number(value)) ? ok : fail('a number');
    case 'date':
      return validDate(value) ? ok : fail('a date such as 2026-12-02');
    case 'time':
      return timeText.test(value) ? ok : fail('a time such as 14:30');
    case 'dateTime':
      return validDate(value.slice(0, 10)) && value[10] === 'T' && timeText.test(value.slice(11))
        ? ok
        : fail('a date and time such as 2026-12-02T14:30:00Z');
    case 'geopoint':
      return validPoint(value) ? ok : fail('a point: latitude longitude');
    case 'geotrace':
    case 'geoshape': {
      const points = value.split(';').filter((p) => p.trim() !== '');
      return points.length >= (type === 'geoshape' ? 3 : 2) && points.every(validPoint)
        ? ok
        : fail(type === 'geoshape' ? 'three or more points' : 'two or more points');
    }
    case 'select_one':
      return !names || names.has(value) ? ok : fail('one of the choices', 'choice');
    case 'select_multiple':
    case 'rank':
      return !names || value.split(/\s+/).every((name) => name === '' || names.has(name))
        ? ok
        : fail('choices from the list', 'choice');
    default:
      return ok;
  }
}
