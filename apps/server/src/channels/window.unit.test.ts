import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberedText } from './numbered-choices.ts';
import { matchChoice } from './replies/choices.ts';
import { windowOpen } from './window.ts';

describe('the WhatsApp window', () => {
  const wrote = new Date('2026-11-26T08:00:00Z');
  const after = (hours: number) => new Date(wrote.getTime() + hours * 3_600_000);

  it('is open for 24 hours after the person wrote, less the margin, and closed without a message', () => {
    expect(windowOpen(wrote, after(0))).toBe(true);
    expect(windowOpen(wrote, after(22.99))).toBe(true);
    expect(windowOpen(wrote, after(23))).toBe(false);
    expect(windowOpen(wrote, after(23.5), 0)).toBe(true);
    expect(windowOpen(wrote, after(24), 0)).toBe(false);
    expect(windowOpen(undefined, after(0))).toBe(false);
    expect(windowOpen(wrote, after(-1))).toBe(false); // a clock that runs behind does not open it
  });
});

describe('numbered choices', () => {
  it('number from 1, and a reply copying a whole line matches that choice', () => {
    const choices = [
      { id: 'yes', label: 'Yebo' },
      { id: 'no', label: 'Cha' },
    ];
    const text = numberedText('Ingabe amanzi ayatholakala?', choices);
    expect(text).toBe('Ingabe amanzi ayatholakala?\n1. Yebo\n2. Cha');
    const words = choices.map((c) => ({ id: c.id, labels: { zu: c.label } }));
    for (const line of text.split('\n').slice(1))
      expect(matchChoice({ text: line }, words)).toMatchObject({
        kind: 'matched',
        choiceId: line.startsWith('1') ? 'yes' : 'no',
      });
  });

  it('property: the number shown beside a choice is the number that matches it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (count, pick) => {
        const choices = Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          label: `option${String.fromCharCode(97 + i)}`,
        }));
        const index = pick % count;
        const line = numberedText('Q', choices).split('\n')[index + 1]!;
        const number = line.split('.')[0]!;
        expect(
          matchChoice(
            { text: number },
            choices.map((c) => ({ id: c.id, labels: { en: c.label } })),
          ),
        ).toMatchObject({
          kind: 'matched',
          choiceId: `c${index}`,
        });
      }),
    );
  });
});
