// A form's languages are offered by their own names, never as codes.
import { describe, expect, it } from 'vitest';
import { languageName, languageOptions } from './tree.ts';

describe('languageOptions', () => {
  it('names known languages in their own script, whatever the column says', () => {
    expect(
      languageOptions(['English (en)', 'isiZulu (zu)', 'Hindi (hi)', 'mr', 'default'], 'Form language'),
    ).toEqual([
      { value: 'English (en)', label: 'English' },
      { value: 'isiZulu (zu)', label: 'isiZulu' },
      { value: 'Hindi (hi)', label: 'हिन्दी' },
      { value: 'mr', label: 'मराठी' },
      { value: 'default', label: 'Form language' },
    ]);
  });

  it('keeps the column names when two columns are the same language', () => {
    expect(languageOptions(['English (en)', 'Plain English (en)'], '').map((o) => o.label)).toEqual([
      'English',
      'Plain English',
    ]);
  });

  it('keeps a column named in words that say no code', () => {
    expect(languageOptions(['Setswana ya kgale'], '').map((o) => o.label)).toEqual(['Setswana ya kgale']);
    expect(languageName('zu', '')).toBe('isiZulu');
  });
});
