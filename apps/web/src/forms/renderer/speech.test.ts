// What "Read aloud" reads for a question: label, hint, then the choices in the order shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionSpeech } from './speech.ts';

describe('questionSpeech', () => {
  it('reads the question, its hint and its choices in order', () => {
    expect(
      questionSpeech({
        label: 'Ingabe uyaqasha?',
        hint: 'Khetha eyodwa.',
        choices: ['Yebo', 'Cha', 'Angazi'],
      }),
    ).toEqual(['Ingabe uyaqasha?', 'Khetha eyodwa.', 'Yebo', 'Cha', 'Angazi']);
  });

  it('leaves out a missing hint and blank choice labels', () => {
    expect(questionSpeech({ label: 'आपकी उम्र', hint: '', choices: [' ', 'हाँ'] })).toEqual(['आपकी उम्र', 'हाँ']);
    expect(questionSpeech({ label: 'Age' })).toEqual(['Age']);
  });

  it('the label comes first and the choices keep their order', () => {
    const word = fc.stringMatching(/^[A-Za-zऀ-ॿ?]{1,12}$/);
    fc.assert(
      fc.property(word, fc.option(word, { nil: undefined }), fc.array(word), (label, hint, choices) => {
        const read = questionSpeech({ label, hint, choices });
        expect(read[0]).toBe(label);
        expect(read.slice(hint ? 2 : 1)).toEqual(choices);
        if (hint) expect(read[1]).toBe(hint);
      }),
    );
  });
});
