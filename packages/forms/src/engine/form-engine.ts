import {
  type ExpressionError,
  evaluate,
  parseExpression,
  toBoolean,
  toStringValue,
  type Value,
} from '../expr/index.ts';
import { answerInstances, createEvalContext, type EngineOptions, nodeInside } from './context.ts';
import { FormEngineCore } from './engine.ts';
import { type EngineField, type ExpressionColumn, type FieldInfo, FormEngineError } from './fields.ts';
import type { Chain } from './instances.ts';

/** Submission JSON: groups nest as objects, repeats as arrays of objects, values are strings. */
export interface AnswerTree {
  [name: string]: string | AnswerTree | AnswerTree[];
}

/** An expression that failed while the form ran (e.g. pulldata(), which the engine cannot evaluate). */
export interface EngineExpressionError {
  path: string;
  repeatIndexes: number[];
  column: ExpressionColumn;
  error: ExpressionError;
}

export interface ValidationProblem {
  path: string;
  repeatIndexes: number[];
  code: 'required' | 'constraint';
}

/** A headless form: answers in, relevance/required/constraints and submission JSON out. */
export interface FormEngine {
  /** Repeat indexes are 0-based, outermost repeat first. */
  setAnswer(path: string, value: Value, repeatIndexes?: readonly number[]): void;
  /** The value as the form sees it ('' when unanswered or not relevant). */
  getAnswer(path: string, repeatIndexes?: readonly number[]): string;
  isRelevant(path: string, repeatIndexes?: readonly number[]): boolean;
  isRequired(path: string, repeatIndexes?: readonly number[]): boolean;
  isReadOnly(path: string, repeatIndexes?: readonly number[]): boolean;
  /** True when there is no constraint, the field is blank or not relevant, or the constraint holds. */
  constraintOk(path: string, repeatIndexes?: readonly number[]): boolean;
  /** The choice rows (name plus extra columns) that pass the field's choice_filter. */
  filterChoices<T extends Record<string, string>>(
    path: string,
    choices: T[],
    repeatIndexes?: readonly number[],
  ): T[];
  /**
   * `select_one ${name}`: the choices are the non-blank answers to `name` in the instances of its
   * repeat (value and label alike), kept by the choice_filter as evaluated in each instance.
   */
  answerChoices(path: string, repeatIndexes?: readonly number[]): { name: string; label: string }[];
  /** Appends an instance; returns its 0-based index. */
  addRepeatInstance(repeatPath: string, parentIndexes?: readonly number[]): number;
  /** `repeatIndexes` ends with the index of the instance to remove. */
  removeRepeatInstance(repeatPath: string, repeatIndexes: readonly number[]): void;
  repeatInstanceCount(repeatPath: string, parentIndexes?: readonly number[]): number;
  setLanguage(language: string | undefined): void;
  answers(): AnswerTree;
  /**
   * Replaces the answers with those of a submission (server validation, reopening a draft): repeats
   * get as many instances as the arrays hold (unless repeat_count decides), calculations are recomputed.
   */
  loadAnswers(tree: AnswerTree): void;
  /**
   * Evaluates an expression as a bind inside the container at `path` ('' for the form, a group, or
   * a repeat whose instance `repeatIndexes` names, its own index last), as ODK evaluates an
   * entity's create_if and update_if there. Throws ExpressionError when it cannot be evaluated.
   */
  evaluateIn(expression: string, path?: string, repeatIndexes?: readonly number[]): Value;
  /** Required-but-blank and failed constraints over every relevant field instance. */
  validate(): ValidationProblem[];
  /** Expressions that failed at run time; their column fell back to a neutral value (blank, relevant, no constraint). */
  expressionErrors(): EngineExpressionError[];
  /** Expressions evaluated since creation. */
  readonly evaluationCount: number;
}

function isTree(value: AnswerTree[string] | undefined): value is AnswerTree {
  return typeof value === 'object' && !Array.isArray(value);
}

function valueToAnswer(value: Value): string {
  return Array.isArray(value) ? value.map((v) => toStringValue(v)).join(' ') : toStringValue(value);
}

class HeadlessFormEngine implements FormEngine {
  private readonly core: FormEngineCore;
  private readonly children = new Map<string, FieldInfo[]>();

  constructor(fields: EngineField[], options: EngineOptions) {
    this.core = new FormEngineCore(fields, options);
    for (const field of this.core.fields) {
      const siblings = this.children.get(field.parent) ?? [];
      siblings.push(field);
      this.children.set(field.parent, siblings);
    }
  }

  get evaluationCount(): number {
    return this.core.evaluationCount;
  }

  private locate(path: string, indexes?: readonly number[]): [FieldInfo, Chain] {
    const field = this.core.field(path);
    return [field, this.core.chainFor(field, indexes)];
  }

  private check(
    path: string,
    indexes: readonly number[] | undefined,
    column: 'required' | 'readOnly',
  ): boolean {
    const [field, chain] = this.locate(path, indexes);
    if (!this.core.store.isRelevant(field, chain)) return false;
    return toBoolean(this.core.evaluateIn(column, field, chain, false));
  }

  setAnswer(path: string, value: Value, repeatIndexes?: readonly number[]): void {
    const [field, chain] = this.locate(path, repeatIndexes);
    if (field.kind !== 'leaf') {
      throw new FormEngineError('engine.unknown_field', `${path} is a ${field.kind}, not a question`, {
        path,
      });
    }
    this.core.setAnswer(field, chain, valueToAnswer(value));
  }

  getAnswer(path: string, repeatIndexes?: readonly number[]): string {
    const [field, chain] = this.locate(path, repeatIndexes);
    return this.core.effectiveValue(field, chain);
  }

  isRelevant(path: string, repeatIndexes?: readonly number[]): boolean {
    const [field, chain] = this.locate(path, repeatIndexes);
    return this.core.store.isRelevant(field, chain);
  }

  isRequired(path: string, repeatIndexes?: readonly number[]): boolean {
    return this.check(path, repeatIndexes, 'required');
  }

  isReadOnly(path: string, repeatIndexes?: readonly number[]): boolean {
    return this.check(path, repeatIndexes, 'readOnly');
  }

  constraintOk(path: string, repeatIndexes?: readonly number[]): boolean {
    const [field, chain] = this.locate(path, repeatIndexes);
    return this.constraintHolds(field, chain);
  }

  private constraintHolds(field: FieldInfo, chain: Chain): boolean {
    if (!field.expressions.constraint || !this.core.store.isRelevant(field, chain)) return true;
    const value = this.core.store.getValue(field, chain);
    if (value === '') return true; // ODK checks constraints only on answered questions
    return toBoolean(this.core.evaluateIn('constraint', field, chain, true, { currentValue: () => value }));
  }

  filterChoices<T extends Record<string, string>>(
    path: string,
    choices: T[],
    repeatIndexes?: readonly number[],
  ): T[] {
    const [field, chain] = this.locate(path, repeatIndexes);
    if (!field.expressions.choiceFilter) return choices;
    return choices.filter((row) => {
      const extra = { choiceRow: row, currentValue: () => row.name ?? '' };
      return toBoolean(this.core.evaluateIn('choiceFilter', field, chain, true, extra));
    });
  }

  answerChoices(path: string, repeatIndexes?: readonly number[]): { name: string; label: string }[] {
    const [field, chain] = this.locate(path, repeatIndexes);
    const source = /^\$\{\s*([^}\s]+)\s*\}$/.exec(field.listName ?? '')?.[1];
    const target = source === undefined ? undefined : this.core.byName.get(source);
    if (!target || target.repeats.length === 0) return [];
    const filter = field.expressions.choiceFilter;
    const choices: { name: string; label: string }[] = [];
    for (const instance of answerInstances(this.core, field, chain, target)) {
      if (instance.value === '') continue;
      if (filter) {
        this.core.evaluationCount++;
        // The filter reads the instance it tests: ${x} and bare names resolve inside it.
        const ctx = createEvalContext(this.core, target, instance.chain, {
          currentValue: () => instance.value,
        });
        let kept = true;
        try {
          kept = toBoolean(evaluate(filter, ctx));
        } catch {
          kept = true;
        }
        if (!kept) continue;
      }
      choices.push({ name: instance.value, label: instance.value });
    }
    return choices;
  }

  addRepeatInstance(repeatPath: string, parentIndexes: readonly number[] = []): number {
    const repeat = this.core.field(repeatPath);
    const parentChain = this.core.chainFor(repeat, parentIndexes);
    this.core.initialiseInstance(repeat, parentChain);
    this.core.run();
    return this.core.store.list(repeat, parentChain).length - 1;
  }

  removeRepeatInstance(repeatPath: string, repeatIndexes: readonly number[]): void {
    const repeat = this.core.field(repeatPath);
    const chain = this.core.chainFor(repeat, repeatIndexes, true);
    this.core.removeInstance(repeat, chain.slice(0, -1), chain[chain.length - 1]!);
    this.core.run();
  }

  repeatInstanceCount(repeatPath: string, parentIndexes: readonly number[] = []): number {
    const repeat = this.core.field(repeatPath);
    return this.core.store.list(repeat, this.core.chainFor(repeat, parentIndexes)).length;
  }

  setLanguage(language: string | undefined): void {
    this.core.setLanguage(language);
  }

  answers(): AnswerTree {
    return this.subtree('', []);
  }

  loadAnswers(tree: AnswerTree): void {
    this.loadInto('', [], tree);
  }

  private loadInto(parentPath: string, indexes: number[], tree: AnswerTree): void {
    for (const field of this.children.get(parentPath) ?? []) {
      const value = tree[field.name];
      if (field.kind === 'group') {
        this.loadInto(field.path, indexes, isTree(value) ? value : {});
      } else if (field.kind === 'repeat') {
        const items = Array.isArray(value) ? value : [];
        if (!field.expressions.repeatCount) {
          while (this.repeatInstanceCount(field.path, indexes) < items.length)
            this.addRepeatInstance(field.path, indexes);
          for (let n = this.repeatInstanceCount(field.path, indexes); n > items.length; n--) {
            this.removeRepeatInstance(field.path, [...indexes, n - 1]);
          }
        }
        const count = this.repeatInstanceCount(field.path, indexes);
        items.slice(0, count).forEach((item, i) => {
          this.loadInto(field.path, [...indexes, i], item);
        });
      } else if (!field.expressions.calculate) {
        this.setAnswer(field.path, typeof value === 'string' ? value : '', indexes);
      }
    }
  }

  private subtree(parentPath: string, chain: Chain): AnswerTree {
    const out: AnswerTree = {};
    for (const field of this.children.get(parentPath) ?? []) {
      if (field.kind === 'repeat') {
        if (!this.core.store.isRelevant(field, chain)) continue;
        out[field.name] = this.core.store
          .list(field, chain)
          .map((id) => this.subtree(field.path, [...chain, id]));
      } else if (this.core.store.isRelevant(field, chain)) {
        out[field.name] =
          field.kind === 'group' ? this.subtree(field.path, chain) : this.core.store.getValue(field, chain);
      }
    }
    return out;
  }

  evaluateIn(expression: string, path = '', repeatIndexes: readonly number[] = []): Value {
    const container = path === '' ? null : this.core.field(path);
    if (container?.kind === 'leaf')
      throw new FormEngineError('engine.unknown_field', `${path} is a question, not a group or repeat`, {
        path,
      });
    const chain = container ? this.core.chainFor(container, repeatIndexes, true) : [];
    this.core.evaluationCount++;
    const ctx = createEvalContext(this.core, nodeInside(container), chain, { currentValue: () => '' });
    return evaluate(parseExpression(expression), ctx);
  }

  validate(): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    for (const field of this.core.fields) {
      if (field.kind !== 'leaf') continue;
      for (const chain of this.core.store.chainsOf(field, [], this.core.byPath)) {
        if (!this.core.store.isRelevant(field, chain)) continue;
        const repeatIndexes = this.indexesOf(field, chain);
        const blank = this.core.store.getValue(field, chain) === '';
        if (blank && toBoolean(this.core.evaluateIn('required', field, chain, false))) {
          problems.push({ path: field.path, repeatIndexes, code: 'required' });
        } else if (!this.constraintHolds(field, chain)) {
          problems.push({ path: field.path, repeatIndexes, code: 'constraint' });
        }
      }
    }
    return problems;
  }

  expressionErrors(): EngineExpressionError[] {
    return this.core.currentErrors().map(({ field, chain, column, error }) => ({
      path: field.path,
      repeatIndexes: this.indexesOf(field, chain),
      column,
      error,
    }));
  }

  private indexesOf(field: FieldInfo, chain: Chain): number[] {
    return chain.map((id, level) =>
      this.core.store.list(this.core.byPath.get(field.repeats[level]!)!, chain.slice(0, level)).indexOf(id),
    );
  }
}

export function createFormEngine(fields: EngineField[], options: EngineOptions = {}): FormEngine {
  return new HeadlessFormEngine(fields, options);
}
