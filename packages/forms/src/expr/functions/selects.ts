import { eager, type FunctionImpl } from '../context.ts';
import { toNumber, toStringValue, type Value } from '../values.ts';

/** A select_multiple answer is its choice names separated by spaces. */
export function selectedNames(value: Value): string[] {
  const text = toStringValue(value).trim();
  return text === '' ? [] : text.split(/\s+/);
}

/** `'${field}'` (as XLSForm writes it) or an XPath such as `/data/field`: the field's name. */
function fieldNameOf(reference: string): string {
  const ref = /\$\{([^}]+)\}/.exec(reference);
  if (ref) return ref[1]!;
  const segments = reference.trim().split('/');
  return segments[segments.length - 1] ?? '';
}

export const SELECT_FUNCTIONS: Record<string, FunctionImpl> = {
  selected: eager((values) => selectedNames(values[0]!).includes(toStringValue(values[1]!).trim())),
  'count-selected': eager((values) => selectedNames(values[0]!).length),
  // 0-based, as in JavaRosa; out of range gives ''.
  'selected-at': eager((values) => {
    const index = Math.trunc(toNumber(values[1]!));
    return Number.isNaN(index) ? '' : (selectedNames(values[0]!)[index] ?? '');
  }),
  'jr:choice-name': eager((values, scope) => {
    const choice = toStringValue(values[0]!).trim();
    if (choice === '') return '';
    const field = fieldNameOf(toStringValue(values[1]!));
    return scope.ctx.choiceLabel?.(field, choice, scope.ctx.language) ?? '';
  }),
};
