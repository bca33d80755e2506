import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors.ts';
import { run } from './test-helpers.ts';

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['1 div 0', Number.POSITIVE_INFINITY],
    ['-1 div 0', Number.NEGATIVE_INFINITY],
    ['- 2 - -3', 1],
    ['"3" + 1', 4],
    ["'' + 1", Number.NaN],
    ["'abc' * 1", Number.NaN],
    ['true() + 1', 2],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ["'10' < '9'", false], // relational comparisons are numeric in XPath 1.0
    ["'abc' = 'abc'", true],
    ["'1.0' = 1", true],
    ["'1.0' = '1'", false],
    ['1 = true()', true],
    ["'' = 0", false],
    ["'a' != 'b'", true],
    ['${empty} = 0', false],
    ['${empty} > 0', false],
    ['${empty} < 0', false],
    ["${empty} = ''", true],
    ['${ages} = 30', true], // existential comparison with a node-set
    ['${ages} != 30', true],
    ['${ages} > 40', false],
    ['${ages} = ${others}', true],
    ["${none} = ''", false],
    ['${none} = false()', true],
    ["'2020-01-02' > '2020-01-01'", true], // dates compare as day numbers
    ["'2020-01-01T10:00:00' < '2020-01-01T11:00:00'", true], // same day, still ordered
    ["'2020-01-01T10:00:00+02:00' < '2020-01-01T09:00:00Z'", true],
    ["'2020-01-01' < '2020-01-01T00:00:01'", true],
    ["'09:30:00.000' < '10:15'", true], // time answers
    ["'23:00' > '10:15:00'", true],
  ])('%s is %s', (text, expected) => {
    expect(run(text, { ages: ['10', '30'], others: ['30', '50'], none: [] })).toBe(expected);
  });

  it('short-circuits and/or and evaluates only the chosen if() branch', () => {
    let calls = 0;
    const resolve = (name: string): string => {
      calls++;
      return name;
    };
    expect(run("false() and ${x} = 'x'", {}, { resolve })).toBe(false);
    expect(run("true() or ${x} = 'x'", {}, { resolve })).toBe(true);
    expect(run("if(true(), 'a', ${x})", {}, { resolve })).toBe('a');
    expect(calls).toBe(0);
  });

  it('unions node-sets', () => {
    expect(run('count(${a} | ${b})', { a: ['1', '2'], b: ['3'] })).toBe(3);
  });

  it('filters node-sets by position and by test', () => {
    expect(run('${ages}[2]', { ages: ['1', '2', '3'] })).toEqual(['2']);
    expect(run('sum(${ages}[. > 1])', { ages: ['1', '2', '3'] })).toBe(5);
  });
});

describe('select functions', () => {
  it.each([
    ["selected('a b c', 'b')", true],
    ["selected('a b c', ' b ')", true],
    ["selected('ab c', 'b')", false],
    ["selected('', 'b')", false],
    ["count-selected('a  b c')", 3],
    ["count-selected('')", 0],
    ["selected-at('a b c', 0)", 'a'],
    ["selected-at('a b c', 2)", 'c'],
    ["selected-at('a b c', 3)", ''],
    ["selected-at('a b c', 1.7)", 'b'],
    ["selected-at('a b c', -1)", ''],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('looks up choice labels in the current language', () => {
    const choiceLabel = (field: string, name: string, lang?: string): string | undefined =>
      field === 'x' && name === 'y' ? `Yes (${lang})` : undefined;
    expect(run("jr:choice-name(${x}, '${x}')", { x: 'y' }, { choiceLabel, language: 'zu' })).toBe('Yes (zu)');
    expect(run("jr:choice-name('n', '${x}')", {}, { choiceLabel })).toBe('');
    expect(run("jr:choice-name('y', '/data/x')", {}, { choiceLabel, language: 'en' })).toBe('Yes (en)');
  });
});

describe('string functions', () => {
  it.each([
    ["concat('a', 1, true(), ${r})", 'a1truexy'],
    ['concat()', ''],
    ["coalesce('', 'b')", 'b'],
    ["coalesce('a', 'b')", 'a'],
    ['coalesce(0 div 0, 5)', 5],
    ['coalesce(3, 5)', 3],
    ["regex('abc123', '^[a-z]+[0-9]+$')", true],
    ["regex('abc', '[0-9]')", false],
    ["regex('x1', '[0-9]')", false], // the whole value must match, like Java's Pattern.matches()
    ["regex('x1', '.*[0-9]')", true],
    ["regex('ab', 'a|ab')", true],
    ["contains('hello', 'ell')", true],
    ["starts-with('hello', 'he')", true],
    ["ends-with('hello', 'lo')", true],
    ["ends-with('hello', 'he')", false],
    ["substr('hello', 1, 3)", 'el'],
    ["substr('hello', 2)", 'llo'],
    ["substr('hello', 3, 100)", 'lo'],
    ["substr('hello', 4, 2)", ''],
    ["substr('hello', -3)", 'llo'],
    ["substr('hello', 0, -1)", 'hell'],
    ["substring('12345', 2, 3)", '234'],
    ["substring('12345', 1.5, 2.6)", '234'],
    ["substring('12345', 0, 3)", '12'],
    ["substring('12345', 0 div 0, 3)", ''],
    ["substring-before('1999/04/01', '/')", '1999'],
    ["substring-after('1999/04/01', '/')", '04/01'],
    ["substring-after('abc', 'x')", ''],
    ["string-length('नमस्ते')", 6],
    ["string-length('')", 0],
    ["normalize-space('  a \t b  ')", 'a b'],
    ["translate('bar', 'abc', 'ABC')", 'BAr'],
    ["translate('--aaa--', 'abc-', 'ABC')", 'AAA'],
    ['string(1.50)', '1.5'],
    ['string(1 div 0)', 'Infinity'],
    ['string(0 div 0)', 'NaN'],
    ['string(1000000 * 1000000 * 1000000 * 1000000)', '1000000000000000000000000'],
    ['string(0.0000001)', '0.0000001'],
    ['string(-0)', '0'],
    ['string(true())', 'true'],
    ['string(${r})', 'x'],
  ])('%s = %s', (text, expected) => {
    expect(run(text, { r: ['x', 'y'] })).toBe(expected);
  });

  it('uses the current value when called without an argument', () => {
    expect(run('string-length() > 2', {}, { currentValue: () => 'abc' })).toBe(true);
  });

  it('reports an invalid pattern', () => {
    expect(() => run("regex('a', '(')")).toThrow(ExpressionError);
  });
});

describe('number functions', () => {
  it.each([
    ["number('')", Number.NaN],
    ["number(' 12.5 ')", 12.5],
    ["number('1e3')", Number.NaN],
    ["number('-.5')", -0.5],
    ["number('1,5')", 1.5], // JavaRosa reads a decimal comma
    ["number('+1')", Number.NaN],
    ["number('2020-01-02T18:00:00')", 18263], // whole days, as JavaRosa numbers dates
    ['boolean(0.0000000000001)', false],
    ['number(true())', 1],
    ['int(3.9)', 3],
    ['int(-3.9)', -3],
    ["int('')", Number.NaN],
    ['round(2.5)', 3],
    ['round(-2.5)', -2], // JavaRosa: ties go toward +∞ (HALF_DOWN for negatives)
    ['round(-2.6)', -3],
    ['round(-1.005, 2)', -1],
    ['round(-35, -1)', -30],
    ['round(1, 31)', Number.NaN],
    ['round(2.4)', 2],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5678, 2)', 1234.57],
    ['round(1250, -2)', 1300],
    ["round('', 2)", Number.NaN],
    ["boolean('')", false],
    ["boolean('false')", true],
    ['boolean(0)', false],
    ['boolean(0 div 0)', false],
    ['not(1)', false],
    ['true()', true],
    ['false()', false],
    ['pow(2, 10)', 1024],
    ['abs(-3)', 3],
    ['sqrt(16)', 4],
    ['exp(0)', 1],
    ['log(1)', 0],
    ['sin(0)', 0],
    ['cos(0)', 1],
    ['tan(0)', 0],
    ['asin(1)', Math.PI / 2],
    ['acos(1)', 0],
    ['atan(1)', Math.PI / 4],
    ['pi()', Math.PI],
    ['floor(-1.5)', -2],
    ['ceiling(1.2)', 2],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe('node-set functions', () => {
  const fields = { ages: ['10', '20', '5'], blank: ['1', ''], single: '7', none: [] };
  it.each([
    ['sum(${ages})', 35],
    ['sum(${none})', 0],
    ['sum(${blank})', 1], // JavaRosa skips blanks
    ['sum(${single})', 7],
    ['count(${ages})', 3],
    ['count(${none})', 0],
    ['max(${ages})', 20],
    ['min(${ages})', 5],
    ['max(${none})', Number.NaN],
    ['max(${blank})', 1], // blanks are skipped
    ['min(${blank}, 3)', 1],
    ["max('', 'x')", Number.NaN],
    ['max(1, 9, 3)', 9],
    ['min(4, ${ages})', 4],
  ])('%s = %s', (text, expected) => {
    expect(run(text, fields)).toBe(expected);
  });

  it('asks the context for position and indexed-repeat', () => {
    const seen: unknown[] = [];
    const extra = {
      position: (levels: number) => levels * 10,
      indexedRepeat: (name: string, repeats: ReadonlyArray<{ repeat: string; index: number }>) => {
        seen.push({ name, repeats });
        return 'v';
      },
    };
    expect(run('position(..)', {}, extra)).toBe(10);
    expect(run('position(../..)', {}, extra)).toBe(20);
    expect(run('indexed-repeat(${age}, ${members}, 1 + 1, ${visits}, 3)', {}, extra)).toBe('v');
    expect(seen).toEqual([
      {
        name: 'age',
        repeats: [
          { repeat: 'members', index: 2 },
          { repeat: 'visits', index: 3 },
        ],
      },
    ]);
  });

  it('once() keeps an existing value and computes only when blank', () => {
    expect(run("once('new')", {}, { currentValue: () => 'old' })).toBe('old');
    expect(run("once('new')", {}, { currentValue: () => '' })).toBe('new');
  });

  it('uuid() uses the injected source, uuid(n) gives n random characters', () => {
    expect(run('uuid()', {}, { uuid: () => 'fixed' })).toBe('fixed');
    expect(String(run('uuid(12)'))).toMatch(/^[0-9a-zA-Z]{12}$/);
    expect(String(run('uuid()'))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to evaluate functions it only recognises', () => {
    try {
      run("1 + pulldata('a', 'b', 'c', 'd')");
      throw new Error('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).code).toBe('expr.unsupported_function');
      expect((error as ExpressionError).position).toBe(4);
    }
  });
});
