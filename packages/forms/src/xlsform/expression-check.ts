/**
 * A syntax check of XLSForm expressions (XPath 1.0 plus `${name}`), used to locate mistakes at
 * import time. Evaluation lives in the expression engine; this only reports where text breaks,
 * which names it refers to and which functions it calls.
 */
export interface ExpressionCheck {
  error: { position: number; message: string } | null;
  references: string[];
  functions: string[];
}

type Token = { kind: 'num' | 'str' | 'ref' | 'name' | 'op' | 'punct'; text: string; at: number };

class SyntaxProblem extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const PATTERNS: [Token['kind'], RegExp][] = [
  ['num', /^(\d+(\.\d*)?|\.\d+)/],
  ['name', /^[\p{L}_][\p{L}\p{N}_.-]*(:[\p{L}_*][\p{L}\p{N}_.-]*)?/u],
  ['op', /^(!=|<=|>=|\/\/|\.\.|[=<>+\-*|/])/],
];

const OPERATOR_WORDS = new Set(['and', 'or', 'div', 'mod']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (c === '"' || c === "'" || c === '\u2018' || c === '\u2019') {
      const close = c === '\u2018' ? '\u2019' : c;
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new SyntaxProblem(i + 1, `the text starting with ${c} is never closed`);
      tokens.push({ kind: 'str', text: text.slice(i, end + 1), at: i });
      i = end + 1;
      continue;
    }
    if (c === '$') {
      const ref = /^\$\{\s*([^}]*?)\s*\}/.exec(rest)?.[0];
      if (!ref) throw new SyntaxProblem(i + 1, '"$" must start a reference like $' + '{name}');
      tokens.push({ kind: 'ref', text: ref.slice(2, -1).trim(), at: i });
      i += ref.length;
      continue;
    }
    const found = PATTERNS.map(([kind, re]) => ({ kind, m: re.exec(rest)?.[0] })).find((p) => p.m);
    if (found?.m) {
      tokens.push({ kind: found.kind, text: found.m, at: i });
      i += found.m.length;
    } else if ('()[],.@'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else {
      throw new SyntaxProblem(i + 1, `unexpected character "${c}"`);
    }
  }
  return tokens;
}

class Parser {
  i = 0;
  references: string[] = [];
  functions: string[] = [];
  constructor(
    readonly tokens: Token[],
    readonly length: number,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  is(text: string, kinds: Token['kind'][] = ['op', 'punct']): boolean {
    const t = this.peek();
    return !!t && t.text === text && kinds.includes(t.kind);
  }
  fail(expected: string): never {
    const t = this.peek();
    if (!t) throw new SyntaxProblem(this.length + 1, `the expression ends too early: expected ${expected}`);
    throw new SyntaxProblem(t.at + 1, `unexpected "${t.text}": expected ${expected}`);
  }
  expect(text: string): void {
    if (!this.is(text)) this.fail(`"${text}"`);
    this.i++;
  }

  expression(): void {
    this.binary(0);
  }
  // Precedence levels of XPath 1.0, loosest first.
  static LEVELS = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];
  binary(level: number): void {
    if (level === Parser.LEVELS.length) {
      this.unary();
      return;
    }
    this.binary(level + 1);
    while (this.isOperator(Parser.LEVELS[level]!)) {
      this.i++;
      this.binary(level + 1);
    }
  }
  isOperator(ops: string[]): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.kind === 'op') return ops.includes(t.text);
    return t.kind === 'name' && OPERATOR_WORDS.has(t.text) && ops.includes(t.text);
  }
  unary(): void {
    while (this.is('-')) this.i++;
    this.path();
    while (this.is('|')) {
      this.i++;
      this.path();
    }
  }
  path(): void {
    const t = this.peek();
    if (!t) this.fail('a value');
    if (t.kind === 'op' && (t.text === '/' || t.text === '//')) {
      this.i++;
      const next = this.peek();
      if (next && this.startsStep(next)) this.relativePath();
      return;
    }
    if (this.startsStep(t) && !(t.kind === 'name' && this.tokens[this.i + 1]?.text === '(')) {
      this.relativePath();
      return;
    }
    this.primary();
    this.predicates();
    if (this.is('/') || this.is('//')) {
      this.i++;
      this.relativePath();
    }
  }
  startsStep(t: Token): boolean {
    return t.kind === 'name' || t.text === '.' || t.text === '..' || t.text === '@' || t.text === '*';
  }
  relativePath(): void {
    this.step();
    while (this.is('/') || this.is('//')) {
      this.i++;
      this.step();
    }
  }
  step(): void {
    if (this.is('.') || this.is('..')) {
      this.i++;
      return;
    }
    if (this.is('@')) this.i++;
    const t = this.peek();
    if (!t || !(t.kind === 'name' || t.text === '*')) this.fail('a name');
    this.i++;
    this.predicates();
  }
  predicates(): void {
    while (this.is('[')) {
      this.i++;
      this.expression();
      this.expect(']');
    }
  }
  primary(): void {
    const t = this.peek()!;
    if (t.kind === 'ref') {
      this.references.push(t.text);
      this.i++;
    } else if (t.kind === 'num' || t.kind === 'str') {
      this.i++;
    } else if (t.kind === 'name') {
      this.functions.push(t.text);
      this.i += 2;
      if (!this.is(')')) {
        this.expression();
        while (this.is(',')) {
          this.i++;
          this.expression();
        }
      }
      this.expect(')');
    } else if (this.is('(')) {
      this.i++;
      this.expression();
      this.expect(')');
    } else {
      this.fail('a value');
    }
  }
}

/** Checks one expression; positions are 1-based character offsets into the text. */
export function checkExpression(text: string): ExpressionCheck {
  try {
    const tokens = tokenize(text);
    const p = new Parser(tokens, text.length);
    if (tokens.length === 0) throw new SyntaxProblem(1, 'the expression is empty');
    p.expression();
    if (p.peek()) p.fail('an operator such as "and", "=" or "+"');
    return { error: null, references: p.references, functions: [...new Set(p.functions)] };
  } catch (error) {
    if (error instanceof SyntaxProblem) {
      return { error: { position: error.position, message: error.message }, references: [], functions: [] };
    }
    throw error;
  }
}

/** `${name}` references in any text (labels, hints), without parsing it as an expression. */
export function referencesInText(text: string): string[] {
  return [...text.matchAll(/\$\{\s*([^}]*?)\s*\}/g)].map((m) => m[1]!);
}
