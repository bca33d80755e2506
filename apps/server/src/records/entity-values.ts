import type { EntityWrite } from './entities.ts';

/**
 * An entity's properties arrive as answers, i.e. text ("3", "-25.7 27.8 0 5", "yes"); these turn
 * them into the typed values records hold, or say why not (without repeating the answer, which
 * may be personal). Pure.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (message: string): Read<never> => ({ ok: false, message });

export function integerOf(text: string): Read<number> {
  return /^[-+]?\d{1,9}$/.test(text.trim()) ? ok(Number(text)) : no('is not a whole number');
}

export function numberOf(text: string): Read<number> {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? ok(n) : no('is not a number');
}

/** An ODK geopoint, "lat lon [altitude [accuracy]]", as a lon/lat point. */
export function pointOf(text: string): Read<{ lon: number; lat: number }> {
  const [lat, lon] = text.trim().split(/\s+/).map(Number);
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon))
    return no('is not a GPS point (latitude longitude)');
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return no('is outside the range of a GPS point');
  return ok({ lon, lat });
}

const yes = new Set(['yes', 'true', '1', 'y']);
const nope = new Set(['no', 'false', '0', 'n']);
export function booleanOf(text: string): Read<boolean> {
  const t = text.trim().toLowerCase();
  if (yes.has(t)) return ok(true);
  if (nope.has(t)) return ok(false);
  return no('is not yes or no');
}

/** An ISO date (YYYY-MM-DD), as ODK writes a date answer. */
export function dateOf(text: string): Read<string> {
  const t = text.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`))
    ? ok(t)
    : no('is not a date');
}

export const textOf = (text: string): Read<string> => ok(text.trim());

/** Where an entity's property was answered, as a submission issue names it. */
export const answerPath = (write: EntityWrite, prop: string) =>
  `${write.path}/${write.questions[prop] ?? prop}`.replace(/^\/?/, '/');

export type PropertyReaders = Record<string, readonly [field: string, read: (text: string) => Read<unknown>]>;

/**
 * The typed fields of an entity from its properties, by the readers given; what does not read is
 * added to `problems` at its question, and `propOf` learns which property each field came from.
 */
export function readProperties(
  write: EntityWrite,
  readers: PropertyReaders,
  problems: Array<{ path: string; message: string }>,
  propOf: Map<string, string>,
) {
  const out: Record<string, unknown> = {};
  for (const [prop, [field, reader]] of Object.entries(readers)) {
    const value = write.properties[prop];
    if (value === undefined) continue;
    const got = reader(value);
    if (got.ok) out[field] = got.value;
    else problems.push({ path: answerPath(write, prop), message: got.message });
    propOf.set(field, prop);
  }
  return out;
}
