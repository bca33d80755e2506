import {
  ExpressionError,
  type ExprNode,
  functionsUsed,
  KNOWN_UNSUPPORTED_FUNCTIONS,
  parseExpression,
  SUPPORTED_FUNCTIONS,
} from '../expr/index.ts';

export interface EngineField {
  /** e.g. /household/members/age */
  path: string;
  name: string;
  /** XLSForm type as written: 'integer', 'select_one yes_no', 'begin_group', 'begin_repeat', 'calculate', … */
  type: string;
  /** Path of the innermost enclosing repeat, if any. */
  repeat?: string;
  calculate?: string;
  relevant?: string;
  constraint?: string;
  required?: string;
  readOnly?: string;
  /** A static value, or an expression when it references fields or calls functions (a dynamic default). */
  default?: string;
  choiceFilter?: string;
  repeatCount?: string;
}

export type ExpressionColumn =
  | 'calculate'
  | 'relevant'
  | 'constraint'
  | 'required'
  | 'readOnly'
  | 'default'
  | 'choiceFilter'
  | 'repeatCount';

export class FormEngineError extends Error {
  readonly code: 'engine.expression' | 'engine.cycle' | 'engine.unknown_reference' | 'engine.unknown_field';
  readonly path: string | undefined;
  readonly column: ExpressionColumn | undefined;
  override readonly cause: ExpressionError | undefined;
  constructor(
    code: FormEngineError['code'],
    message: string,
    details: { path?: string; column?: ExpressionColumn; cause?: ExpressionError } = {},
  ) {
    super(message);
    this.name = 'FormEngineError';
    this.code = code;
    this.path = details.path;
    this.column = details.column;
    this.cause = details.cause;
  }
}

export type FieldKind = 'group' | 'repeat' | 'leaf';

/** A field as the engine works with it: kind, place in the tree and parsed expressions. */
export interface FieldInfo {
  index: number;
  path: string;
  name: string;
  type: string;
  kind: FieldKind;
  parent: string;
  /** Paths of the enclosing repeats, outermost first (a repeat does not include itself). */
  repeats: string[];
  /** select_one / select_multiple list name, for jr:choice-name. */
  listName: string | undefined;
  staticDefault: string | undefined;
  expressions: Partial<Record<ExpressionColumn, ExprNode>>;
  usesPosition: boolean;
  usesIndexedRepeat: boolean;
  /** Its value depends on the form language (jr:choice-name). */
  usesLanguage: boolean;
}

const GROUP_TYPES = new Set(['begin_group', 'begin group', 'group', 'begin_group_field_list']);
const REPEAT_TYPES = new Set(['begin_repeat', 'begin repeat', 'repeat']);

function kindOf(type: string): FieldKind {
  const t = type.trim().toLowerCase();
  if (GROUP_TYPES.has(t)) return 'group';
  if (REPEAT_TYPES.has(t)) return 'repeat';
  return 'leaf';
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '' : path.slice(0, at);
}

/** pyxform's rule in spirit: a default is an expression when it references a field or calls a known function. */
export function isDynamicDefault(text: string): boolean {
  if (text.includes('${')) return true;
  for (const match of text.matchAll(/(?:^|[^\w:.-])([A-Za-z_][\w:.-]*)\s*\(/g)) {
    const name = match[1]!;
    if (SUPPORTED_FUNCTIONS.has(name) || KNOWN_UNSUPPORTED_FUNCTIONS.has(name)) return true;
  }
  return false;
}

/** XLSForm writes required/read_only as yes/no/true/false or as an expression. */
function booleanColumn(text: string): string {
  const t = text.trim().toLowerCase();
  if (t === 'yes' || t === 'true' || t === 'true()') return 'true()';
  if (t === 'no' || t === 'false' || t === 'false()' || t === '') return 'false()';
  return text;
}

function compile(field: EngineField, column: ExpressionColumn, text: string): ExprNode {
  try {
    return parseExpression(text);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new FormEngineError('engine.expression', `${field.path} ${column}: ${error.message}`, {
      path: field.path,
      column,
      cause: error,
    });
  }
}

function compileAll(field: EngineField): FieldInfo['expressions'] {
  const out: FieldInfo['expressions'] = {};
  const columns: ExpressionColumn[] = ['calculate', 'relevant', 'constraint', 'choiceFilter', 'repeatCount'];
  for (const column of columns) {
    const text = field[column]?.trim();
    if (text) out[column] = compile(field, column, text);
  }
  if (field.required?.trim()) out.required = compile(field, 'required', booleanColumn(field.required));
  if (field.readOnly?.trim()) out.readOnly = compile(field, 'readOnly', booleanColumn(field.readOnly));
  if (field.default !== undefined && isDynamicDefault(field.default)) {
    out.default = compile(field, 'default', field.default);
  }
  return out;
}

/**
 * Normalises the importer's flat field list: adds groups implied by paths, marks repeats (also those
 * only named in `repeat`), and parses every expression once.
 */
export function describeFields(fields: EngineField[]): FieldInfo[] {
  const byPath = new Map<string, EngineField>();
  const repeatPaths = new Set<string>();
  for (const field of fields) {
    byPath.set(field.path, field);
    if (field.repeat) repeatPaths.add(field.repeat);
    if (kindOf(field.type) === 'repeat') repeatPaths.add(field.path);
  }
  const ordered: EngineField[] = [];
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (path === '' || seen.has(path)) return;
    visit(parentOf(path));
    seen.add(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    ordered.push(
      byPath.get(path) ?? { path, name, type: repeatPaths.has(path) ? 'begin_repeat' : 'begin_group' },
    );
  };
  for (const field of fields) visit(field.path);

  return ordered.map((field, index) => {
    const expressions = compileAll(field);
    const functions = Object.values(expressions).flatMap((node) => functionsUsed(node));
    const repeats: string[] = [];
    for (let p = parentOf(field.path); p !== ''; p = parentOf(p)) if (repeatPaths.has(p)) repeats.unshift(p);
    const list = /^\s*select_(?:one|multiple)\s+(\S+)/i.exec(field.type);
    const kind = repeatPaths.has(field.path) ? 'repeat' : kindOf(field.type);
    return {
      index,
      path: field.path,
      name: field.name,
      type: field.type,
      kind,
      parent: parentOf(field.path),
      repeats,
      listName: list?.[1],
      staticDefault: field.default !== undefined && !expressions.default ? field.default : undefined,
      expressions,
      usesPosition: functions.includes('position'),
      usesIndexedRepeat: functions.includes('indexed-repeat'),
      usesLanguage: functions.includes('jr:choice-name'),
    };
  });
}
