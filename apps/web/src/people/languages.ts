/** Languages our users speak most, offered as tick boxes; others are typed by name or code. */
export const commonLanguages = ['zu', 'xh', 'hi', 'mr', 'en'] as const;

import { languageCodeFor } from '../i18n/language-names.ts';

export { languageName } from '../i18n/language-names.ts';

/**
 * Codes for the typed languages, by name or code, separated by commas ("Sesotho, tn"); a piece
 * that is no name is read as several codes ("st tn"). What is not known goes to the server as
 * typed, which names it in its refusal.
 */
export function typedLanguages(text: string, locale: string): string[] {
  return text
    .split(/[,،、;]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .flatMap((piece) => {
      const whole = languageCodeFor(piece, locale);
      if (whole) return [whole];
      return piece.split(/\s+/).map((word) => languageCodeFor(word, locale) ?? word);
    });
}
