import { ExpressionError } from './errors.ts';

export type TokenKind = 'number' | 'string' | 'ref' | 'name' | 'operator' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For 'string' the unquoted text, for 'ref' the name inside ${…}, otherwise the source text. */
  value: string;
  start: number;
  end: number;
  /** A `${last-saved#name}` reference. */
  lastSaved?: true;
}

const SINGLE_PUNCT = new Set(['(', ')', '[', ']', ',', '@', '|', '+', '-', '=']);
const OPERATOR_NAMES = new Set(['and', 'or', 'div', 'mod']);

function isNameStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) > 0x7f;
}

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_.-]/.test(ch) || ch.charCodeAt(0) > 0x7f;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * XPath 1.0 lexical rule: `*` and the names and/or/div/mod are operators only when the previous
 * token ends an operand; otherwise they are name tests (e.g. `div` as an element name).
 */
function endsOperand(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === 'number' || prev.kind === 'string' || prev.kind === 'ref' || prev.kind === 'name') {
    return true;
  }
  return (
    prev.kind === 'punct' &&
    (prev.value === ')' || prev.value === ']' || prev.value === '.' || prev.value === '..')
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, end: number): void => {
    tokens.push({ kind, value, start, end });
  };
  while (i < text.length) {
    const ch = text[i]!;
    const start = i;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    if (ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0)
        throw new ExpressionError('expr.unterminated_reference', "missing '}' after '${'", start);
      // `${last-saved#name}`: the name's answer in the last record saved on this device.
      const name = text.slice(i + 2, close).replace(/^last-saved#/, '');
      const lastSaved = name.length !== close - i - 2;
      if (!/^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u.test(name)) {
        throw new ExpressionError(
          'expr.invalid_character',
          `invalid field name '${name}' in reference`,
          start + 2,
        );
      }
      push('ref', name, start, close + 1);
      if (lastSaved) tokens[tokens.length - 1]!.lastSaved = true;
      i = close + 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionError('expr.unterminated_string', `missing closing ${ch}`, start);
      push('string', text.slice(i + 1, close), start, close + 1);
      i = close + 1;
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1]))) {
      let j = i;
      while (isDigit(text[j])) j++;
      if (text[j] === '.') {
        j++;
        while (isDigit(text[j])) j++;
      }
      push('number', text.slice(i, j), start, j);
      i = j;
      continue;
    }
    if (ch === '.') {
      const two = text[i + 1] === '.';
      push('punct', two ? '..' : '.', start, start + (two ? 2 : 1));
      i += two ? 2 : 1;
      continue;
    }
    if (ch === '/') {
      const two = text[i + 1] === '/';
      push('punct', two ? '//' : '/', start, start + (two ? 2 : 1));
      i += two ? 2 : 1;
      continue;
    }
    if (ch === ':' && text[i + 1] === ':') {
      push('punct', '::', start, start + 2);
      i += 2;
      continue;
    }
    if (ch === '!' && text[i + 1] === '=') {
      push('operator', '!=', start, start + 2);
      i += 2;
      continue;
    }
    if (ch === '<' || ch === '>') {
      const eq = text[i + 1] === '=';
      push('operator', eq ? `${ch}=` : ch, start, start + (eq ? 2 : 1));
      i += eq ? 2 : 1;
      continue;
    }
    if (ch === '*') {
      if (endsOperand(prev)) push('operator', '*', start, start + 1);
      else push('name', '*', start, start + 1);
      i++;
      continue;
    }
    if (SINGLE_PUNCT.has(ch)) {
      push(ch === '+' || ch === '-' || ch === '=' || ch === '|' ? 'operator' : 'punct', ch, start, start + 1);
      i++;
      continue;
    }
    if (isNameStart(ch)) {
      let j = i + 1;
      while (j < text.length && isNameChar(text[j]!)) j++;
      // QName prefix (jr:choice-name) or prefix:* — but not the axis separator '::'.
      if (text[j] === ':' && text[j + 1] !== ':') {
        if (text[j + 1] === '*') j += 2;
        else if (text[j + 1] !== undefined && isNameStart(text[j + 1]!)) {
          j += 2;
          while (j < text.length && isNameChar(text[j]!)) j++;
        }
      }
      const word = text.slice(i, j);
      if (OPERATOR_NAMES.has(word) && endsOperand(prev)) push('operator', word, start, j);
      else push('name', word, start, j);
      i = j;
      continue;
    }
    throw new ExpressionError('expr.invalid_character', `unexpected character '${ch}'`, start);
  }
  push('eof', '', text.length, text.length);
  return tokens;
}
