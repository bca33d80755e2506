import type { Settings } from '../model.ts';
import type { RawSheet } from './sheets.ts';

const SMART_QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' };

/**
 * pyxform's clean_text_values on every cell of the sheets it interprets: typographic quotes
 * (‘ ’ “ ”, which word processors put in) become plain ones, so `selected(., ‘yes’)` is an
 * expression again; on the survey sheet runs of spaces also become one, unless the setting
 * clean_text_values is no.
 */
export function cleanSheet(sheet: RawSheet, collapseSpaces: boolean): RawSheet {
  const clean = (text: string) => {
    const plain = text.replace(/[\u2018\u2019\u201c\u201d]/g, (q) => SMART_QUOTES[q]!);
    return collapseSpaces ? plain.replace(/ {2,}/g, ' ') : plain;
  };
  return {
    ...sheet,
    rows: sheet.rows.map(({ row, cells }) => ({
      row,
      cells: new Map([...cells].map(([col, text]) => [col, clean(text)])),
    })),
  };
}

/** A setting kept in `settings.extra`, by its header in any case. */
export function settingValue(settings: Settings, key: string): string | undefined {
  return Object.entries(settings.extra).find(([k]) => k.trim().toLowerCase() === key)?.[1];
}
