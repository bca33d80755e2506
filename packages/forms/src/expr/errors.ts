/** Stable codes so importers and UIs can translate or group expression problems. */
export type ExpressionErrorCode =
  | 'expr.unexpected_token'
  | 'expr.unexpected_end'
  | 'expr.unterminated_string'
  | 'expr.unterminated_reference'
  | 'expr.invalid_character'
  | 'expr.unknown_function'
  | 'expr.wrong_argument_count'
  | 'expr.unsupported_function'
  | 'expr.unsupported_path'
  | 'expr.invalid_argument'
  | 'expr.invalid_regex'
  | 'expr.too_complex';

export class ExpressionError extends Error {
  /** 0-based character offset in the expression text. */
  readonly position: number;
  readonly code: ExpressionErrorCode;

  constructor(code: ExpressionErrorCode, message: string, position: number) {
    super(`${message} at position ${position}`);
    this.name = 'ExpressionError';
    this.code = code;
    this.position = position;
  }
}
