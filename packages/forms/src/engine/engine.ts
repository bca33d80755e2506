import { ExpressionError, evaluate, toBoolean, toStringValue, type Value } from '../expr/index.ts';
import { createEvalContext, type EngineOptions, type FormState, repeatsWithSelf } from './context.ts';
import {
  describeFields,
  type EngineField,
  type ExpressionColumn,
  type FieldInfo,
  FormEngineError,
} from './fields.ts';
import { buildGraph, type DependencyGraph, fieldByName } from './graph.ts';
import { type Chain, chainKey, InstanceStore } from './instances.ts';
import { coerceToType } from './types.ts';

export interface RuntimeExpressionError {
  field: FieldInfo;
  column: ExpressionColumn;
  chain: Chain;
  error: ExpressionError;
}

/** Most repeat instances a repeat_count may ask for: a typo must not hang the device. */
const MAX_REPEAT_COUNT = 5000;

/** Field instances waiting for recomputation, bucketed by topological rank. */
class WorkQueue {
  private readonly buckets: Map<string, Chain>[] = [];
  private lowest = Number.POSITIVE_INFINITY;
  add(rank: number, chain: Chain): void {
    let bucket = this.buckets[rank];
    if (!bucket) {
      bucket = new Map();
      this.buckets[rank] = bucket;
    }
    bucket.set(chainKey(chain), chain);
    if (rank < this.lowest) this.lowest = rank;
  }
  /** The next (rank, chain) in rank order, or undefined when empty. */
  take(): [number, Chain] | undefined {
    while (this.lowest < this.buckets.length) {
      const bucket = this.buckets[this.lowest];
      const first = bucket?.entries().next();
      if (bucket && first && !first.done) {
        bucket.delete(first.value[0]);
        return [this.lowest, first.value[1]];
      }
      this.lowest++;
    }
    this.lowest = Number.POSITIVE_INFINITY;
    return undefined;
  }
}

export class FormEngineCore implements FormState {
  readonly store = new InstanceStore();
  readonly byName: Map<string, FieldInfo>;
  readonly byPath: Map<string, FieldInfo>;
  readonly fields: FieldInfo[];
  language: string | undefined;
  /** Expressions evaluated so far; lets tests prove a change re-evaluates only dependents. */
  evaluationCount = 0;
  private readonly graph: DependencyGraph;
  private readonly queue = new WorkQueue();
  private readonly errors = new Map<string, RuntimeExpressionError>();

  constructor(
    engineFields: EngineField[],
    readonly options: EngineOptions,
  ) {
    this.fields = describeFields(engineFields);
    this.byName = fieldByName(this.fields);
    this.byPath = new Map(this.fields.map((f) => [f.path, f]));
    this.graph = buildGraph(this.fields);
    this.language = options.language;
    this.initialiseInstance(null, []);
    this.run();
  }

  effectiveValue(field: FieldInfo, chain: Chain): string {
    return this.store.isRelevant(field, chain) ? this.store.getValue(field, chain) : '';
  }

  /**
   * Evaluates one column of a field instance. A runtime ExpressionError (an unsupported function, a bad
   * regex) must not break the whole form: it is recorded for expressionErrors() and `fallback` is used.
   */
  evaluateIn(
    column: ExpressionColumn,
    field: FieldInfo,
    chain: Chain,
    fallback: Value,
    extra?: Parameters<typeof createEvalContext>[3],
  ): Value {
    const node = field.expressions[column];
    if (!node) return fallback;
    this.evaluationCount++;
    const key = `${field.index}|${column}|${chainKey(chain)}`;
    try {
      const value = evaluate(node, createEvalContext(this, field, chain, extra));
      this.errors.delete(key);
      return value;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      this.errors.set(key, { field, column, chain, error });
      return fallback;
    }
  }

  /** Runtime expression failures of field instances that still exist. */
  currentErrors(): RuntimeExpressionError[] {
    return [...this.errors.values()].filter((e) => this.store.isAlive(e.chain));
  }

  field(path: string): FieldInfo {
    const field = this.byPath.get(path);
    if (!field) throw new FormEngineError('engine.unknown_field', `no field at ${path}`, { path });
    return field;
  }

  /** Converts 0-based repeat indexes (outermost first) into the instance id chain, or throws. */
  chainFor(field: FieldInfo, indexes: readonly number[] = [], withSelf = false): Chain {
    const repeats = withSelf ? repeatsWithSelf(field) : field.repeats;
    const chain: number[] = [];
    for (const [level, repeatPath] of repeats.entries()) {
      const id = this.store.list(this.byPath.get(repeatPath)!, chain)[indexes[level] ?? -1];
      if (id === undefined) {
        throw new FormEngineError('engine.unknown_field', `no instance ${indexes[level]} of ${repeatPath}`, {
          path: field.path,
        });
      }
      chain.push(id);
    }
    return chain;
  }

  setAnswer(field: FieldInfo, chain: Chain, value: string): void {
    if (this.store.setValue(field, chain, value)) this.enqueueDependents(field, chain);
    this.run();
  }

  /** Adds a repeat instance (or, with `repeat` null, sets up the whole form) and schedules its fields. */
  initialiseInstance(repeat: FieldInfo | null, parentChain: Chain): Chain {
    const chain = repeat ? [...parentChain, this.store.add(repeat, parentChain)] : [];
    const inside = (f: FieldInfo): boolean =>
      repeat === null
        ? f.repeats.length === 0
        : f.repeats.length === chain.length && f.repeats.includes(repeat.path);
    for (const field of this.fields) {
      if (!inside(field)) continue;
      if (field.staticDefault !== undefined) this.store.setValue(field, chain, field.staticDefault);
      const dynamic = field.expressions.default;
      if (dynamic)
        this.store.setValue(field, chain, this.typed(field, this.evaluateIn('default', field, chain, '')));
      this.queue.add(this.graph.rank[field.index]!, chain);
      this.enqueueDependents(field, chain);
    }
    // Repeats without a repeat_count start with one instance, as in Enketo and ODK Web Forms.
    for (const field of this.fields) {
      if (field.kind !== 'repeat' || !inside(field) || field.expressions.repeatCount) continue;
      for (let i = 0; i < (this.options.initialRepeatInstances ?? 1); i++)
        this.initialiseInstance(field, chain);
    }
    if (repeat) this.enqueueReferencers(repeat, parentChain);
    return chain;
  }

  removeInstance(repeat: FieldInfo, parentChain: Chain, id: number): void {
    const list = this.store.list(repeat, parentChain);
    list.splice(list.indexOf(id), 1);
    const chain = [...parentChain, id];
    this.store.dropSubtree(chain);
    for (const field of this.fields) {
      if (!field.repeats.includes(repeat.path)) continue;
      this.enqueueDependents(field, chain);
      // Later instances moved up: position(..) results change.
      if (field.usesPosition) {
        for (const c of this.store.chainsOf(field, parentChain, this.byPath)) {
          this.queue.add(this.graph.rank[field.index]!, c);
        }
      }
    }
    this.enqueueReferencers(repeat, parentChain);
  }

  /** A repeat gained or lost an instance: only fields that name it (count(${rep})) need recomputing. */
  private enqueueReferencers(repeat: FieldInfo, parentChain: Chain): void {
    this.enqueueDependents(repeat, parentChain, this.graph.referencers[repeat.index]!);
  }

  /** Recomputes what the language shows through (choice labels). */
  setLanguage(language: string | undefined): void {
    this.language = language;
    for (const field of this.fields) {
      if (!field.usesLanguage) continue;
      for (const chain of this.store.chainsOf(field, [], this.byPath))
        this.queue.add(this.graph.rank[field.index]!, chain);
    }
    this.run();
  }

  /** Schedules every instance of every field that observes `field` at `chain`. */
  enqueueDependents(field: FieldInfo, chain: Chain, dependents = this.graph.dependents[field.index]!): void {
    const sourceRepeats = repeatsWithSelf(field);
    for (const dependent of dependents) {
      let shared = 0;
      if (!dependent.usesIndexedRepeat) {
        const own = repeatsWithSelf(dependent);
        while (shared < sourceRepeats.length && shared < own.length && own[shared] === sourceRepeats[shared])
          shared++;
      }
      const prefix = chain.slice(0, Math.min(shared, chain.length, dependent.repeats.length));
      for (const c of this.store.chainsOf(dependent, prefix, this.byPath)) {
        this.queue.add(this.graph.rank[dependent.index]!, c);
      }
    }
  }

  run(): void {
    for (let next = this.queue.take(); next; next = this.queue.take()) {
      const [rank, chain] = next;
      const field = this.graph.order[rank]!;
      if (!this.store.isAlive(chain)) continue;
      if (this.recompute(field, chain)) this.enqueueDependents(field, chain);
    }
  }

  private typed(field: FieldInfo, value: Value): string {
    return coerceToType(field.type, value);
  }

  /** Recomputes relevance, calculation and repeat count of one field instance; true if observable state changed. */
  private recompute(field: FieldInfo, chain: Chain): boolean {
    const parent = this.byPath.get(field.parent);
    const parentRelevant = parent
      ? this.store.isRelevant(parent, chain.slice(0, parent.repeats.length))
      : true;
    const { relevant, calculate, repeatCount } = field.expressions;
    let isRelevant = parentRelevant;
    if (isRelevant && relevant) isRelevant = toBoolean(this.evaluateIn('relevant', field, chain, true));
    let changed = this.store.setRelevant(field, chain, isRelevant);
    if (!isRelevant) return changed;
    if (calculate) {
      changed =
        this.store.setValue(
          field,
          chain,
          this.typed(field, this.evaluateIn('calculate', field, chain, '')),
        ) || changed;
    }
    if (repeatCount && field.kind === 'repeat') {
      const wanted = Math.trunc(Number(toStringValue(this.evaluateIn('repeatCount', field, chain, 0))));
      const count = Number.isFinite(wanted) ? Math.min(Math.max(wanted, 0), MAX_REPEAT_COUNT) : 0;
      const list = this.store.list(field, chain);
      while (list.length < count) this.initialiseInstance(field, chain);
      while (list.length > count) this.removeInstance(field, chain, list[list.length - 1]!);
    }
    return changed;
  }
}
