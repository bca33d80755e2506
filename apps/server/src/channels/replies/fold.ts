// Replies compared as people mean them: case, full-width forms, Latin diacritics and surrounding
// punctuation do not count. Only the combining marks of the Latin block are dropped, so Devanagari
// vowel signs (which are marks too) stay and "रुको" is not turned into another word.

const LATIN_MARKS = /[\u0300-\u036f]/g;
// Digits of the scripts our residents write in, read as numbers.
const DEVANAGARI_DIGITS = /[\u0966-\u096f]/g;

export function foldReply(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(DEVANAGARI_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x0966))
    .trim();
}

/** The words of a folded reply: letters, marks and digits; apostrophes only inside a word. */
export function wordsOf(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{M}\p{N}'’]+/u)
    .map((word) => word.replace(/^['’]+|['’]+$/g, ''))
    .filter(Boolean);
}

/** A phrase as a list of folded words, for comparing replies word by word. */
export const phraseWords = (phrase: string): string[] => wordsOf(foldReply(phrase));
