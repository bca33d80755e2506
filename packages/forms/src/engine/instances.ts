import type { FieldInfo } from './fields.ts';

/** Ids of the repeat instances a field instance sits in, outermost first. */
export type Chain = readonly number[];

export const chainKey = (chain: Chain): string => chain.join('.');
const slotKey = (field: FieldInfo, chain: Chain): string => `${field.index}|${chainKey(chain)}`;

/**
 * The instance tree: repeat instances get stable ids (so removing one does not rename the others),
 * and values and relevance are stored per field per chain of ids.
 */
export class InstanceStore {
  private nextId = 1;
  private readonly repeatLists = new Map<string, number[]>();
  private readonly values = new Map<string, string>();
  private readonly relevance = new Map<string, boolean>();

  /** Instance ids of a repeat under the chain of its enclosing repeats. */
  list(repeat: FieldInfo, parentChain: Chain): number[] {
    const key = slotKey(repeat, parentChain);
    let list = this.repeatLists.get(key);
    if (!list) {
      list = [];
      this.repeatLists.set(key, list);
    }
    return list;
  }

  /** Like list() but never creates an entry (for lookups on chains that may be gone). */
  peek(repeat: FieldInfo, parentChain: Chain): readonly number[] {
    return this.repeatLists.get(slotKey(repeat, parentChain)) ?? [];
  }

  /** Whether every repeat instance in the chain still exists. */
  isAlive(repeats: readonly FieldInfo[], chain: Chain): boolean {
    return chain.every((id, level) => this.peek(repeats[level]!, chain.slice(0, level)).includes(id));
  }

  add(repeat: FieldInfo, parentChain: Chain): number {
    const id = this.nextId++;
    this.list(repeat, parentChain).push(id);
    return id;
  }

  /** Forgets everything stored under `chain` (a removed repeat instance). */
  dropSubtree(chain: Chain): void {
    const prefix = `|${chainKey(chain)}`;
    const matches = (key: string): boolean => {
      const rest = key.slice(key.indexOf('|'));
      return rest === prefix || rest.startsWith(`${prefix}.`);
    };
    for (const map of [this.values, this.relevance, this.repeatLists] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (matches(key)) map.delete(key);
    }
  }

  getValue(field: FieldInfo, chain: Chain): string {
    return this.values.get(slotKey(field, chain)) ?? '';
  }

  /** Returns whether the value changed. */
  setValue(field: FieldInfo, chain: Chain, value: string): boolean {
    const key = slotKey(field, chain);
    if ((this.values.get(key) ?? '') === value) return false;
    this.values.set(key, value);
    return true;
  }

  isRelevant(field: FieldInfo, chain: Chain): boolean {
    return this.relevance.get(slotKey(field, chain)) ?? true;
  }

  setRelevant(field: FieldInfo, chain: Chain, relevant: boolean): boolean {
    const key = slotKey(field, chain);
    if ((this.relevance.get(key) ?? true) === relevant) return false;
    this.relevance.set(key, relevant);
    return true;
  }

  /** All chains of a field's instances that start with `prefix` (expanding the remaining repeats). */
  chainsOf(field: FieldInfo, prefix: Chain, repeatsByPath: Map<string, FieldInfo>): Chain[] {
    let chains: Chain[] = [prefix];
    for (let level = prefix.length; level < field.repeats.length; level++) {
      const repeat = repeatsByPath.get(field.repeats[level]!)!;
      chains = chains.flatMap((chain) => this.peek(repeat, chain).map((id) => [...chain, id]));
    }
    return chains;
  }
}
