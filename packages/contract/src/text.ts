import { z } from 'zod';

/**
 * Text rules, in one place. Every string a request carries is checked by `findBadText` (the
 * server runs it on every body, query and path before validation): no NUL, which PostgreSQL
 * cannot store, and no lone surrogate halves, which SQLite would store as invalid UTF-8. Names
 * (of people, workspaces, tokens, files) also refuse bidirectional controls, which make a name
 * display as something else (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C).
 * Everything is normalised to NFC, so one name typed on two phones is one name.
 */
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
const lineBreaks = /[\r\n\u2028\u2029]/;

export type TextProblem = 'nul' | 'lone_surrogate' | 'control';

/** Why a string cannot be stored at all, or null. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  if (lone.test(value)) return 'lone_surrogate';
  if (hasControl(value)) return 'control';
  return null;
}

export const textProblemMessages: Record<TextProblem, string> = {
  nul: 'contains a NUL character',
  lone_surrogate: 'contains half of a character (a lone surrogate)',
  control: 'contains an invisible control character',
};

const asciiOnly = /^\p{ASCII}*$/u;

/**
 * Walks a parsed JSON value (without recursion, so deep input cannot overflow the stack), returns
 * the path of the first string that cannot be stored, and normalises every other string to NFC in
 * place. Keys are checked as well as values.
 */
export function findBadText(root: unknown, rootPath: string): { path: string; problem: TextProblem } | null {
  // Each pending value knows its parent; a path is spelled out only for the one that is bad (a
  // submission has hundreds of strings, and building every path was most of the walk's cost).
  type Pending = { holder: Record<string | number, unknown>; key: string | number; parent: Pending | null };
  const pathOf = (at: Pending | null, name?: string): string => {
    const parts: string[] = name === undefined ? [] : [name];
    for (let node = at; node?.parent; node = node.parent) parts.push(String(node.key));
    return [rootPath, ...parts.reverse()].join('.');
  };
  const pending: Pending[] = [{ holder: { value: root }, key: 'value', parent: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { holder, key } = next;
    const value = holder[key];
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path: pathOf(next), problem };
      // ASCII is already NFC; normalising a 12 MB base64 upload would hold the event loop ~150 ms.
      if (asciiOnly.test(value)) continue;
      const normal = value.normalize('NFC');
      if (normal !== value) holder[key] = normal;
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++)
        pending.push({ holder: value as unknown as Record<number, unknown>, key: index, parent: next });
    } else if (value !== null && typeof value === 'object') {
      for (const name of Object.keys(value)) {
        const problem = textProblem(name);
        if (problem) return { path: pathOf(next, name.replace(/[^\x20-\x7E]/g, '?')), problem };
        pending.push({ holder: value as Record<string, unknown>, key: name, parent: next });
      }
    }
  }
  return null;
}

/** A name shown to people: one line, no bidi controls, trimmed, NFC, 1 to `max` characters. */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !bidiControls.test(value), {
      message: 'contains a direction control that changes how it displays',
      params: { code: 'text.bidi_control' },
    })
    .refine((value) => !lineBreaks.test(value), {
      message: 'must be one line',
      params: { code: 'text.line_break' },
    });

const reservedDeviceNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name safe on every system we write to or people download to: no folders, not `.` or
 * `..`, no Windows device names (CON, NUL, COM1…), no trailing dot or space, no control or bidi
 * characters, at most `max` characters.
 */
export const fileNameText = (max: number) =>
  nameText(max)
    .refine((value) => !/[/\\:*?"<>|]/.test(value), {
      message: 'a file name without folders or / \\ : * ? " < > |',
      params: { code: 'file_name.separator' },
    })
    .refine((value) => value !== '.' && value !== '..', {
      message: 'not a file name',
      params: { code: 'file_name.dots' },
    })
    .refine((value) => !reservedDeviceNames.test(value), {
      message: 'a name Windows keeps for devices (CON, NUL, COM1…)',
      params: { code: 'file_name.reserved' },
    })
    .refine((value) => !/[. ]$/.test(value), {
      message: 'ends in a dot or a space',
      params: { code: 'file_name.trailing' },
    });
