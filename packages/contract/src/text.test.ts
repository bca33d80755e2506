import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameText, findBadText, nameText, textProblem } from './text.ts';

describe('text that cannot be stored', () => {
  it('finds NUL, lone surrogates and control characters wherever they are, keys included', () => {
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\u0000y' }] }, 'body')).toEqual({
      path: 'body.a.1.c',
      problem: 'nul',
    });
    expect(findBadText({ name: 'ab\uD800' }, 'body')).toEqual({
      path: 'body.name',
      problem: 'lone_surrogate',
    });
    expect(findBadText({ name: '\uDC00ab' }, 'body')).toEqual({
      path: 'body.name',
      problem: 'lone_surrogate',
    });
    expect(findBadText({ 'k\u0000': 1 }, 'body')?.problem).toBe('nul');
    expect(findBadText({ bell: 'ring\u0007' }, 'query')).toEqual({ path: 'query.bell', problem: 'control' });
    // A whole emoji (a surrogate pair), tabs and line breaks are fine.
    expect(findBadText({ note: 'line one\nline two\ttab 😀 ngiyabonga' }, 'body')).toBeNull();
  });

  it('normalises every string to NFC in place', () => {
    const body = { displayName: 'Ze\u0301nani', list: ['n\u0303'] };
    expect(findBadText(body, 'body')).toBeNull();
    expect(body).toEqual({ displayName: 'Zénani', list: ['ñ'] });
  });

  it('never throws and agrees with the character rules on any input (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, extra) => {
        const found = findBadText({ value, extra }, 'body');
        const strings: string[] = [];
        const collect = (v: unknown) => {
          if (typeof v === 'string') strings.push(v);
          else if (v && typeof v === 'object')
            for (const [k, c] of Object.entries(v)) {
              strings.push(k);
              collect(c);
            }
        };
        collect({ value, extra });
        const anyBad = strings.some((s) => textProblem(s) !== null);
        expect(found !== null).toBe(anyBad);
      }),
      { numRuns: 300 },
    );
  });

  it('handles very deep input without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findBadText(deep, 'body')?.problem).toBe('nul');
  });
});

describe('names and file names', () => {
  const name = nameText(200);
  const file = fileNameText(200);
  it('refuse direction controls and line breaks in names', () => {
    for (const bidi of ['\u202E', '\u202A', '\u2066', '\u2069', '\u200F']) {
      const result = name.safeParse(`Thandi${bidi}exe.pdf`);
      expect(result.success).toBe(false);
    }
    expect(name.safeParse('two\nlines').success).toBe(false);
    expect(name.safeParse('  Lindiwe Dlamini ').data).toBe('Lindiwe Dlamini');
    expect(name.safeParse('प्रिया').success).toBe(true);
  });

  it('refuse folders, dot names, device names and trailing dots in file names', () => {
    for (const bad of [
      '..',
      '.',
      'a/b.png',
      'a\\b.png',
      'CON',
      'con.txt',
      'NUL.csv',
      'COM1',
      'lpt9.log',
      'photo.',
      'photo. ',
      'a:b',
      'x?.csv',
    ]) {
      expect(file.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of [
      '__proto__',
      'a.constructor',
      'households.csv',
      'icon-tap.png',
      'console.log',
      'condition.csv',
    ]) {
      expect(file.safeParse(good).success, good).toBe(true);
    }
  });
});
