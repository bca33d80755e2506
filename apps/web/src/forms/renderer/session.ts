// One filling of a form: the engine plus what the screen needs around it. The engine has no
// change feed, so after each answer the session re-reads only the fields that are on screen
// (they subscribe while mounted) and wakes the ones whose state really changed: an answer on
// a 1,000-calculate form re-renders the two or three widgets it affects, not the form.
import { createFormEngine, type Form, type FormEngine, type ValidationProblem } from '../lib.ts';
import { buildTree, engineFields, expandLoops, METADATA_TYPES, type RenderNode } from './tree.ts';

export type Problem = 'required' | 'constraint';
export type Indexes = readonly number[];

export const keyOf = (path: string, indexes: Indexes): string => `${path}#${indexes.join('.')}`;

interface Watcher {
  read: () => string;
  last: string;
  wake: () => void;
}

export interface SessionOptions {
  language?: string;
  username?: string;
  deviceId?: string;
  now?: () => Date;
}

export class FormSession {
  readonly engine: FormEngine;
  readonly tree: RenderNode[];
  /** Path and repeat depth of each field by name, for `${name}` inside labels. */
  readonly byName = new Map<string, { path: string; depth: number }>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly problems = new Map<string, Problem>();
  private readonly metadata: { path: string; type: string }[] = [];
  /** Files chosen for image/audio/video/file questions; the answer holds the file name. */
  readonly files = new Map<string, File>();

  constructor(
    readonly form: Form,
    private readonly options: SessionOptions = {},
  ) {
    // Loops are asked once per choice, as ODK asks them.
    this.tree = buildTree(expandLoops(form).survey);
    const fields = engineFields(this.tree);
    const depth = new Map<string, number>([['', 0]]);
    for (const field of fields) {
      const parent = field.path.slice(0, field.path.lastIndexOf('/'));
      const own = (depth.get(parent) ?? 0) + (field.type === 'begin_repeat' ? 1 : 0);
      depth.set(field.path, own);
      this.byName.set(field.name, { path: field.path, depth: depth.get(parent) ?? 0 });
    }
    const choiceLabel = (list: string, name: string, lang?: string) => {
      const choice = form.choices[list]?.find((c) => c.name === name);
      if (!choice) return undefined;
      return (lang && choice.label[lang]) || choice.label.default || Object.values(choice.label)[0];
    };
    const engineOptions: Parameters<typeof createFormEngine>[1] = { choiceLabel };
    if (options.language) engineOptions.language = options.language;
    if (options.now) engineOptions.now = options.now;
    this.engine = createFormEngine(fields, engineOptions);
    for (const field of fields) if (METADATA_TYPES.has(field.type)) this.metadata.push(field);
    this.fillMetadata('start');
  }

  /** Metadata is filled by the device, never typed: when the form opens, and `end` when it is sent. */
  private fillMetadata(moment: 'start' | 'end'): void {
    const now = (this.options.now ?? (() => new Date()))();
    for (const { path, type } of this.metadata) {
      if (this.engine.getAnswer(path) !== '' && type !== 'end') continue;
      const value =
        type === 'start' || type === 'end'
          ? now.toISOString()
          : type === 'today'
            ? now.toISOString().slice(0, 10)
            : type === 'deviceid'
              ? (this.options.deviceId ?? '')
              : type === 'username'
                ? (this.options.username ?? '')
                : `uuid:${globalThis.crypto.randomUUID()}`;
      if (moment === 'start' ? type !== 'end' : type === 'end') this.engine.setAnswer(path, value);
    }
  }

  answer(path: string, indexes: Indexes, value: string | string[]): void {
    this.engine.setAnswer(path, value, indexes);
    const key = keyOf(path, indexes);
    // A fixed answer clears its message at once; a new problem waits for "Next" or "Send".
    if (this.problems.has(key) && this.check(path, indexes) === undefined) this.problems.delete(key);
    this.refresh();
  }

  value(path: string, indexes: Indexes): string {
    return this.engine.getAnswer(path, indexes);
  }

  /** A label with `${name}` references filled with the current answers. */
  fill(text: string, indexes: Indexes): string {
    if (!text.includes('${')) return text;
    return text.replace(/\$\{([^}\s]+)\}/g, (_all, name: string) => {
      const target = this.byName.get(name);
      if (!target) return '';
      try {
        return this.engine.getAnswer(target.path, indexes.slice(0, target.depth));
      } catch {
        return '';
      }
    });
  }

  /** How many widgets the last change woke: tests use it to prove an answer re-renders only what it affects. */
  lastWoken = 0;

  /** Wakes each watcher whose reading changed since it last rendered. */
  refresh(): void {
    this.lastWoken = 0;
    for (const set of this.watchers.values()) {
      for (const watcher of set) {
        const now = watcher.read();
        if (now !== watcher.last) {
          watcher.last = now;
          this.lastWoken++;
          watcher.wake();
        }
      }
    }
  }

  /** Subscribes while mounted; `read` returns a string that changes whenever the view must. */
  watch(key: string, read: () => string, wake: () => void): () => void {
    const watcher: Watcher = { read, last: read(), wake };
    let set = this.watchers.get(key);
    if (!set) {
      set = new Set();
      this.watchers.set(key, set);
    }
    set.add(watcher);
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(key);
    };
  }

  problem(path: string, indexes: Indexes): Problem | undefined {
    return this.problems.get(keyOf(path, indexes));
  }

  /** The problem with one field instance now, if it is relevant. */
  check(path: string, indexes: Indexes): Problem | undefined {
    if (!this.engine.isRelevant(path, indexes)) return undefined;
    if (this.engine.getAnswer(path, indexes) === '') {
      return this.engine.isRequired(path, indexes) ? 'required' : undefined;
    }
    return this.engine.constraintOk(path, indexes) ? undefined : 'constraint';
  }

  /** Checks the given field instances, keeps their problems for display, returns the failing keys. */
  checkAll(instances: { path: string; indexes: Indexes }[]): string[] {
    const failing: string[] = [];
    for (const { path, indexes } of instances) {
      const key = keyOf(path, indexes);
      const problem = this.check(path, indexes);
      if (problem) {
        this.problems.set(key, problem);
        failing.push(key);
      } else this.problems.delete(key);
    }
    this.refresh();
    return failing;
  }

  /** Every problem in the form, kept for display; used before sending. */
  validateAll(): ValidationProblem[] {
    const all = this.engine.validate();
    for (const p of all) this.problems.set(keyOf(p.path, p.repeatIndexes), p.code);
    this.refresh();
    return all;
  }

  addRepeat(path: string, parentIndexes: Indexes): number {
    const index = this.engine.addRepeatInstance(path, parentIndexes);
    this.refresh();
    return index;
  }

  removeRepeat(path: string, indexes: Indexes): void {
    this.engine.removeRepeatInstance(path, indexes);
    // Problems are keyed by index, and the later instances have moved up.
    for (const key of [...this.problems.keys()]) if (key.startsWith(`${path}/`)) this.problems.delete(key);
    this.refresh();
  }

  setLanguage(language: string): void {
    this.engine.setLanguage(language);
    this.refresh();
  }

  finish(): Record<string, unknown> {
    this.fillMetadata('end');
    return this.engine.answers();
  }
}
