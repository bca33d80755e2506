// Every catalogue has every key, every message parses as ICU, and a zu/hi message identical to
// English is a forgotten translation unless allow-identical.json says it is meant to be so.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import allowIdentical from './allow-identical.json';
import en from './en.json';
import hi from './hi.json';
import zu from './zu.json';

const catalogues: Record<string, Record<string, string>> = { en, zu, hi };
const englishKeys = Object.keys(en).sort();

describe('message catalogues', () => {
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    it(`${locale} has exactly the English keys`, () => {
      const keys = Object.keys(catalogue).sort();
      expect(
        englishKeys.filter((key) => !(key in catalogue)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((key) => !(key in en)),
        'unknown',
      ).toEqual([]);
    });

    it(`${locale} messages are valid ICU MessageFormat`, () => {
      const broken: string[] = [];
      for (const [key, message] of Object.entries(catalogue)) {
        try {
          new IntlMessageFormat(message, locale);
        } catch (error) {
          broken.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(broken).toEqual([]);
    });

    if (locale !== 'en') {
      it(`${locale} translates everything not allow-listed`, () => {
        const allowed = new Set<string>(allowIdentical);
        const same = Object.keys(en).filter(
          (key) => catalogue[key] === (en as Record<string, string>)[key] && !allowed.has(key),
        );
        expect(same).toEqual([]);
      });
    }
  }

  it('allow-identical.json names only existing keys', () => {
    expect(allowIdentical.filter((key: string) => !(key in en))).toEqual([]);
  });
});
