import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChoiceWords, matchChoice } from './choices.ts';
import { foldReply } from './fold.ts';
import { KEYWORD_LISTS } from './keyword-lists.ts';
import { buildKeywordIndex, type Keyword, recogniseKeyword } from './keywords.ts';

const water: ChoiceWords[] = [
  {
    id: 'yes',
    labels: { en: 'Yes', zu: 'Yebo', hi: 'हाँ' },
    synonyms: { en: ['y', 'yeah'], zu: ['ye'], hi: ['haan', 'ha'] },
  },
  {
    id: 'no',
    labels: { en: 'No', zu: 'Cha', hi: 'नहीं' },
    synonyms: { en: ['n', 'nope'], hi: ['nahin', 'nahi'] },
  },
  {
    id: 'unknown',
    labels: { en: 'Don’t know', zu: 'Angazi', hi: 'पता नहीं' },
    synonyms: { hi: ['pata nahi'] },
  },
];

describe('keywords', () => {
  it('recognise STOP, START, HELP and LANG in English, isiZulu and Hindi, whatever the case or punctuation', () => {
    expect(recogniseKeyword('STOP')).toMatchObject({ keyword: 'stop', language: 'en' });
    expect(recogniseKeyword('  Stop! ')).toMatchObject({ keyword: 'stop' });
    expect(recogniseKeyword('Opt-out')).toMatchObject({ keyword: 'stop', word: 'opt out' });
    expect(recogniseKeyword('Yeka.')).toMatchObject({ keyword: 'stop', language: 'zu' });
    expect(recogniseKeyword('रुको।')).toMatchObject({ keyword: 'stop', language: 'hi' });
    expect(recogniseKeyword('QALA')).toMatchObject({ keyword: 'start', language: 'zu' });
    expect(recogniseKeyword('मदद')).toMatchObject({ keyword: 'help', language: 'hi' });
    expect(recogniseKeyword('Ulimi')).toMatchObject({ keyword: 'lang', language: 'zu' });
    expect(recogniseKeyword('ＳＴＯＰ')).toMatchObject({ keyword: 'stop' }); // full-width letters
    expect(recogniseKeyword('stóp')).toMatchObject({ keyword: 'stop' });
  });

  it('are never part of a longer message, and answers are not keywords', () => {
    for (const text of ['stop sending the water questions', 'please help me', 'Yebo', '1', '', 'nonstop'])
      expect(recogniseKeyword(text)).toBeUndefined();
  });

  it('keep Devanagari vowel signs when folding, so words do not collapse into others', () => {
    expect(foldReply('रुको')).toBe('रुको');
    expect(foldReply('Wêreld')).toBe('wereld');
  });

  it('refuse a list that gives one word two meanings', () => {
    expect(() => buildKeywordIndex({ en: { stop: ['halt'], start: ['halt'], help: [], lang: [] } })).toThrow(
      /both stop/,
    );
    expect(() => buildKeywordIndex(KEYWORD_LISTS)).not.toThrow();
  });

  const listed = Object.entries(KEYWORD_LISTS).flatMap(([language, lists]) =>
    (Object.entries(lists) as [Keyword, readonly string[]][]).flatMap(([keyword, words]) =>
      words.map((word) => ({ language, keyword, word })),
    ),
  );
  const decorate = (word: string, upper: boolean[], before: string, after: string) =>
    before + [...word].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('') + after;

  it('property: every listed word is recognised in any case with spaces and punctuation around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listed),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', ' ', '  ', '"', '*'),
        fc.constantFrom('', '.', '!', ' ', '?!', '।'),
        (entry, upper, before, after) => {
          expect(recogniseKeyword(decorate(entry.word, upper, before, after))).toMatchObject({
            keyword: entry.keyword,
          });
        },
      ),
    );
  });

  it('property: a keyword followed by another word is not a keyword; any text gives a result or none, never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listed),
        fc.constantFrom('now', 'please', 'water', 'amanzi', 'पानी'),
        (entry, other) => {
          expect(recogniseKeyword(`${entry.word} ${other}`)).toBeUndefined();
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const found = recogniseKeyword(text);
        if (found) expect(['stop', 'start', 'help', 'lang']).toContain(found.keyword);
      }),
    );
  });
});

describe('matching a reply to a choice', () => {
  it('reads numbers with punctuation, Devanagari digits, and button ids', () => {
    for (const text of ['1', '1.', '1)', ' 1 ', '#1', '(1)', '１', '१'])
      expect(matchChoice({ text }, water)).toMatchObject({ kind: 'matched', choiceId: 'yes', by: 'number' });
    expect(matchChoice({ text: '3' }, water)).toMatchObject({ choiceId: 'unknown' });
    expect(matchChoice({ choiceId: 'no', text: 'Yebo' }, water)).toEqual({
      kind: 'matched',
      choiceId: 'no',
      by: 'id',
    });
  });

  it('reads the label or a synonym in each language, and says which language', () => {
    expect(matchChoice({ text: 'yebo' }, water)).toEqual({
      kind: 'matched',
      choiceId: 'yes',
      by: 'word',
      language: 'zu',
    });
    expect(matchChoice({ text: 'Nahi' }, water)).toMatchObject({ choiceId: 'no', language: 'hi' });
    expect(matchChoice({ text: 'नहीं' }, water)).toMatchObject({ choiceId: 'no' });
    expect(matchChoice({ text: 'Angazi.' }, water)).toMatchObject({ choiceId: 'unknown' });
    expect(matchChoice({ text: 'Cha, awekho amanzi' }, water)).toMatchObject({ choiceId: 'no' });
  });

  it('prefers the longer phrase: "पता नहीं" is "don’t know", not also "no"', () => {
    expect(matchChoice({ text: 'पता नहीं' }, water)).toMatchObject({ kind: 'matched', choiceId: 'unknown' });
    expect(matchChoice({ text: 'pata nahi' }, water)).toMatchObject({ kind: 'matched', choiceId: 'unknown' });
  });

  it('tells ambiguous from unmatched', () => {
    expect(matchChoice({ text: '1 2' }, water)).toEqual({ kind: 'ambiguous', choiceIds: ['yes', 'no'] });
    expect(matchChoice({ text: 'yes no' }, water)).toEqual({ kind: 'ambiguous', choiceIds: ['yes', 'no'] });
    expect(matchChoice({ text: '1, yebo' }, water)).toMatchObject({
      kind: 'matched',
      choiceId: 'yes',
      by: 'number',
    });
    expect(matchChoice({ text: '2 or 7' }, water)).toMatchObject({ kind: 'ambiguous' });
    expect(matchChoice({ text: '7' }, water)).toEqual({ kind: 'unmatched', reason: 'out_of_range' });
    expect(matchChoice({ text: 'the tap is broken' }, water)).toEqual({
      kind: 'unmatched',
      reason: 'no_match',
    });
    expect(matchChoice({ text: ' ?! ' }, water)).toEqual({ kind: 'unmatched', reason: 'empty' });
    expect(matchChoice({ choiceId: 'stale-button' }, water)).toEqual({ kind: 'unmatched', reason: 'empty' });
  });

  // Generated questions: 2–10 choices with distinct one-word labels.
  const labelPool = [
    'amanzi',
    'izindlu',
    'udoti',
    'isibani',
    'umgwaqo',
    'pani',
    'kachra',
    'shauchalay',
    'bijli',
    'sadak',
    'tap',
    'bin',
  ];
  const question = fc
    .shuffledSubarray(labelPool, { minLength: 2, maxLength: 10 })
    .map((labels) => labels.map((label, i) => ({ id: `c${i}`, labels: { zu: label } })));

  it('property: the number of any choice, however decorated, matches that choice', () => {
    fc.assert(
      fc.property(
        question,
        fc.nat(),
        fc.constantFrom('', '.', ')', ' ', '!'),
        fc.constantFrom('', ' ', '#', '('),
        (choices, pick, after, before) => {
          const index = pick % choices.length;
          expect(matchChoice({ text: `${before}${index + 1}${after}` }, choices)).toEqual({
            kind: 'matched',
            choiceId: choices[index]!.id,
            by: 'number',
          });
        },
      ),
    );
  });

  it('property: any label in any case, with punctuation around it, matches its choice', () => {
    fc.assert(
      fc.property(
        question,
        fc.nat(),
        fc.boolean(),
        fc.constantFrom('', '.', '!!', ' '),
        (choices, pick, upper, after) => {
          const choice = choices[pick % choices.length]!;
          const label = upper ? choice.labels.zu!.toUpperCase() : choice.labels.zu!;
          expect(matchChoice({ text: label + after }, choices)).toMatchObject({
            kind: 'matched',
            choiceId: choice.id,
            by: 'word',
          });
        },
      ),
    );
  });

  it('property: two different numbers in range are ambiguous', () => {
    fc.assert(
      fc.property(question, fc.nat(), fc.nat(), (choices, a, b) => {
        const first = (a % choices.length) + 1;
        const second = ((first + (b % (choices.length - 1))) % choices.length) + 1;
        fc.pre(first !== second);
        expect(matchChoice({ text: `${first} ${second}` }, choices).kind).toBe('ambiguous');
      }),
    );
  });

  it('property: any text gives a typed result naming only choices that exist', () => {
    fc.assert(
      fc.property(
        question,
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.option(fc.string({ maxLength: 8 })),
        (choices, text, choiceId) => {
          const result = matchChoice({ text, ...(choiceId ? { choiceId } : {}) }, choices);
          const ids = choices.map((c) => c.id);
          if (result.kind === 'matched') expect(ids).toContain(result.choiceId);
          else if (result.kind === 'ambiguous') for (const id of result.choiceIds) expect(ids).toContain(id);
          else expect(['empty', 'out_of_range', 'no_match']).toContain(result.reason);
        },
      ),
    );
  });
});
