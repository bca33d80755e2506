import { describe, expect, it } from 'vitest';
import { functionsUsed, lastSavedNames, referencedNames, unsupportedFunctionsUsed } from './analyze.ts';
import { ExpressionError } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { printExpression } from './print.ts';

function errorOf(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to fail`);
}

describe('parseExpression', () => {
  it('keeps source offsets on every node', () => {
    const node = parseExpression("${a} + if(${b}, 'x', 2)");
    expect(node).toMatchObject({ kind: 'binary', op: '+', start: 0, end: 23 });
    if (node.kind !== 'binary') throw new Error('binary expected');
    expect(node.left).toMatchObject({ kind: 'ref', name: 'a', start: 0, end: 4 });
    expect(node.right).toMatchObject({ kind: 'call', name: 'if', start: 7, end: 23 });
  });

  it.each([
    ['1 + 2 * 3', '1 + 2 * 3'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['1 - (2 - 3)', '1 - (2 - 3)'],
    ['1 - 2 - 3', '1 - 2 - 3'],
    ['${a} or ${b} and ${c}', '${a} or ${b} and ${c}'],
    ['(${a} or ${b}) and ${c}', '(${a} or ${b}) and ${c}'],
    ['${a}=1 and ${b}!=2', '${a} = 1 and ${b} != 2'],
    ['1 < 2 = true()', '1 < 2 = true()'],
    ['- - 3', '--3'],
    ['6 div 2 mod 4', '6 div 2 mod 4'],
    ['"it\'s"', '"it\'s"'],
    ['.5 + 1.', '0.5 + 1'],
    ['position(..)', 'position(..)'],
    ['. >= 18', '. >= 18'],
    ["instance('c')/root/item[state = ${s}]", "instance('c')/root/item[state = ${s}]"],
    ['/data/a | ../b', '/data/a | ../b'],
    ['//x', '/descendant-or-self::node()/x'],
    ['@id', '@id'],
    ['child::a/text()', 'a/text()'],
    ['${r}[2]', '${r}[2]'],
    ['jr:choice-name(${x}, "${x}")', "jr:choice-name(${x}, '${x}')"],
  ])('parses %s', (source, printed) => {
    expect(printExpression(parseExpression(source))).toBe(printed);
  });

  it('prints text holding both quote kinds as a concat() that evaluates to it', () => {
    const text = printExpression({ kind: 'string', value: `it's "x"`, start: 0, end: 0 });
    expect(text).toBe(`concat('it', "'", 's "x"')`);
    expect(evaluate(parseExpression(text), { resolve: () => '' })).toBe(`it's "x"`);
  });

  it('treats div/mod/and/or as names where an operand is expected', () => {
    const node = parseExpression('div div mod');
    expect(node).toMatchObject({
      kind: 'binary',
      op: 'div',
      left: { kind: 'path' },
      right: { kind: 'path' },
    });
  });

  it('reads ${last-saved#name} as a reference to the last saved record, not a dependency', () => {
    const node = parseExpression('${last-saved#a} + ${b}');
    expect(node).toMatchObject({ kind: 'binary', left: { kind: 'ref', name: 'a', lastSaved: true } });
    expect(referencedNames(node)).toEqual(['b']);
    expect(lastSavedNames(node)).toEqual(['a']);
    expect(printExpression(node)).toBe('${last-saved#a} + ${b}');
    const ctx = { resolve: () => 2, resolveLastSaved: (name: string) => (name === 'a' ? 40 : '') };
    expect(evaluate(node, ctx)).toBe(42);
    expect(evaluate(node, { resolve: () => 2 })).toBeNaN();
  });

  it('reads hyphenated and prefixed function names', () => {
    expect(
      functionsUsed(parseExpression("count-selected(${x}) + string-length(jr:choice-name(${x}, '${x}'))")),
    ).toEqual(['count-selected', 'string-length', 'jr:choice-name']);
  });
});

describe('parse errors', () => {
  it.each([
    ['1 + )', 'expr.unexpected_token', 4, "unexpected ')'"],
    ['if(1, 2', 'expr.unexpected_end', 7, 'unexpected end'],
    ["concat('a", 'expr.unterminated_string', 7, 'missing closing'],
    ['${a', 'expr.unterminated_reference', 0, "missing '}'"],
    ['${a b}', 'expr.invalid_character', 2, 'invalid field name'],
    ['1 # 2', 'expr.invalid_character', 2, "unexpected character '#'"],
    ['foo(1)', 'expr.unknown_function', 0, "unknown function 'foo'"],
    ['1 + bar:baz()', 'expr.unknown_function', 4, "unknown function 'bar:baz'"],
    ['if(1, 2)', 'expr.wrong_argument_count', 0, 'takes 3 argument'],
    ['${a} ${b}', 'expr.unexpected_token', 5, 'unexpected'],
    ['', 'expr.unexpected_end', 0, 'unexpected end'],
    ['(1', 'expr.unexpected_end', 2, "expected ')'"],
    ['a[1', 'expr.unexpected_end', 3, "expected ']'"],
    ['foo::bar', 'expr.unexpected_token', 0, "unknown axis 'foo'"],
  ])('%s → %s at %i', (source, code, position, message) => {
    const error = errorOf(source);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message).toContain(message);
  });

  it('refuses absurd nesting with an ExpressionError instead of overflowing the stack', () => {
    expect(errorOf('('.repeat(5000)).code).toBe('expr.too_complex');
    expect(errorOf(`1${' + 1'.repeat(5000)}`).code).toBe('expr.too_complex');
    expect(errorOf('-'.repeat(5000)).code).toBe('expr.too_complex');
  });
});

describe('analysis', () => {
  it('lists references in order without duplicates', () => {
    const node = parseExpression('${b} + ${a} * ${b} + count(${r}[${a} > 1])');
    expect(referencedNames(node)).toEqual(['b', 'a', 'r']);
  });

  it('does not treat ${…} inside string literals as references', () => {
    expect(referencedNames(parseExpression("jr:choice-name(${x}, '${y}')"))).toEqual(['x']);
  });

  it('recognises known ODK functions it cannot evaluate', () => {
    const node = parseExpression(
      "pulldata('f', 'c', 'k', ${k}) + random() + area(${g}) + digest(${x}, 'SHA-1') + count-non-empty(${r}) + " +
        "atan2(1, 2) + join(' ', ${r}) + boolean-from-string(${b}) + exp10(1) + log10(1) + " +
        "count(instance('l')/root/item[name = current()/../x])",
    );
    expect(unsupportedFunctionsUsed(node)).toEqual([
      'pulldata',
      'random',
      'area',
      'digest',
      'count-non-empty',
      'atan2',
      'join',
      'boolean-from-string',
      'exp10',
      'log10',
      'instance',
      'current',
    ]);
  });
});
