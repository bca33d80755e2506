// The phone's bundles never carry zod: screens import only types from the contract's index, and
// values from its zod-free subpaths (`@coproduce/contract/constants`, `/routes`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest runs from the repository root (happy-dom's URL cannot read file: URLs).
const root = join(process.cwd(), 'apps', 'web', 'src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')
        ? [join(dir, entry.name)]
        : [],
  );

describe('contract imports in the web app', () => {
  it('takes only types from the contract index, so no screen pulls zod into its chunk', () => {
    const offenders: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@coproduce\/contract'/g)) {
        if (match[1]) continue;
        const values = match[2]!
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name && !name.startsWith('type '));
        if (values.length) offenders.push(`${file.slice(root.length)}: ${values.join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
