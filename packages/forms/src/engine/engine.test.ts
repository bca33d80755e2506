import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { createFormEngine, FormEngineError } from './index.ts';

const text = (path: string, extra: Partial<EngineField> = {}): EngineField => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type: 'text',
  ...extra,
});
const calc = (path: string, calculate: string, extra: Partial<EngineField> = {}): EngineField =>
  text(path, { type: 'calculate', calculate, ...extra });

describe('incremental evaluation', () => {
  it('updates a chain of 1,000 calculates and re-evaluates only dependents', () => {
    const fields: EngineField[] = [text('/a', { type: 'integer' }), text('/b', { type: 'integer' })];
    for (let i = 0; i < 1000; i++) fields.push(calc(`/c${i}`, i === 0 ? '${a} + 1' : `\${c${i - 1}} + 1`));
    for (let i = 0; i < 10; i++) fields.push(calc(`/d${i}`, i === 0 ? '${b} * 2' : `\${d${i - 1}} * 2`));
    fields.push(calc('/both', '${c999} + ${d9}'));
    const engine = createFormEngine(fields);

    engine.setAnswer('/a', 1);
    expect(engine.getAnswer('/c999')).toBe('1001');
    let before = engine.evaluationCount;
    engine.setAnswer('/a', 5);
    expect(engine.getAnswer('/c0')).toBe('6');
    expect(engine.getAnswer('/c999')).toBe('1005');
    expect(engine.evaluationCount - before).toBe(1001); // c0…c999 and both, nothing of the d chain

    before = engine.evaluationCount;
    engine.setAnswer('/b', 1);
    expect(engine.getAnswer('/d9')).toBe('1024');
    expect(engine.getAnswer('/both')).toBe('2029');
    expect(engine.evaluationCount - before).toBe(11);

    before = engine.evaluationCount;
    engine.setAnswer('/b', 1); // same value: nothing to do
    expect(engine.evaluationCount).toBe(before);
  });

  it('stops propagating when a recomputed value does not change', () => {
    const engine = createFormEngine([
      text('/a', { type: 'integer' }),
      calc('/sign', "if(${a} > 0, 'pos', 'neg')"),
      calc('/label', "concat('sign: ', ${sign})"),
    ]);
    engine.setAnswer('/a', 1);
    const before = engine.evaluationCount;
    engine.setAnswer('/a', 2);
    expect(engine.evaluationCount - before).toBe(1);
    expect(engine.getAnswer('/label')).toBe('sign: pos');
  });
});

describe('relevance', () => {
  const form = (): ReturnType<typeof createFormEngine> =>
    createFormEngine([
      text('/consent'),
      text('/details', { type: 'begin_group', relevant: "${consent} = 'yes'" }),
      text('/details/age', { type: 'integer' }),
      text('/details/inner', { type: 'begin_group' }),
      text('/details/inner/phone'),
      text('/details/adult', { relevant: '${age} >= 18' }),
      calc('/summary', "concat('age:', ${age})"),
    ]);

  it('a non-relevant group makes its children non-relevant and drops their values from answers()', () => {
    const engine = form();
    expect(engine.isRelevant('/details/age')).toBe(false);
    engine.setAnswer('/consent', 'yes');
    engine.setAnswer('/details/age', 30);
    engine.setAnswer('/details/inner/phone', '555');
    engine.setAnswer('/details/adult', 'ok');
    expect(engine.answers()).toEqual({
      consent: 'yes',
      details: { age: '30', inner: { phone: '555' }, adult: 'ok' },
      summary: 'age:30',
    });

    engine.setAnswer('/consent', 'no');
    expect(engine.isRelevant('/details/inner/phone')).toBe(false);
    expect(engine.isRelevant('/details/adult')).toBe(false);
    expect(engine.getAnswer('/details/age')).toBe('');
    // Expressions see a non-relevant value as blank.
    expect(engine.getAnswer('/summary')).toBe('age:');
    expect(engine.answers()).toEqual({ consent: 'no', summary: 'age:' });

    // The answer is kept while hidden and comes back, as in ODK Collect.
    engine.setAnswer('/consent', 'yes');
    expect(engine.getAnswer('/details/age')).toBe('30');
    expect(engine.getAnswer('/summary')).toBe('age:30');
  });

  it('cascades through relevance that depends on other fields', () => {
    const engine = form();
    engine.setAnswer('/consent', 'yes');
    engine.setAnswer('/details/age', 12);
    expect(engine.isRelevant('/details/adult')).toBe(false);
    engine.setAnswer('/details/age', 40);
    expect(engine.isRelevant('/details/adult')).toBe(true);
  });
});

describe('required, read-only and constraints', () => {
  const engine = createFormEngine([
    text('/age', { type: 'integer', required: 'yes', constraint: '. >= 0 and . < 120' }),
    text('/why', { required: '${age} > 100', readOnly: '${age} = 7' }),
    text('/note', { required: 'no' }),
  ]);

  it('evaluates required and read_only, including yes/no spellings', () => {
    expect(engine.isRequired('/age')).toBe(true);
    expect(engine.isRequired('/note')).toBe(false);
    expect(engine.isRequired('/why')).toBe(false);
    engine.setAnswer('/age', 110);
    expect(engine.isRequired('/why')).toBe(true);
    engine.setAnswer('/age', 7);
    expect(engine.isReadOnly('/why')).toBe(true);
  });

  it('checks constraints with . as the field value and skips blank answers', () => {
    engine.setAnswer('/age', '');
    expect(engine.constraintOk('/age')).toBe(true);
    engine.setAnswer('/age', 130);
    expect(engine.constraintOk('/age')).toBe(false);
    expect(engine.validate()).toEqual([
      { path: '/age', repeatIndexes: [], code: 'constraint' },
      { path: '/why', repeatIndexes: [], code: 'required' },
    ]);
    engine.setAnswer('/age', 30);
    expect(engine.constraintOk('/age')).toBe(true);
    expect(engine.validate()).toEqual([]);
  });
});

describe('defaults, once(), clock and choices', () => {
  it('applies static and dynamic defaults and keeps once() values', () => {
    let now = new Date('2026-05-01T12:00:00Z');
    let ids = 0;
    const engine = createFormEngine(
      [
        text('/country', { default: 'ZA' }),
        text('/visit', { type: 'date', default: 'today()' }),
        calc('/started', 'once(now())'),
        calc('/id', "concat('uuid:', uuid())"),
        text('/next', { type: 'date', calculate: '${visit} + 7' }),
      ],
      { now: () => now, uuid: () => `id-${++ids}` },
    );
    expect(engine.getAnswer('/country')).toBe('ZA');
    expect(engine.getAnswer('/visit')).toMatch(/^2026-05-0[12]$/);
    const started = engine.getAnswer('/started');
    expect(new Date(started).getTime()).toBe(now.getTime());
    expect(engine.getAnswer('/id')).toBe('uuid:id-1');
    engine.setAnswer('/visit', '2026-12-28');
    expect(engine.getAnswer('/next')).toBe('2027-01-04');
    now = new Date('2026-06-01T00:00:00Z');
    engine.setAnswer('/country', 'IN');
    expect(engine.getAnswer('/started')).toBe(started);
  });

  it('looks up choice labels for jr:choice-name in the current language', () => {
    const labels: Record<string, string> = { 'en:y': 'Yes', 'zu:y': 'Yebo' };
    const engine = createFormEngine(
      [text('/ok', { type: 'select_one yes_no' }), calc('/label', "jr:choice-name(${ok}, '${ok}')")],
      {
        language: 'en',
        choiceLabel: (list, name, lang) => (list === 'yes_no' ? labels[`${lang}:${name}`] : undefined),
      },
    );
    engine.setAnswer('/ok', 'y');
    expect(engine.getAnswer('/label')).toBe('Yes');
    engine.setLanguage('zu');
    expect(engine.getAnswer('/label')).toBe('Yebo');
  });

  it('filters choices with choice_filter columns and field values', () => {
    const engine = createFormEngine([
      text('/province', { type: 'select_one provinces' }),
      text('/city', { type: 'select_one cities', choiceFilter: '${province} = province or province = ""' }),
    ]);
    const cities = [
      { name: 'dbn', province: 'kzn' },
      { name: 'jhb', province: 'gp' },
      { name: 'other', province: '' },
    ];
    engine.setAnswer('/province', 'kzn');
    expect(engine.filterChoices('/city', cities).map((c) => c.name)).toEqual(['dbn', 'other']);
  });

  it('stores select_multiple arrays space-separated and evaluates selected()', () => {
    const engine = createFormEngine([
      text('/needs', { type: 'select_multiple needs' }),
      calc('/water', "selected(${needs}, 'water')"),
      calc('/n', 'count-selected(${needs})'),
    ]);
    engine.setAnswer('/needs', ['water', 'food']);
    expect(engine.getAnswer('/needs')).toBe('water food');
    expect(engine.getAnswer('/water')).toBe('true');
    expect(engine.getAnswer('/n')).toBe('2');
  });
});

describe('form errors', () => {
  it('records run-time expression errors and falls back instead of breaking the form', () => {
    const engine = createFormEngine([
      text('/k'),
      calc('/price', "pulldata('prices', 'price', 'key', ${k})"),
      calc('/after', "concat('p=', ${price})"),
      text('/x', { relevant: "regex(${k}, '(')" }),
    ]);
    engine.setAnswer('/k', 'a');
    expect(engine.getAnswer('/after')).toBe('p=');
    expect(engine.isRelevant('/x')).toBe(true);
    expect(engine.expressionErrors().map((e) => [e.path, e.column, e.error.code, e.error.position])).toEqual([
      ['/price', 'calculate', 'expr.unsupported_function', 0],
      ['/x', 'relevant', 'expr.invalid_regex', 0],
    ]);
  });

  it('treats a bare word as an empty node-set, as XPath does', () => {
    const engine = createFormEngine([text('/a'), text('/b', { relevant: '${a} = yes' })]);
    engine.setAnswer('/a', 'yes');
    expect(engine.isRelevant('/b')).toBe(false);
    expect(engine.expressionErrors()).toEqual([]);
  });

  it('accepts non-Latin field names', () => {
    const engine = createFormEngine([text('/नाम'), calc('/greeting', "concat('नमस्ते ', ${नाम})")]);
    engine.setAnswer('/नाम', 'सीता');
    expect(engine.answers()).toEqual({ नाम: 'सीता', greeting: 'नमस्ते सीता' });
  });

  it('refuses answers for groups and repeats', () => {
    const engine = createFormEngine([text('/g', { type: 'begin_group' }), text('/g/q')]);
    expect(() => engine.setAnswer('/g', 'x')).toThrow(/is a group/);
    expect(() => engine.setAnswer('/nope', 'x')).toThrow(/no field at \/nope/);
  });

  it('reports the field, column and position of a bad expression', () => {
    try {
      createFormEngine([text('/a', { relevant: '${b} = )' }), text('/b')]);
      throw new Error('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FormEngineError);
      const e = error as FormEngineError;
      expect([e.code, e.path, e.column, e.cause?.position]).toEqual([
        'engine.expression',
        '/a',
        'relevant',
        7,
      ]);
    }
  });

  it('reports references to fields that do not exist', () => {
    expect(() => createFormEngine([calc('/a', '${nope} + 1')])).toThrow(/unknown field \$\{nope\}/);
    expect(() => createFormEngine([text('/a', { constraint: '. > ${nope}' })])).toThrow(
      /constraint: unknown field/,
    );
  });

  it('refuses circular calculations', () => {
    expect(() => createFormEngine([calc('/a', '${b}'), calc('/b', '${a}')])).toThrow(
      /circular dependency: a → b → a/,
    );
  });
});
