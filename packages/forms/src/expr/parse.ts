import type { Axis, BinaryOperator, ExprNode, PathNode, StepNode } from './ast.ts';
import { functionArity, KNOWN_UNSUPPORTED_FUNCTIONS, NODE_TYPE_TESTS } from './catalog.ts';
import { ExpressionError } from './errors.ts';
import { AXES, describeToken, LEVELS } from './grammar.ts';
import { type Token, tokenize } from './tokenize.ts';

/** Guards against stack overflow on hostile input; real forms nest a handful of levels. */
const MAX_NESTING = 100;
const MAX_DEPTH = 1000;

class Parser {
  private index = 0;
  private nesting = 0;
  private readonly depth = new WeakMap<ExprNode, number>();
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.value === value;
  }

  private fail(token: Token, expected?: string): never {
    const code = token.kind === 'eof' ? 'expr.unexpected_end' : 'expr.unexpected_token';
    const suffix = expected ? `, expected ${expected}` : '';
    throw new ExpressionError(code, `unexpected ${describeToken(token)}${suffix}`, token.start);
  }

  private expectPunct(value: string): Token {
    const token = this.peek();
    if (token.kind !== 'punct' || token.value !== value) this.fail(token, `'${value}'`);
    return this.next();
  }

  parseAll(): ExprNode {
    const node = this.parseBinary(0);
    const rest = this.peek();
    if (rest.kind !== 'eof') this.fail(rest);
    return node;
  }

  private enter(token: Token): void {
    if (++this.nesting > MAX_NESTING) {
      throw new ExpressionError('expr.too_complex', 'expression nested too deeply', token.start);
    }
  }

  /** Records the tree depth of a new node; long operator chains build deep trees, bounded for the evaluator. */
  private chain<T extends ExprNode>(node: T, children: readonly (ExprNode | null)[], at: number): T {
    let d = 0;
    for (const child of children) if (child) d = Math.max(d, this.depth.get(child) ?? 0);
    if (d + 1 > MAX_DEPTH) throw new ExpressionError('expr.too_complex', 'expression too long', at);
    this.depth.set(node, d + 1);
    return node;
  }

  private parseBinary(level: number): ExprNode {
    if (level === 0) {
      this.enter(this.peek());
      const node = this.parseBinary(1);
      let left = node;
      for (;;) {
        const token = this.peek();
        if (token.kind !== 'operator' || token.value !== 'or') break;
        this.next();
        const right = this.parseBinary(1);
        left = this.chain(
          { kind: 'binary', op: 'or', left, right, start: left.start, end: right.end },
          [left, right],
          token.start,
        );
      }
      this.nesting--;
      return left;
    }
    if (level >= LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    const ops = LEVELS[level]!;
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || !ops.includes(token.value as BinaryOperator)) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      const op = token.value as BinaryOperator;
      left = this.chain(
        { kind: 'binary', op, left, right, start: left.start, end: right.end },
        [left, right],
        token.start,
      );
    }
  }

  private parseUnary(): ExprNode {
    const token = this.peek();
    if (token.kind === 'operator' && token.value === '-') {
      this.next();
      this.enter(token);
      const operand = this.parseUnary();
      this.nesting--;
      return this.chain(
        { kind: 'negate', operand, start: token.start, end: operand.end },
        [operand],
        token.start,
      );
    }
    return this.parseUnion();
  }

  private parseUnion(): ExprNode {
    let left = this.parsePathExpr();
    while (this.peek().kind === 'operator' && this.peek().value === '|') {
      const token = this.next();
      const right = this.parsePathExpr();
      left = this.chain(
        { kind: 'binary', op: '|', left, right, start: left.start, end: right.end },
        [left, right],
        token.start,
      );
    }
    return left;
  }

  private startsPrimary(): boolean {
    const token = this.peek();
    if (token.kind === 'number' || token.kind === 'string' || token.kind === 'ref') return true;
    if (token.kind === 'punct' && token.value === '(') return true;
    // A name followed by '(' is a function call unless it is a node type test (node(), text()).
    return token.kind === 'name' && this.isPunct('(', 1) && !NODE_TYPE_TESTS.has(token.value);
  }

  private parsePathExpr(): ExprNode {
    if (!this.startsPrimary()) {
      if (!this.startsStep() && !this.isPunct('/') && !this.isPunct('//'))
        this.fail(this.peek(), 'an expression');
      return this.parseLocationPath(null);
    }
    let base = this.parsePrimary();
    const predicates = this.parsePredicates();
    if (predicates.length > 0) {
      const end = this.tokens[this.index - 1]!.end;
      base = this.chain(
        { kind: 'filter', base, predicates, start: base.start, end },
        [base, ...predicates],
        end,
      );
    }
    if (this.isPunct('/') || this.isPunct('//')) return this.parseLocationPath(base);
    return base;
  }

  private parsePrimary(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: Number(token.value), start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.value, start: token.start, end: token.end };
      case 'ref':
        return {
          kind: 'ref',
          name: token.value,
          start: token.start,
          end: token.end,
          ...(token.lastSaved ? { lastSaved: true as const } : {}),
        };
      case 'name':
        return this.parseCall(token);
      default: {
        // '(' Expr ')' leaves no node of its own (so printing and re-parsing is stable), but the inner
        // node's span grows to cover the parentheses, so every span is valid source on its own.
        const inner = this.parseBinary(0);
        const close = this.expectPunct(')');
        return this.chain({ ...inner, start: token.start, end: close.end }, [inner], token.start);
      }
    }
  }

  private parseCall(nameToken: Token): ExprNode {
    const name = nameToken.value;
    const arity = functionArity(name);
    if (!arity && !KNOWN_UNSUPPORTED_FUNCTIONS.has(name)) {
      throw new ExpressionError('expr.unknown_function', `unknown function '${name}'`, nameToken.start);
    }
    this.expectPunct('(');
    const args: ExprNode[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.parseBinary(0));
        if (!this.isPunct(',')) break;
        this.next();
      }
    }
    const close = this.expectPunct(')');
    if (arity && (args.length < arity[0] || args.length > arity[1])) {
      const wanted = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]} to ${arity[1]}`;
      throw new ExpressionError(
        'expr.wrong_argument_count',
        `${name}() takes ${wanted} argument(s), got ${args.length}`,
        nameToken.start,
      );
    }
    return this.chain(
      { kind: 'call', name, args, start: nameToken.start, end: close.end },
      args,
      nameToken.start,
    );
  }

  private parsePredicates(): ExprNode[] {
    const predicates: ExprNode[] = [];
    while (this.isPunct('[')) {
      this.next();
      predicates.push(this.parseBinary(0));
      this.expectPunct(']');
    }
    return predicates;
  }

  private descendantStep(token: Token): StepNode {
    return {
      kind: 'step',
      axis: 'descendant-or-self',
      test: 'node()',
      predicates: [],
      start: token.start,
      end: token.end,
    };
  }

  private parseLocationPath(base: ExprNode | null): PathNode {
    const first = this.peek();
    const steps: StepNode[] = [];
    let absolute = false;
    let needStep = true;
    if (base === null && (this.isPunct('/') || this.isPunct('//'))) absolute = true;
    if (base !== null || absolute) {
      const slash = this.next();
      if (slash.value === '//') steps.push(this.descendantStep(slash));
      // A lone '/' is the root node; only then may the path end here.
      needStep = slash.value === '//' || base !== null || this.startsStep();
    }
    if (needStep) {
      steps.push(this.parseStep());
      while (this.isPunct('/') || this.isPunct('//')) {
        const slash = this.next();
        if (slash.value === '//') steps.push(this.descendantStep(slash));
        steps.push(this.parseStep());
      }
    }
    const start = base ? base.start : first.start;
    const end = this.tokens[this.index - 1]!.end;
    const predicates = steps.flatMap((step) => step.predicates);
    return this.chain({ kind: 'path', absolute, base, steps, start, end }, [base, ...predicates], start);
  }

  private startsStep(): boolean {
    const token = this.peek();
    if (token.kind === 'name') return true;
    return token.kind === 'punct' && (token.value === '.' || token.value === '..' || token.value === '@');
  }

  private parseStep(): StepNode {
    const token = this.peek();
    if (token.kind === 'punct' && (token.value === '.' || token.value === '..')) {
      this.next();
      const axis: Axis = token.value === '.' ? 'self' : 'parent';
      return { kind: 'step', axis, test: 'node()', predicates: [], start: token.start, end: token.end };
    }
    let axis: Axis = 'child';
    if (token.kind === 'punct' && token.value === '@') {
      this.next();
      axis = 'attribute';
    } else if (token.kind === 'name' && this.isPunct('::', 1)) {
      if (!AXES.has(token.value)) {
        throw new ExpressionError('expr.unexpected_token', `unknown axis '${token.value}'`, token.start);
      }
      axis = token.value as Axis;
      this.next();
      this.next();
    }
    const nameToken = this.peek();
    if (nameToken.kind !== 'name') this.fail(nameToken, 'a step');
    this.next();
    let test = nameToken.value;
    if (NODE_TYPE_TESTS.has(test) && this.isPunct('(')) {
      this.next();
      this.expectPunct(')');
      test = `${test}()`;
    }
    const predicates = this.parsePredicates();
    return {
      kind: 'step',
      axis,
      test,
      predicates,
      start: token.start,
      end: this.tokens[this.index - 1]!.end,
    };
  }
}

/** Parses an XLSForm expression; throws ExpressionError (with the offending position) on bad input. */
export function parseExpression(text: string): ExprNode {
  return new Parser(tokenize(text)).parseAll();
}
