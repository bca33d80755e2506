import type { EvalContext } from './context.ts';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import type { Value } from './values.ts';

/** Evaluates `text` with `${name}` values from `fields` (arrays are node-sets). */
export function run(
  text: string,
  fields: Record<string, Value> = {},
  extra: Partial<EvalContext> = {},
): Value {
  const ctx: EvalContext = { resolve: (name) => fields[name] ?? '', ...extra };
  return evaluate(parseExpression(text), ctx);
}
