/**
 * The search key of a name: compatibility-decomposed, Latin/Greek/Cyrillic accents removed,
 * lower-cased, spaces collapsed. Computed in code so SQLite and PostgreSQL match the same way.
 * Only the combining *diacritic* blocks are stripped: Devanagari vowel signs are combining marks
 * too, and removing them would make different Hindi or Marathi names collide.
 */
const diacritics = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(diacritics, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A LIKE pattern matching the key anywhere, with LIKE's own wildcards escaped (ESCAPE '\'). */
export function containsPattern(query: string): string {
  return `%${nameKey(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
