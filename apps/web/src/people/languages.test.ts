// Languages by their own names, and typed languages read back to codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonLanguages, languageName, typedLanguages } from './languages.ts';

describe('languageName', () => {
  it('names our common languages in their own script, never as codes', () => {
    expect(commonLanguages.map(languageName)).toEqual(['isiZulu', 'isiXhosa', 'हिन्दी', 'मराठी', 'English']);
    expect(languageName('st')).toBe('Sesotho');
    expect(languageName('ur')).toBe('اردو');
  });

  it('falls back to the code only for what is no language', () => {
    expect(languageName('qqq')).toBe('qqq');
  });
});

describe('typedLanguages', () => {
  it('reads names in any of the three interface languages, and codes', () => {
    expect(typedLanguages('Sesotho, Setswana, ur', 'en')).toEqual(['st', 'tn', 'ur']);
    expect(typedLanguages('Southern Sotho', 'en')).toEqual(['st']);
    expect(typedLanguages('isiZulu, English', 'zu')).toEqual(['zu', 'en']);
    expect(typedLanguages('उर्दू, बंगाली', 'hi')).toEqual(['ur', 'bn']);
    expect(typedLanguages('st tn', 'en')).toEqual(['st', 'tn']);
    expect(typedLanguages(' , ', 'en')).toEqual([]);
  });

  it('keeps what it does not know as typed, for the server to name', () => {
    expect(typedLanguages('Klingonish', 'en')).toEqual(['Klingonish']);
  });

  it('what the screen shows (names) reads back to the same codes', () => {
    const code = fc.constantFrom(
      'zu',
      'xh',
      'hi',
      'mr',
      'en',
      'st',
      'tn',
      'nso',
      'af',
      'ur',
      'bn',
      'ta',
      've',
    );
    fc.assert(
      fc.property(fc.uniqueArray(code), fc.constantFrom('en', 'zu', 'hi'), (codes, locale) => {
        expect(typedLanguages(codes.map(languageName).join(', '), locale)).toEqual(codes);
      }),
    );
  });
});
