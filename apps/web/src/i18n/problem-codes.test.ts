// Every problem code the server can send is worded in the web's catalogues (`problem.<code>`,
// looked up by problemMessage in ui/forms.tsx), so that no screen falls back to the server's English.
// The codes are read from the server's source: the contract's list, and every literal given to
// `new AppError(` (a code added in a new domain fails here until it has its sentence).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemCodes } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import en from './en.json';

// happy-dom's URL cannot resolve file: URLs, so the path is built from this file's own.
const serverSource = join(dirname(fileURLToPath(import.meta.url)), '../../../server/src');

/** The quoted codes in the first argument of each `new AppError(…)`, e.g. both sides of a `? :`. */
export function codesThrownIn(source: string): string[] {
  const codes: string[] = [];
  for (const call of source.matchAll(/new AppError\(\s*([^,]*),/g)) {
    for (const literal of call[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)) codes.push(literal[1]!);
  }
  return codes;
}

function serverCodes(): Map<string, string> {
  const where = new Map<string, string>();
  for (const file of readdirSync(serverSource, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.split(/[\\/]/).includes('test')) continue;
    for (const code of codesThrownIn(readFileSync(join(serverSource, file), 'utf8'))) where.set(code, file);
  }
  return where;
}

describe('problem codes the server sends', () => {
  it('reads the codes from AppError calls, including both sides of a choice', () => {
    const source = `throw new AppError(\n  publish ? 'form.publish.invalid' : 'form.model.invalid',\n  400);
      new AppError('server.busy', 503); new AppError(problem?.code ?? 'request.invalid', 400);`;
    expect(codesThrownIn(source)).toEqual([
      'form.publish.invalid',
      'form.model.invalid',
      'server.busy',
      'request.invalid',
    ]);
  });

  it('finds the import budget codes among them (the scan reaches every domain)', () => {
    const codes = serverCodes();
    for (const code of ['form.import.busy', 'server.busy', 'form.import.too_large', 'form.import.too_slow'])
      expect(codes.has(code), code).toBe(true);
    expect(codes.size).toBeGreaterThan(40);
  });

  it('has a sentence in the catalogue for every one', () => {
    const lacking = [...serverCodes()]
      .filter(([code]) => !(`problem.${code}` in en))
      .map(([code, file]) => `${code} (${file})`);
    const contractLacking = problemCodes.filter((code) => !(`problem.${code}` in en));
    expect(lacking).toEqual([]);
    expect(contractLacking).toEqual([]);
  });
});
