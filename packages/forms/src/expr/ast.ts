/** Every node carries the [start, end) character offsets of its source text. */
interface Span {
  start: number;
  end: number;
}

export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod'
  | '|';

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}

export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

/** An XLSForm `${name}` reference; `${last-saved#name}` reads the last saved record instead. */
export interface RefNode extends Span {
  kind: 'ref';
  name: string;
  lastSaved?: true;
}

export interface BinaryNode extends Span {
  kind: 'binary';
  op: BinaryOperator;
  left: ExprNode;
  right: ExprNode;
}

export interface NegateNode extends Span {
  kind: 'negate';
  operand: ExprNode;
}

export interface CallNode extends Span {
  kind: 'call';
  /** As written, including a prefix: `jr:choice-name`. */
  name: string;
  args: ExprNode[];
}

/** A primary expression followed by predicates, e.g. `${x}[1]`. */
export interface FilterNode extends Span {
  kind: 'filter';
  base: ExprNode;
  predicates: ExprNode[];
}

export type Axis =
  | 'child'
  | 'self'
  | 'parent'
  | 'attribute'
  | 'descendant'
  | 'descendant-or-self'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'following'
  | 'following-sibling'
  | 'preceding'
  | 'preceding-sibling'
  | 'namespace';

export interface StepNode extends Span {
  kind: 'step';
  axis: Axis;
  /** A name, `*`, `prefix:*`, or a node type test such as `node()` / `text()`. */
  test: string;
  predicates: ExprNode[];
}

/** A location path; `base` is set for `instance('x')/root/item`-style paths that start from an expression. */
export interface PathNode extends Span {
  kind: 'path';
  absolute: boolean;
  base: ExprNode | null;
  steps: StepNode[];
}

export type ExprNode =
  | NumberNode
  | StringNode
  | RefNode
  | BinaryNode
  | NegateNode
  | CallNode
  | FilterNode
  | PathNode;
