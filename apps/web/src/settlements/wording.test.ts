// Counts of structures read right in every language, including none (isiZulu counts 0 as "one").
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import hi from '../i18n/hi.json';
import { translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';

describe('structure counts', () => {
  it('says none, one and many in English, isiZulu and Hindi', () => {
    const say = (t: ReturnType<typeof translator>, count: number) => t('structure.count.verified', { count });
    const english = translator('en', en);
    const zulu = translator('zu', zu);
    const hindi = translator('hi', hi);
    expect([0, 1, 5].map((n) => say(english, n))).toEqual(['0 verified', '1 verified', '5 verified']);
    expect([0, 1, 5].map((n) => say(zulu, n))).toEqual([
      'ezingu-0 ziqinisekisiwe',
      'esi-1 siqinisekisiwe',
      'ezingu-5 ziqinisekisiwe',
    ]);
    expect(say(hindi, 3)).toBe('3 सत्यापित');
  });
});
