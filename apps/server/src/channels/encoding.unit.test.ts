import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodingOf,
  measureText,
  measureUssdScreen,
  normalisePunctuation,
  prepareText,
  segmentsOf,
} from './encoding.ts';

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';
const basicText = fc.string({ unit: fc.constantFrom(...BASIC), maxLength: 800 });
const gsmText = fc.string({ unit: fc.constantFrom(...BASIC, ...EXTENSION), maxLength: 800 });
const anyText = fc.string({ unit: 'grapheme', maxLength: 400 });

describe('GSM-7 or UCS-2', () => {
  it('has the 127 basic characters and 10 extension characters of the GSM-7 tables', () => {
    expect([...BASIC]).toHaveLength(127);
    expect(encodingOf(BASIC + EXTENSION)).toBe('GSM-7');
  });

  it('keeps isiZulu in plain Latin in GSM-7: 160 characters in one SMS, 153 per segment beyond', () => {
    const zulu = 'Ingabe amanzi ahlanzekile ayatholakala endaweni yakho kulezi zinsuku eziyisikhombisa? ';
    const measure = measureText(zulu.repeat(2).slice(0, 160));
    expect(measure).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160 });
    expect(measureText(zulu.repeat(2).slice(0, 161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(measureText('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(measureText('a'.repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
  });

  it('turns the whole message into UCS-2 (70 / 67) for one curly apostrophe, and names it', () => {
    const measure = measureText('Ngiyabonga ukuthi usuphendulile – sizokuthumelela umbuzo olandelayo’');
    expect(measure.encoding).toBe('UCS-2');
    expect(measure.nonGsm).toEqual(['–', '’']);
    expect(measureText('x’'.padEnd(70, 'y'))).toMatchObject({ segments: 1, perSegment: 70 });
    expect(measureText('x’'.padEnd(71, 'y'))).toMatchObject({ segments: 2, perSegment: 67 });
  });

  it('puts Afrikaans ê, Sepedi š, Tshivenda ḓ and Hindi in Devanagari in UCS-2, romanised Hindi in GSM-7', () => {
    for (const text of ['Is daar skoon water by jou ê?', 'Na go na le meetse a hlwekilego? šo', 'ḓ ḽ ṅ ṋ ṱ'])
      expect(encodingOf(text)).toBe('UCS-2');
    expect(measureText('क्या आपकी बस्ती में साफ़ पानी उपलब्ध है?').encoding).toBe('UCS-2');
    expect(encodingOf('Kya aapki basti mein saaf paani uplabdh hai?')).toBe('GSM-7');
  });

  it('counts extension characters as two septets', () => {
    expect(measureText('€[]{}|^~\\')).toMatchObject({ encoding: 'GSM-7', characters: 9, units: 18 });
    // 152 plain + one € is 154 septets: over 153, so the € moves whole into the next segment.
    expect(segmentsOf(`${'a'.repeat(152)}€${'b'.repeat(20)}`).map((s) => s.length)).toEqual([152, 21]);
  });

  it('never splits an emoji (a surrogate pair) between two UCS-2 segments', () => {
    const text = `${'x'.repeat(66)}🙂${'y'.repeat(10)}`;
    const segments = segmentsOf(text);
    expect(segments[0]).toBe('x'.repeat(66));
    expect(segments[1]?.startsWith('🙂')).toBe(true);
  });

  it('measures an empty text as no segment', () => {
    expect(measureText('')).toMatchObject({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('property: a text of basic characters is GSM-7 with one septet per character', () => {
    fc.assert(
      fc.property(basicText, (text) => {
        const measure = measureText(text);
        expect(measure.encoding).toBe('GSM-7');
        expect(measure.units).toBe([...text].length);
        expect(measure.segments).toBe(
          text === '' ? 0 : text.length <= 160 ? 1 : Math.ceil(text.length / 153),
        );
      }),
    );
  });

  it('property: segments rebuild the text, each fits its limit, and appending never lowers the count', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), fc.oneof(gsmText, anyText), (text, more) => {
        const segments = segmentsOf(text);
        expect(segments.join('')).toBe(text);
        const measure = measureText(text);
        const limit = measure.segments > 1 ? (measure.encoding === 'GSM-7' ? 153 : 67) : Infinity;
        for (const segment of segments) {
          const units = measure.encoding === 'GSM-7' ? measureText(segment).units : segment.length;
          expect(units).toBeLessThanOrEqual(limit);
        }
        expect(measure.remaining).toBeGreaterThanOrEqual(0);
        // Appending can only change the encoding towards UCS-2 and never needs fewer segments.
        expect(measureText(text + more).segments).toBeGreaterThanOrEqual(measure.segments);
      }),
    );
  });

  it('property: a text is UCS-2 exactly when one of its characters is outside both GSM-7 tables', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const outside = [...text].filter((c) => !BASIC.includes(c) && !EXTENSION.includes(c));
        expect(encodingOf(text)).toBe(outside.length > 0 ? 'UCS-2' : 'GSM-7');
        expect(measureText(text).nonGsm).toEqual([...new Set(outside)]);
      }),
    );
  });
});

describe('smart punctuation', () => {
  it('turns a Word-pasted isiZulu question back into GSM-7 and says what it replaced', () => {
    const pasted = 'Ingabe indlu yangasese ihlanziwe “emavikini” amabili edlule? Phendula ngo-1 noma ngo-2…';
    expect(encodingOf(pasted)).toBe('UCS-2');
    const prepared = prepareText(pasted, { normalise: true });
    expect(prepared.measure.encoding).toBe('GSM-7');
    expect(prepared.text).toContain('"emavikini"');
    expect(prepared.changes).toEqual([
      { from: '“', to: '"', count: 1 },
      { from: '”', to: '"', count: 1 },
      { from: '…', to: '...', count: 1 },
    ]);
  });

  it('leaves the text alone when the author did not allow it', () => {
    expect(prepareText('it’s', { normalise: false })).toMatchObject({ text: 'it’s', changes: [] });
  });

  it('never changes letters: ê and Devanagari stay as written', () => {
    expect(normalisePunctuation('Is daar skoon water? Wêreld – पानी').text).toBe(
      'Is daar skoon water? Wêreld - पानी',
    );
  });

  it('property: normalising is idempotent and GSM-7 text plus smart punctuation becomes GSM-7', () => {
    const smart = fc.constantFrom('‘', '’', '“', '”', '–', '—', '…', '\u00a0', '\u200b', '•', '`');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...BASIC, ...EXTENSION), smart), { maxLength: 300 }),
        (parts) => {
          const once = normalisePunctuation(parts.join('')).text;
          expect(normalisePunctuation(once)).toEqual({ text: once, changes: [] });
          expect(encodingOf(once)).toBe('GSM-7');
        },
      ),
    );
  });
});

describe('USSD screens', () => {
  it('fit 182 GSM-7 characters or 80 UCS-2 characters', () => {
    expect(measureUssdScreen('a'.repeat(182))).toMatchObject({ fits: true, limit: 182 });
    expect(measureUssdScreen('a'.repeat(183)).fits).toBe(false);
    expect(measureUssdScreen('[]'.repeat(46)).fits).toBe(false); // 92 characters, 184 septets
    expect(measureUssdScreen('ê'.repeat(80))).toMatchObject({ encoding: 'UCS-2', fits: true, limit: 80 });
    expect(measureUssdScreen('ê'.repeat(81)).fits).toBe(false);
  });
});
