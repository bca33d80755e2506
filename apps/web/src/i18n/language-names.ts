// Languages are shown by their own name in their own script (isiZulu, हिन्दी), whatever the
// interface language, so that each person finds theirs; never as a code like "zu".

/** Our users' commonest languages, spelt as their speakers write them. */
const ownNames: Record<string, string> = {
  zu: 'isiZulu',
  xh: 'isiXhosa',
  hi: 'हिन्दी',
  mr: 'मराठी',
  en: 'English',
};

/** Languages that may be typed by name (South Africa's official ones, India's commonest, a few more). */
const nameable = [
  ...Object.keys(ownNames),
  ...['af', 'nr', 'nso', 'st', 'tn', 'ss', 've', 'ts', 'sw', 'sn', 'ny', 'so', 'pt', 'fr', 'ar'],
  ...['bn', 'te', 'ta', 'gu', 'ur', 'kn', 'ml', 'or', 'pa', 'as', 'ne', 'kok', 'sd'],
];

function displayName(code: string, inLanguage: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined; // not a well-formed tag
  }
}

/** A language's own name (its endonym), else its English name, else the code as a last resort. */
export function languageName(code: string): string {
  const base = code.toLowerCase();
  return ownNames[base] ?? displayName(code, code) ?? displayName(code, 'en') ?? code;
}

/**
 * The code for what someone typed: a code as it is, or a language's name in its own language, in
 * English or in the interface language ("Sesotho", "Southern Sotho" → st). Undefined if unknown.
 */
export function languageCodeFor(typed: string, locale: string): string | undefined {
  const text = typed.trim().toLowerCase();
  if (!text) return undefined;
  for (const code of nameable) {
    const names = [languageName(code), displayName(code, 'en'), displayName(code, locale)];
    if (names.some((n) => n?.toLowerCase() === text)) return code;
  }
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(text) ? text : undefined;
}
