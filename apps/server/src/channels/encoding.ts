// How a text travels as SMS or USSD: GSM-7 (3GPP TS 23.038 basic table + extension table) when every
// character is in those tables, UCS-2 otherwise. One character outside them (a curly apostrophe, an
// Afrikaans ê, any Devanagari) halves the space per SMS, so authors see this before they send.

// The basic table in code order 0x00–0x7F, without 0x1B (the escape to the extension table).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Reached through the escape, so each costs two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type Encoding = 'GSM-7' | 'UCS-2';

export const SMS_LIMITS = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const;

/** USSD screens: 182 GSM-7 characters (160 octets), 80 in UCS-2. */
export const USSD_LIMITS = { 'GSM-7': 182, 'UCS-2': 80 } as const;

export interface TextMeasure {
  encoding: Encoding;
  /** Characters as people count them (code points). */
  characters: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** SMS segments the text is billed as; 0 for an empty text. */
  segments: number;
  /** Units per segment at this length: 160/70 for one SMS, 153/67 once it is split. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  nonGsm: string[];
}

const gsmCost = (character: string): 1 | 2 | 0 =>
  GSM_BASIC.has(character) ? 1 : GSM_EXTENSION.has(character) ? 2 : 0;

export function encodingOf(text: string): Encoding {
  for (const character of text) if (gsmCost(character) === 0) return 'UCS-2';
  return 'GSM-7';
}

function costOf(character: string, encoding: Encoding): number {
  return encoding === 'GSM-7' ? gsmCost(character) : character.length;
}

/**
 * The text cut into the segments a phone network carries. An escape pair (GSM-7) or a surrogate
 * pair (UCS-2, e.g. an emoji) is never split between two segments, so a segment may end short.
 */
export function segmentsOf(text: string): string[] {
  if (text === '') return [];
  const encoding = encodingOf(text);
  const limits = SMS_LIMITS[encoding];
  let total = 0;
  for (const character of text) total += costOf(character, encoding);
  if (total <= limits.single) return [text];
  const segments: string[] = [];
  let current = '';
  let used = 0;
  for (const character of text) {
    const cost = costOf(character, encoding);
    if (used + cost > limits.multipart) {
      segments.push(current);
      current = '';
      used = 0;
    }
    current += character;
    used += cost;
  }
  segments.push(current);
  return segments;
}

export function measureText(text: string): TextMeasure {
  const encoding = encodingOf(text);
  const nonGsm: string[] = [];
  let characters = 0;
  let units = 0;
  for (const character of text) {
    characters += 1;
    units += costOf(character, encoding);
    if (encoding === 'UCS-2' && gsmCost(character) === 0 && !nonGsm.includes(character))
      nonGsm.push(character);
  }
  const segments = segmentsOf(text);
  const limits = SMS_LIMITS[encoding];
  const perSegment = segments.length > 1 ? limits.multipart : limits.single;
  const last = segments.at(-1) ?? '';
  let lastUnits = 0;
  for (const character of last) lastUnits += costOf(character, encoding);
  return {
    encoding,
    characters,
    units,
    segments: segments.length,
    perSegment,
    remaining: perSegment - lastUnits,
    nonGsm,
  };
}

export interface UssdScreenMeasure {
  encoding: Encoding;
  units: number;
  limit: number;
  fits: boolean;
}

export function measureUssdScreen(text: string): UssdScreenMeasure {
  const { encoding, units } = measureText(text);
  const limit = USSD_LIMITS[encoding];
  return { encoding, units, limit, fits: units <= limit };
}

// Typographic characters that word processors put in and that have a plain GSM-7 equivalent.
// Letters are never changed here (ê stays ê): transliteration changes meaning and is a separate,
// explicit choice of the author.
const PUNCTUATION: ReadonlyArray<readonly [string, string]> = [
  ['\u2018', "'"], // left single quotation mark
  ['\u2019', "'"], // right single quotation mark, the usual apostrophe of word processors
  ['\u201A', "'"],
  ['\u201B', "'"],
  ['\u2032', "'"], // prime
  ['\u00B4', "'"], // acute accent used as an apostrophe
  ['\u0060', "'"], // grave accent (backtick) is not in GSM-7
  ['\u2039', "'"],
  ['\u203A', "'"],
  ['\u201C', '"'],
  ['\u201D', '"'],
  ['\u201E', '"'],
  ['\u201F', '"'],
  ['\u2033', '"'],
  ['\u00AB', '"'],
  ['\u00BB', '"'],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'], // en dash
  ['\u2014', '-'], // em dash
  ['\u2015', '-'],
  ['\u2212', '-'], // minus sign
  ['\u2022', '-'], // bullet
  ['\u2026', '...'],
  ['\u00A0', ' '], // no-break space
  ['\u2002', ' '],
  ['\u2003', ' '],
  ['\u2007', ' '],
  ['\u2009', ' '],
  ['\u200A', ' '],
  ['\u202F', ' '],
  ['\t', ' '],
  ['\u200B', ''], // zero-width space
  ['\u2060', ''],
  ['\uFEFF', ''], // byte-order mark pasted from documents
  ['\u00AD', ''], // soft hyphen
];
const PUNCTUATION_MAP = new Map(PUNCTUATION);

export interface PunctuationChange {
  from: string;
  to: string;
  count: number;
}

/** Replaces smart punctuation by its GSM-7 equivalent and says what it changed. Idempotent. */
export function normalisePunctuation(text: string): { text: string; changes: PunctuationChange[] } {
  const counts = new Map<string, number>();
  let out = '';
  for (const character of text) {
    const replacement = PUNCTUATION_MAP.get(character);
    if (replacement === undefined) {
      out += character;
    } else {
      out += replacement;
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
  }
  const changes = [...counts].map(([from, count]) => ({ from, to: PUNCTUATION_MAP.get(from)!, count }));
  return { text: out, changes };
}

export interface PreparedText {
  text: string;
  measure: TextMeasure;
  changes: PunctuationChange[];
}

/** The text as it will be sent: normalised only when the author allowed it. */
export function prepareText(text: string, options: { normalise: boolean }): PreparedText {
  if (!options.normalise) return { text, measure: measureText(text), changes: [] };
  const normalised = normalisePunctuation(text);
  return { text: normalised.text, measure: measureText(normalised.text), changes: normalised.changes };
}
