// Validation issues are worded from their code in the reader's language. The issues here are made
// by the contract's own schemas and reduced to what the server sends (code + issueParams), so a
// zod upgrade that renames a parameter fails here rather than showing English to a Zulu reader.
import {
  CreateWorkspaceInputSchema,
  issueParams,
  PasswordSchema,
  SignInInputSchema,
  UsernameSchema,
} from '@coproduce/contract';
import { IMPORT_PROBLEMS, importXlsForm } from '@coproduce/forms';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from './en.json';
import hi from './hi.json';
import { type Catalogue, translator } from './i18n.ts';
import { fieldMessages, type Issue, issueMessage } from './issues.ts';
import zu from './zu.json';

const t = {
  en: translator('en', en as Catalogue),
  zu: translator('zu', zu as Catalogue),
  hi: translator('hi', hi as Catalogue),
};

/** What the server's error handler sends for a failed parse (http/errors.ts). */
function asSent(schema: z.ZodType, value: unknown, field: string): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((issue) => ({
    path: ['body', field, ...issue.path.map(String)].join('.'),
    message: issue.message,
    // A refinement of ours names its rule in params.code, as the server sends it.
    code: String((issue as { params?: { code?: string } }).params?.code ?? issue.code),
    ...issueParams(issue),
  }));
}

describe('validation issues in the reader’s language', () => {
  it('words an empty required field as "fill this in", never zod’s English', () => {
    const [issue] = asSent(SignInInputSchema.shape.login, '', 'login');
    expect(issue?.message).toMatch(/Too small/);
    expect(issueMessage(t.en, issue!)).toBe('Please fill this in.');
    expect(issueMessage(t.zu, issue!)).toBe('Sicela ugcwalise lokhu.');
    expect(issueMessage(t.hi, issue!)).toBe('कृपया इसे भरें।');
  });

  it('counts characters with plurals and prefers a field’s own sentence', () => {
    const [short] = asSent(UsernameSchema, 'ab', 'username');
    expect(issueMessage(t.en, short!)).toMatch(/^Write at least \d+ characters\.$/);
    expect(issueMessage(t.zu, short!)).toMatch(/^Bhala okungenani izinhlamvu ezingu-\d+\.$/);
    const [password] = asSent(PasswordSchema, 'short', 'newPassword');
    expect(issueMessage(t.en, password!)).toMatch(/^Use at least \d+ characters: a few words/);
    const [odd] = asSent(UsernameSchema, 'a b c d', 'username');
    expect(issueMessage(t.hi, odd!)).toBe('सिर्फ़ अक्षर, अंक, बिंदु, डैश और अंडरस्कोर इस्तेमाल करें।');
  });

  it('translates the contract’s own refinements by their code', () => {
    const issues = asSent(CreateWorkspaceInputSchema, { name: 'a\u202Eb', timeZone: 'UTC' }, 'x');
    const bidi = issues.find((issue) => issue.code === 'text.bidi_control');
    expect(bidi).toBeDefined();
    expect(issueMessage(t.zu, bidi!)).toMatch(/^Susa izimpawu/);
  });

  it('never shows a raw zod sentence for any issue these schemas make, in zu and hi', () => {
    const samples: [z.ZodType, unknown, string][] = [
      [SignInInputSchema.shape.login, '', 'login'],
      [SignInInputSchema.shape.login, 5, 'login'],
      [SignInInputSchema.shape.password, 'x'.repeat(2_000_000), 'password'],
      [UsernameSchema, '', 'username'],
      [UsernameSchema, 'x'.repeat(500), 'username'],
      [PasswordSchema, 'short', 'password'],
      [CreateWorkspaceInputSchema, { name: '', timeZone: 5 }, 'x'],
    ];
    for (const [schema, value, field] of samples) {
      for (const issue of asSent(schema, value, field)) {
        for (const translate of [t.zu, t.hi]) {
          const text = issueMessage(translate, issue);
          expect(text, JSON.stringify(issue)).not.toBe(issue.message);
          expect(text).not.toMatch(/Too small|Too big|Invalid input|expected/);
        }
      }
    }
  });

  it('falls back to the server’s English only for a code it does not know', () => {
    const issue = { path: 'body.x', code: 'something.new', message: 'a new rule' };
    expect(issueMessage(t.zu, issue)).toBe('a new rule');
    expect(issueMessage(t.zu, { path: 'body.x', message: 'no code at all' })).toBe('no code at all');
  });

  it('keys field messages by their body path, one per field', () => {
    const messages = fieldMessages(t.zu, [
      {
        path: 'body.contactChannels.0.address',
        code: 'too_small',
        params: { minimum: 1, origin: 'string' },
        message: 'x',
      },
      {
        path: 'body.contactChannels.0.address',
        code: 'too_big',
        params: { maximum: 9, origin: 'string' },
        message: 'y',
      },
    ]);
    expect(messages).toEqual({ 'contactChannels.0.address': 'Sicela ugcwalise lokhu.' });
  });
});

describe('spreadsheet import problems in the reader’s language', () => {
  // The arguments a message reads, from its parsed form (plural and select branches are text).
  type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
  const argumentsOf = (elements: Element[], into: Set<string>): Set<string> => {
    for (const element of elements) {
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string')
        into.add(element.value);
      for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, into);
    }
    return into;
  };
  const placeholders = (text: string) =>
    argumentsOf(new IntlMessageFormat(text, 'en').getAst() as Element[], new Set());

  it('words a real import’s problems from their codes, in isiZulu and Hindi', async () => {
    const text = [
      '| survey |',
      '| | type | name | label |',
      '| | texte | q1 | First |',
      '| | select_one colours | q2 | Colour |',
      '| | integer | | Age |',
    ].join('\n');
    const result = await importXlsForm(new TextEncoder().encode(text), 'broken.md');
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['form.xlsform.type.unknown_guess', 'form.xlsform.name.missing']),
    );
    for (const error of errors) {
      const zulu = issueMessage(t.zu, error);
      expect(zulu, error.message).not.toBe(error.message);
      expect(issueMessage(t.hi, error)).not.toBe(error.message);
    }
    const unknown = errors.find((e) => e.code === 'form.xlsform.type.unknown_guess')!;
    expect(issueMessage(t.zu, unknown)).toBe(
      '“texte” akulona uhlobo lombuzo esilwaziyo. Ingabe ubuqonde u-“text”?',
    );
    const nameless = errors.find((e) => e.code === 'form.xlsform.name.missing')!;
    expect(issueMessage(t.hi, nameless)).toBe('इस सवाल का कोई नाम नहीं है: हर पंक्ति को नाम चाहिए।');
  });

  it('has a message for every code the forms package sends', () => {
    const lacking = Object.keys(IMPORT_PROBLEMS).filter((code) => !(`issue.${code}` in en));
    expect(lacking).toEqual([]);
  });

  it('names only codes the forms package has, with only the parameters it sends', () => {
    for (const [key, message] of Object.entries(en)) {
      if (!key.startsWith('issue.form.xlsform.')) continue;
      const code = key.slice('issue.'.length) as keyof typeof IMPORT_PROBLEMS;
      expect(IMPORT_PROBLEMS[code], key).toBeDefined();
      // The forms package's sentences use only simple {name} arguments (and are not all ICU).
      const sent = new Set([...IMPORT_PROBLEMS[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const catalogue of [en, zu, hi] as Record<string, string>[])
        for (const name of placeholders(catalogue[key]!)) expect(sent, `${key}: {${name}}`).toContain(name);
      expect(message).not.toBe(IMPORT_PROBLEMS[code]);
    }
  });
});

describe('any issue the server may send', () => {
  const codes = Object.keys(en)
    .filter((key) => key.startsWith('issue.'))
    .map((key) => key.slice('issue.'.length));
  it('is worded without throwing and never as a bare catalogue key, whatever its params', () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(
        fc.constantFrom(...codes, 'unknown.code'),
        fc.dictionary(fc.constantFrom('minimum', 'maximum', 'origin', 'name', 'count', 'list', 'x'), value),
        fc.constantFrom('body.name', 'body.a.0.b', undefined),
        (code, params, path) => {
          const issue = { code, params, message: 'the server’s English', ...(path ? { path } : {}) };
          for (const translate of [t.en, t.zu, t.hi]) {
            const text = issueMessage(translate, issue);
            expect(text.length).toBeGreaterThan(0);
            expect(text.startsWith('issue.')).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
