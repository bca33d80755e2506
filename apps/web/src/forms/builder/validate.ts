// Live checks of the logic columns as the coordinator types: the expression parses (else the
// position of the problem), and every ${name} names a question of the form.
import { ExpressionError, parseExpression, referencedNames } from '../lib.ts';

export interface ExpressionProblem {
  kind: 'syntax' | 'unknownName';
  /** 0-based position in the text, for syntax problems. */
  position?: number;
  message: string;
  names?: string[];
}

const YES_NO = /^\s*(yes|no|true|false|true\(\)|false\(\))\s*$/i;

/** `required` and `read_only` take yes/no or an expression; `default` is text unless it is dynamic. */
export function checkExpression(
  column: string,
  text: string | undefined,
  names: Set<string>,
): ExpressionProblem | null {
  if (!text?.trim()) return null;
  if ((column === 'required' || column === 'readOnly') && YES_NO.test(text)) return null;
  if (column === 'default' && !text.includes('${') && !/[A-Za-z_][\w:.-]*\s*\(/.test(text)) return null;
  try {
    const node = parseExpression(text);
    const unknown = referencedNames(node).filter((n) => !names.has(n));
    return unknown.length ? { kind: 'unknownName', message: '', names: unknown } : null;
  } catch (error) {
    if (error instanceof ExpressionError) {
      return {
        kind: 'syntax',
        position: error.position,
        message: error.message.replace(/ at position \d+$/, ''),
      };
    }
    throw error;
  }
}
