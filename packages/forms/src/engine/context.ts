import { type EvalContext, ExpressionError, type PathNode, type Value } from '../expr/index.ts';
import type { FieldInfo } from './fields.ts';
import type { Chain, InstanceStore } from './instances.ts';

export interface EngineOptions {
  language?: string;
  choiceLabel?: (list: string, name: string, lang?: string) => string | undefined;
  now?: () => Date;
  uuid?: () => string;
  /** Instances a repeat without repeat_count starts with (default 1). */
  initialRepeatInstances?: number;
  /**
   * `${last-saved#name}`: the named question's answer in the last record of this form saved on
   * the device, as ODK Collect keeps it; without one (a first record) it reads as unanswered.
   */
  lastSaved?: (name: string) => string | undefined;
}

/** What the evaluation context needs from the engine. */
export interface FormState {
  readonly store: InstanceStore;
  readonly byName: Map<string, FieldInfo>;
  readonly byPath: Map<string, FieldInfo>;
  readonly options: EngineOptions;
  language: string | undefined;
  /** Value as other expressions see it: '' when the field is not relevant. */
  effectiveValue(field: FieldInfo, chain: Chain): string;
}

/** The repeat chain a field's own instances are keyed by, counting a repeat as inside itself. */
export function repeatsWithSelf(field: FieldInfo): string[] {
  return field.kind === 'repeat' ? [...field.repeats, field.path] : field.repeats;
}

function commonRepeatDepth(a: string[], b: string[]): number {
  let depth = 0;
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++;
  return depth;
}

/** ${name} from `field` at `chain`: one value within the shared repeat instance, a node-set beyond it. */
function resolveField(state: FormState, from: FieldInfo, chain: Chain, target: FieldInfo): Value {
  if (target.kind === 'group') return '';
  const targetRepeats = repeatsWithSelf(target);
  const shared = commonRepeatDepth(from.repeats, targetRepeats);
  const prefix = chain.slice(0, shared);
  const instanceValue = (c: Chain): string =>
    target.kind === 'repeat' ? '' : state.effectiveValue(target, c);
  if (shared === targetRepeats.length) return instanceValue(prefix);
  const chains = state.store.chainsOf({ ...target, repeats: targetRepeats }, prefix, state.byPath);
  if (target.kind === 'repeat') {
    // Each instance of the repeat itself is one node; non-relevant instances do not count.
    return chains.filter((c) => state.store.isRelevant(target, c.slice(0, -1))).map(() => '');
  }
  return chains.map(instanceValue);
}

/**
 * `select_one ${name}` (choices from earlier answers): every instance of the repeat around
 * `target`, within the repeat instances `from` shares with it, with its chain, in order.
 */
export function answerInstances(
  state: FormState,
  from: FieldInfo,
  chain: Chain,
  target: FieldInfo,
): { chain: Chain; value: string }[] {
  const targetRepeats = repeatsWithSelf(target);
  // The innermost repeat of the answers is always gone through, even from inside it.
  const shared = Math.min(commonRepeatDepth(from.repeats, targetRepeats), targetRepeats.length - 1);
  if (shared < 0) return [];
  const chains = state.store.chainsOf(
    { ...target, repeats: targetRepeats },
    chain.slice(0, shared),
    state.byPath,
  );
  return chains.map((c) => ({ chain: c, value: state.effectiveValue(target, c) }));
}

function pathTarget(from: FieldInfo, path: PathNode): string | undefined {
  if (path.base) return undefined;
  const segments = path.absolute ? [] : from.path.split('/').filter(Boolean);
  for (const step of path.steps) {
    if (step.predicates.length > 0) return undefined;
    if (step.axis === 'parent' && step.test === 'node()') segments.pop();
    else if (step.axis === 'self' && step.test === 'node()') continue;
    else if (step.axis === 'child') segments.push(step.test);
    else return undefined;
  }
  return `/${segments.join('/')}`;
}

/**
 * A node standing for a bind placed in a container (the form at '', a group, or a repeat, whose
 * instance the chain names), as pyxform places an entity's `meta/entity` there: ${name} and
 * relative paths then resolve as they do for a question in that instance.
 */
export function nodeInside(container: FieldInfo | null): FieldInfo {
  const path = `${container?.path ?? ''}/meta/entity`;
  return {
    index: -1,
    path,
    name: 'entity',
    type: 'string',
    kind: 'leaf',
    parent: path.slice(0, path.lastIndexOf('/')),
    repeats: container ? repeatsWithSelf(container) : [],
    listName: undefined,
    staticDefault: undefined,
    expressions: {},
    usesPosition: false,
    usesIndexedRepeat: false,
    usesLanguage: false,
  };
}

export function createEvalContext(
  state: FormState,
  field: FieldInfo,
  chain: Chain,
  extra: { currentValue?: () => Value; choiceRow?: Record<string, string> } = {},
): EvalContext {
  const ctx: EvalContext = {
    resolve: (name) => {
      const target = state.byName.get(name);
      return target ? resolveField(state, field, chain, target) : '';
    },
    resolveLastSaved: (name) => state.options.lastSaved?.(name) ?? '',
    currentValue: extra.currentValue ?? (() => state.store.getValue(field, chain)),
    position: (levelsUp) => {
      const segments = field.path.split('/');
      const nodePath = segments.slice(0, Math.max(1, segments.length - levelsUp)).join('/');
      const repeats = repeatsWithSelf(field).slice(0, chain.length);
      for (let level = repeats.length - 1; level >= 0; level--) {
        const repeatPath = repeats[level]!;
        if (nodePath === repeatPath || nodePath.startsWith(`${repeatPath}/`)) {
          const repeat = state.byPath.get(repeatPath)!;
          return state.store.list(repeat, chain.slice(0, level)).indexOf(chain[level]!) + 1;
        }
      }
      return 1;
    },
    indexedRepeat: (name, repeats) => {
      const target = state.byName.get(name);
      if (!target) return '';
      const wanted = new Map(repeats.map((r) => [state.byName.get(r.repeat)?.path, r.index]));
      const targetChain: number[] = [];
      for (const [level, repeatPath] of target.repeats.entries()) {
        const index = wanted.get(repeatPath);
        if (index !== undefined) {
          // JavaRosa truncates the index and reads anything below 1 (e.g. a blank count) as 1.
          const position = Math.max(1, Math.trunc(index) || 1);
          const id = state.store.peek(state.byPath.get(repeatPath)!, targetChain)[position - 1];
          if (id === undefined) return '';
          targetChain.push(id);
        } else if (field.repeats[level] === repeatPath && chain[level] !== undefined) {
          targetChain.push(chain[level]);
        } else return '';
      }
      return state.effectiveValue(target, targetChain);
    },
    choiceLabel: (fieldName, choiceName, language) => {
      const list = state.byName.get(fieldName)?.listName;
      return list ? state.options.choiceLabel?.(list, choiceName, language) : undefined;
    },
    now: () => state.options.now?.() ?? new Date(),
    uuid: () => state.options.uuid?.() ?? globalThis.crypto.randomUUID(),
    resolvePath: (path) => {
      // In a choice filter a bare name is a column of the choice row being tested.
      const only = path.steps[0];
      if (
        extra.choiceRow &&
        !path.absolute &&
        !path.base &&
        path.steps.length === 1 &&
        only?.axis === 'child'
      ) {
        return extra.choiceRow[only.test] ?? '';
      }
      const target = pathTarget(field, path);
      if (target === undefined) {
        throw new ExpressionError(
          'expr.unsupported_path',
          'this location path cannot be evaluated',
          path.start,
        );
      }
      // As in XPath, a path that selects nothing is an empty node-set (e.g. a bare word like `yes`).
      const targetField = state.byPath.get(target);
      return targetField ? resolveField(state, field, chain, targetField) : [];
    },
  };
  if (state.language !== undefined) ctx.language = state.language;
  return ctx;
}
