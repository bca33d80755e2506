/**
 * Dates are ISO strings; arithmetic is in days since 1970-01-01 of local wall-clock time, as
 * JavaRosa does (so date-only values are whole days in every time zone).
 */
const DAY_MS = 86_400_000;

const TIME_ONLY = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Local wall-clock epoch ms (as if UTC) of an absolute instant. */
export function instantToWallMs(epochMs: number): number {
  return epochMs - new Date(epochMs).getTimezoneOffset() * 60_000;
}

/** The fields of an ISO date/dateTime as if UTC, and its zone (undefined for local time), or null. */
function parseIso(text: string): { naive: number; zone: string | undefined } | null {
  // A time answer (10:30:00.000+02:00) is a moment of 1970-01-01, as JavaRosa stores times.
  const m = ISO_DATE.exec(TIME_ONLY.test(text) ? `1970-01-01T${text}` : text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const naive = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  if (new Date(naive).getUTCDate() !== day) return null; // e.g. 2021-02-30
  return { naive, zone };
}

/** Parses an ISO date or dateTime into local wall-clock ms, or NaN. */
export function parseIsoToWallMs(text: string): number {
  const parsed = parseIso(text);
  if (!parsed) return Number.NaN;
  return parsed.zone === undefined ? parsed.naive : instantToWallMs(parsed.naive - offsetMs(parsed.zone));
}

/** Parses an ISO date or dateTime into epoch ms (a value without zone is local time), or NaN. */
export function parseIsoToInstantMs(text: string): number {
  const parsed = parseIso(text);
  if (!parsed) return Number.NaN;
  if (parsed.zone !== undefined) return parsed.naive - offsetMs(parsed.zone);
  const f = new Date(parsed.naive);
  const local = new Date(
    f.getUTCFullYear(),
    f.getUTCMonth(),
    f.getUTCDate(),
    f.getUTCHours(),
    f.getUTCMinutes(),
  );
  local.setSeconds(f.getUTCSeconds(), f.getUTCMilliseconds());
  return local.getTime();
}

export function dateStringToDays(text: string): number {
  return parseIsoToWallMs(text) / DAY_MS;
}

export function daysToWallMs(days: number): number {
  return days * DAY_MS;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(Math.trunc(n))).padStart(width, '0');
}

export function wallMsToDateString(wallMs: number): string {
  if (!Number.isFinite(wallMs)) return '';
  const d = new Date(wallMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Local ISO dateTime with offset, the format ODK writes for `now()`, e.g. 2026-11-25T21:12:35.000+02:00. */
export function instantToIsoString(instant: Date): string {
  const wall = new Date(instantToWallMs(instant.getTime()));
  const offsetMinutes = -instant.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.abs(offsetMinutes) / 60)}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const date = wallMsToDateString(wall.getTime());
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return `${date}T${time}.${pad(wall.getUTCMilliseconds(), 3)}${zone}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** JavaRosa format-date directives; unknown `%x` sequences are kept as written. */
export function formatWallMs(wallMs: number, format: string): string {
  if (!Number.isFinite(wallMs)) return '';
  const d = new Date(wallMs);
  const fields: Record<string, () => string> = {
    Y: () => pad(d.getUTCFullYear(), 4),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    n: () => String(d.getUTCMonth() + 1),
    b: () => MONTHS[d.getUTCMonth()]!,
    d: () => pad(d.getUTCDate()),
    e: () => String(d.getUTCDate()),
    H: () => pad(d.getUTCHours()),
    h: () => String(d.getUTCHours()),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    '3': () => pad(d.getUTCMilliseconds(), 3),
    a: () => WEEKDAYS[d.getUTCDay()]!,
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (whole, key: string) => fields[key]?.() ?? whole);
}
