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

  it('counts things with ICU plurals, never "(s)" or a bare count before a word', () => {
    // A count read as a word ("3 questions", "1 भाषा") must choose its form by plural category.
    // A numeral alone in brackets ("Comments (3 open)", "Added (3)"), a position ("Screen 2 of 5") or
    // a fraction of a target under its own heading ("Sent: 3 of 10") needs none.
    const counts = /\{(count|questions|languages|problems|warnings|open)\}/g;
    const positions = new Set(['forms.fill.progress', 'collect.count.ofTarget', 'assignments.sentOfTarget']);
    const bare: string[] = [];
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, message] of Object.entries(catalogue)) {
        if (/\(s\)|\(es\)|\(ies\)/.test(message)) bare.push(`${locale} ${key}: (s)`);
        for (const match of message.matchAll(counts)) {
          const inBrackets = message[match.index - 1] === '(';
          if (!inBrackets && !positions.has(key)) bare.push(`${locale} ${key}: ${match[0]}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('chooses Hindi and isiZulu forms for one and for many', () => {
    const meta = (locale: 'hi' | 'zu', questions: number, languages: number) =>
      new IntlMessageFormat(catalogues[locale]!['forms.list.meta']!, locale).format({ questions, languages });
    expect(meta('hi', 1, 1)).toBe('1 सवाल, 1 भाषा');
    expect(meta('hi', 12, 3)).toBe('12 सवाल, 3 भाषाएँ');
    expect(meta('zu', 1, 2)).toBe('umbuzo 1, izilimi ezingu-2');
  });

  it('allow-identical.json names only existing keys', () => {
    expect(allowIdentical.filter((key: string) => !(key in en))).toEqual([]);
  });
});
