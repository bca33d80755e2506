import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as constants from './constants.ts';
import { endpoints } from './endpoints.ts';
import * as everything from './index.ts';
import { routes } from './routes.ts';

describe('zod-free subpath exports', () => {
  it('route table has every endpoint with its method and path (else run npm run contract:routes)', () => {
    const fromRegistry = Object.fromEntries(
      Object.entries(endpoints).map(([id, { method, path }]) => [id, [method, path]]),
    );
    expect(routes).toEqual(fromRegistry);
  });

  it('constants are the very values the schemas use', () => {
    const fromIndex: Record<string, unknown> = { ...everything };
    for (const [name, value] of Object.entries(constants)) expect(fromIndex[name], name).toBe(value);
  });
});

describe('the subpath modules', () => {
  // Follows value imports (not `import type`, which the bundler drops) from each entry point.
  function valueImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const target = match[1]!;
      if (target.startsWith('.')) valueImports(fileURLToPath(new URL(target, pathToFileURL(file))), seen);
      else seen.add(target);
    }
    return seen;
  }

  it('reach no zod', () => {
    for (const entry of ['./constants.ts', './routes.ts']) {
      const reached = valueImports(fileURLToPath(new URL(entry, import.meta.url)));
      expect(
        [...reached].filter((name) => !name.startsWith('/')),
        entry,
      ).toEqual([]);
      expect(reached.size, entry).toBeGreaterThan(0);
    }
  });

  it('the import follower sees zod where it is', () => {
    const reached = valueImports(fileURLToPath(new URL('./people.ts', import.meta.url)));
    expect(reached.has('zod')).toBe(true);
  });
});
