import { textProblem } from '@coproduce/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storableText } from './storable.ts';

// Any UTF-16 code units, lone surrogate halves and controls included.
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

describe('storable inbound text', () => {
  it('replaces NUL, lone surrogates and control characters, keeps tabs, line breaks, emoji and Devanagari', () => {
    expect(storableText('a\u0000b\uD800c\u0007d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(storableText('Yebo\n\t😀 हाँ')).toBe('Yebo\n\t😀 हाँ');
    expect(storableText('e\u0301')).toBe('é');
  });

  it('property: any string becomes one the text rules accept, and storable text is left as it is', () => {
    fc.assert(
      fc.property(codeUnits, (text) => {
        const stored = storableText(text);
        expect(textProblem(stored)).toBeNull();
        expect(storableText(stored)).toBe(stored);
      }),
    );
  });
});
