// Every word people see comes from the catalogues. This catches the usual slip: text typed straight
// into JSX, or into an aria-label, placeholder, title or alt attribute.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A string, not new URL(): happy-dom replaces the URL class, which node's fileURLToPath refuses.
const src = `${dirname(dirname(fileURLToPath(import.meta.url)))}/`;
// The foundation's screens; other areas run the same check in their own tests when they adopt it.
const areas = [
  'account',
  'audit',
  'auth',
  'members',
  'people',
  'settlements',
  'setup',
  'ui',
  'workspaces',
  'app.tsx',
];

function files(path: string): string[] {
  const full = join(src, path);
  if (path.endsWith('.tsx')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(path, entry.name))
      : entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') // tests are no screen
        ? [join(full, entry.name)]
        : [],
  );
}

describe('no hard-coded text', () => {
  it('the screens take every visible string from the catalogues', () => {
    const found: string[] = [];
    for (const file of areas.flatMap(files)) {
      const text = readFileSync(file, 'utf8');
      // Words between a closing > and the next < or {, outside code.
      for (const match of text.matchAll(/(?<!=)>\s*([A-Za-z][A-Za-z ,.'!?-]{2,})\s*[<{]/g)) {
        found.push(`${file.slice(src.length)}: ${match[1]}`);
      }
      for (const match of text.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]+)"/g)) {
        found.push(`${file.slice(src.length)}: ${match[1]}="${match[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
