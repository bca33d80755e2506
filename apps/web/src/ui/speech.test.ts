// Which voice reads a language, and how texts are tidied before reading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spokenParts, voiceFor } from './speech.ts';

const voices = (...langs: string[]) => langs.map((lang) => ({ lang }));

describe('voiceFor', () => {
  it('takes the exact language first, then a regional voice of it', () => {
    expect(voiceFor('zu', voices('en-US', 'zu-ZA'))).toBe(1);
    expect(voiceFor('hi', voices('hi-IN', 'hi'))).toBe(1);
    expect(voiceFor('en-ZA', voices('en-US', 'en-ZA'))).toBe(1);
    expect(voiceFor('en-ZA', voices('en-US'))).toBe(0);
    expect(voiceFor('HI', voices('hi_IN'))).toBe(0);
  });

  it('never reads one language with another language’s voice', () => {
    expect(voiceFor('zu', voices('en-US', 'en-GB', 'xh-ZA'))).toBe(-1);
    // "zul" is not "zu"; a prefix must end at a hyphen.
    expect(voiceFor('zu', voices('zul'))).toBe(-1);
    expect(voiceFor(undefined, voices('en-US'))).toBe(-1);
    expect(voiceFor('zu', [])).toBe(-1);
  });

  it('a chosen voice always has the asked language as its base', () => {
    const code = fc.constantFrom('zu', 'xh', 'hi', 'mr', 'en', 'af');
    const lang = fc.tuple(code, fc.constantFrom('', '-ZA', '-IN', '-US')).map(([c, r]) => c + r);
    fc.assert(
      fc.property(code, fc.array(lang), (wanted, langs) => {
        const found = voiceFor(wanted, voices(...langs));
        if (found < 0) expect(langs.every((l) => l.split('-')[0] !== wanted)).toBe(true);
        else expect(langs[found]!.split('-')[0]).toBe(wanted);
      }),
    );
  });
});

describe('spokenParts', () => {
  it('drops empty texts and tidies spaces, keeping the order', () => {
    expect(spokenParts(['  How old are you? ', '', undefined, 'In   years', null])).toEqual([
      'How old are you?',
      'In years',
    ]);
  });

  it('keeps every non-blank text, in order, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string(), { nil: undefined })), (parts) => {
        const out = spokenParts(parts);
        const kept = parts.filter((p): p is string => p !== undefined && p.trim() !== '');
        expect(out.length).toBe(kept.length);
        out.forEach((text, i) => {
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(/\s\s/);
          expect(text.replace(/\s/g, '')).toBe(kept[i]!.replace(/\s/g, ''));
        });
      }),
    );
  });
});
