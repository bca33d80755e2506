// Dates where the browser has no data for the language (Chromium has none for isiZulu): the
// catalogue's month names, never "2026 M12 2". Node has full ICU, so "no data" is simulated.
import { expect, it } from 'vitest';
import en from './en.json';
import hi from './hi.json';
import { type Catalogue, dateFormatter, translator } from './i18n.ts';
import zu from './zu.json';

const noData = () => false;
// Midday UTC, so the day is the same in every time zone a test machine may have.
const second = '2026-12-02T12:00:00.000Z';

it('uses the catalogue’s month names when Intl lacks the language', () => {
  const zulu = dateFormatter('zu', translator('zu', zu as Catalogue), noData);
  expect(zulu(second)).toBe('2 Disemba 2026');
  expect(zulu('2026-03-15T12:00:00.000Z')).toBe('15 Mashi 2026');
  expect(zulu(second, true)).toMatch(/^2 Disemba 2026 ngo-\d\d:\d\d$/);
  expect(zulu(second)).not.toMatch(/M12/);
  const hindi = dateFormatter('hi', translator('hi', hi as Catalogue), noData);
  expect(hindi(second)).toBe('2 दिसंबर 2026');
  expect(zulu('not a date')).toBe('not a date');
});

it('uses Intl when it has the language, and every month has a name in every catalogue', () => {
  const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(second));
  expect(dateFormatter('en', translator('en', en as Catalogue))(second)).toBe(intl);
  for (const catalogue of [en, zu, hi] as Record<string, string>[])
    for (let month = 1; month <= 12; month++) expect(catalogue[`date.month.${month}`]).toBeTruthy();
  // The real check: what Chromium reports for isiZulu decides the path, not a list of ours.
  const asked: string[] = [];
  dateFormatter('zu', translator('zu', zu as Catalogue), (code) => {
    asked.push(code);
    return true;
  });
  expect(asked).toEqual(['zu']);
});
