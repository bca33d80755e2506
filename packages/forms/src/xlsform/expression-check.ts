import {
  ExpressionError,
  type ExpressionErrorCode,
  functionsUsed,
  lastSavedNames,
  parseExpression,
  referencedNames,
} from '../expr/index.ts';

/**
 * Checks XLSForm expressions at import with the expression engine's parser: where the text
 * breaks, which `${name}`s it refers to and which functions it calls.
 */
export interface ExpressionCheck {
  /** `position` is 1-based, as a person counts characters. */
  error: { position: number; message: string } | null;
  /** Something pyxform lets through (an unknown function): kept, reported as a warning. */
  warning: string | null;
  references: string[];
  functions: string[];
}

/** Problems pyxform (or ODK Validate, which it runs) rejects; others are kept with a warning. */
const FATAL: ReadonlySet<ExpressionErrorCode> = new Set([
  'expr.unexpected_token',
  'expr.unexpected_end',
  'expr.unterminated_string',
  'expr.unterminated_reference',
  'expr.invalid_character',
  'expr.wrong_argument_count',
  'expr.invalid_regex',
  'expr.too_complex',
]);

export function checkExpression(text: string): ExpressionCheck {
  try {
    const node = parseExpression(text);
    // Names read from the last saved record must exist too.
    const references = [...referencedNames(node), ...lastSavedNames(node)];
    return { error: null, warning: null, references, functions: functionsUsed(node) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const message = error.message.replace(/ at position \d+$/, '');
    if (FATAL.has(error.code)) {
      return {
        error: { position: error.position + 1, message },
        warning: null,
        references: [],
        functions: [],
      };
    }
    return { error: null, warning: message, references: referencesInText(text), functions: [] };
  }
}

/** `${name}` references in any text (labels, hints), without parsing it as an expression. */
export function referencesInText(text: string): string[] {
  return [...text.matchAll(/\$\{\s*([^}]*?)\s*\}/g)].map((m) => m[1]!);
}
