import { describe, expect, it } from 'vitest';
import { instantToWallMs } from './dates.ts';
import { run } from './test-helpers.ts';

/** A fixed clock; expectations are computed in the local zone the tests run in, as JavaRosa uses device time. */
const instant = new Date('2026-03-14T12:30:45.250Z');
const wall = new Date(instantToWallMs(instant.getTime()));
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const localDate = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
const clock = { now: () => instant };

describe('date functions', () => {
  it('today() and now() read the injected clock in local time', () => {
    expect(run('today()', {}, clock)).toBe(localDate);
    const now = String(run('now()', {}, clock));
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(new Date(now).getTime()).toBe(instant.getTime());
  });

  it.each([
    ["date('2020-02-29')", '2020-02-29'],
    ['date(0)', '1970-01-01'],
    ['date(18262)', '2020-01-01'],
    ['date(18262.9)', '2020-01-01'],
    ["date('2020-01-01') + 1", 18263],
    ["date(date('2020-01-31') + 1)", '2020-02-01'],
    ["'2020-03-01' - '2020-02-01'", 29],
    ["date('')", ''],
    ["date('2021-02-30')", ''],
    ["date('2020-05-06T23:59:59')", '2020-05-06'],
    ["decimal-date-time('1970-01-02T00:00:00Z')", 1],
    ["decimal-date-time('1970-01-01T12:00:00Z')", 0.5],
    ["decimal-date-time('1970-01-01T08:00:00.000+02:00')", 0.25],
    ["decimal-date-time('')", ''],
    ['decimal-date-time(2.5)', 2.5],
    ['date(-0.5)', '1970-01-01'],
    ['date(-1)', '1969-12-31'],
    ["format-date('2020-03-05', '%Y/%m/%d')", '2020/03/05'],
    ["format-date('2020-03-05', '%e %n %y')", '5 3 20'],
    ["format-date('2020-03-05', '%a %b')", 'Thu Mar'],
    ["format-date('2020-03-05T07:08:09.010', '%H:%M:%S.%3 %h')", '07:08:09.010 7'],
    ["format-date(date('2020-03-05') + 1, '%d')", '06'],
    ["format-date(18262, '%Y-%m-%d')", '2020-01-01'],
    ["format-date('', '%Y')", ''],
    ["format-date('junk', '%Y')", ''],
    ["format-date('2020-03-05', '100%% %q')", '100% %q'],
    ["format-date-time('2020-03-05T10:00:00', '%H')", '10'],
    ["format-date-time('07:05:00.000', '%h:%M')", '7:05'],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('does date arithmetic with today() in whole days', () => {
    const fields = { dob: '2000-01-01' };
    const age = Number(run('int((today() - ${dob}) div 365.25)', fields, clock));
    expect(age).toBe(26);
    expect(run("today() > '2026-01-01'", {}, clock)).toBe(true);
    expect(run('date(today() + 7)', {}, { now: () => new Date('2026-12-28T12:00:00Z') })).toMatch(
      /^2027-01-0[45]$/,
    );
  });

  it('reads local dateTimes as local instants in decimal-date-time()', () => {
    const days = Number(run("decimal-date-time('1970-01-01T00:00:00')"));
    expect(days * 86_400_000).toBe(new Date(1970, 0, 1).getTime());
  });

  it('formats fractional days as instants in local time, whole days as calendar days', () => {
    const local = new Date(1.5 * 86_400_000);
    expect(run("format-date(1.5, '%H:%M')")).toBe(`${pad(local.getHours())}:${pad(local.getMinutes())}`);
    expect(run("format-date(decimal-date-time('2026-03-14T12:30:45.250Z'), '%Y-%m-%d')", {}, clock)).toBe(
      localDate,
    );
    expect(run("format-date(1, '%Y-%m-%d %H')")).toBe('1970-01-02 00');
  });
});
