import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionArity } from './catalog.ts';
import {
  type ExpressionError,
  evaluate,
  functionsUsed,
  KNOWN_UNSUPPORTED_FUNCTIONS,
  parseExpression,
  referencedNames,
  SUPPORTED_FUNCTIONS,
} from './index.ts';

const REQUIRED =
  `if selected count-selected selected-at jr:choice-name concat coalesce regex contains starts-with
  ends-with substr substring-before substring-after string-length normalize-space translate string number int round
  boolean true false sum count max min position indexed-repeat once today now date decimal-date-time format-date
  uuid pow abs sqrt exp log sin cos tan asin acos atan pi`.split(/\s+/);

describe('public API', () => {
  it('supports every function XLSForm authors rely on', () => {
    for (const name of REQUIRED) expect(SUPPORTED_FUNCTIONS.has(name), name).toBe(true);
  });

  it('has an implementation behind every supported function', () => {
    const ctx = {
      resolve: () => '',
      position: () => 1,
      indexedRepeat: () => '',
      currentValue: () => '',
      now: () => new Date(0),
    };
    for (const name of SUPPORTED_FUNCTIONS) {
      const [min] = functionArity(name)!;
      const args =
        name === 'indexed-repeat' ? '${a}, ${b}, 1' : Array.from({ length: min }, () => '1').join(', ');
      try {
        evaluate(parseExpression(`${name}(${args})`), ctx);
      } catch (error) {
        expect((error as ExpressionError).code, name).not.toBe('expr.unsupported_function');
      }
    }
  });

  it('keeps supported and merely recognised functions apart', () => {
    for (const name of KNOWN_UNSUPPORTED_FUNCTIONS) expect(SUPPORTED_FUNCTIONS.has(name), name).toBe(false);
  });

  it('exposes references and functions of an expression', () => {
    const node = parseExpression("if(selected(${a}, 'x'), jr:choice-name(${b}, '${b}'), ${a})");
    expect(referencedNames(node)).toEqual(['a', 'b']);
    expect(functionsUsed(node)).toEqual(['if', 'selected', 'jr:choice-name']);
  });

  it('never uses eval or new Function (the web app CSP forbids them)', () => {
    const roots = [import.meta.dirname, join(import.meta.dirname, '..', 'engine')];
    const files = roots.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => join(root, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(/\beval\s*\(|new\s+Function\b/.test(source), file).toBe(false);
    }
  });
});
