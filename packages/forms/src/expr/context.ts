import type { CallNode, ExprNode, PathNode } from './ast.ts';
import type { Value } from './values.ts';

/** What an expression can see of the form it runs in. Only `resolve` is required. */
export interface EvalContext {
  /**
   * `${name}`. Repeat-aware: the caller knows the current repeat instance path, so a field in the
   * same repeat instance resolves to one value and a field repeated elsewhere to a node-set (array).
   */
  resolve(name: string): Value;
  /** `${last-saved#name}`: the answer in the last record saved on this device ('' when none). */
  resolveLastSaved?(name: string): Value;
  /** `.`: the current field's value (constraints, once()). */
  currentValue?(): Value;
  /** `position(..)`: 1-based index of the repeat instance `levelsUp` steps above the current field. */
  position?(levelsUp: number): number;
  /** `indexed-repeat(${name}, ${repeat1}, i1, …)`: indexes are 1-based, outermost repeat first. */
  indexedRepeat?(name: string, repeats: ReadonlyArray<{ repeat: string; index: number }>): Value;
  /** `jr:choice-name(value, '${field}')`: label of a choice of the field's list. */
  choiceLabel?(fieldName: string, choiceName: string, language?: string): string | undefined;
  /** Current form language (passed to choiceLabel). */
  language?: string;
  /** Injectable clock for today() and now(). */
  now?(): Date;
  /** uuid() source; defaults to crypto.randomUUID(). */
  uuid?(): string;
  /** once(expr): return the stored value if there is one, else compute. Defaults to currentValue(). */
  once?(compute: () => Value): Value;
  /** Location paths other than `.` (absolute paths, choice-filter columns such as `filter`). */
  resolvePath?(path: PathNode): Value;
}

export interface CallScope {
  ctx: EvalContext;
  call: CallNode;
  evaluate(node: ExprNode, ctx?: EvalContext): Value;
}

export type FunctionImpl = (args: ExprNode[], scope: CallScope) => Value;

/** Most functions take their arguments already evaluated. */
export function eager(fn: (values: Value[], scope: CallScope) => Value): FunctionImpl {
  return (args, scope) =>
    fn(
      args.map((arg) => scope.evaluate(arg)),
      scope,
    );
}
