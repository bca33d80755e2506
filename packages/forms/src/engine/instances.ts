import type { FieldInfo } from './fields.ts';

/** Ids of the repeat instances a field instance sits in, outermost first. */
export type Chain = readonly number[];

export const chainKey = (chain: Chain): string => chain.join('.');

/** What is stored for one chain of repeat instance ids (the form root is the empty chain). */
interface Slot {
  values: Map<number, string>;
  relevance: Map<number, boolean>;
  /** Instance ids of each repeat (by field index) directly under this chain. */
  lists: Map<number, number[]>;
}

/**
 * The instance tree: repeat instances get stable ids (so removing one does not rename the others),
 * and values and relevance are stored per chain of ids, then per field.
 */
export class InstanceStore {
  private nextId = 1;
  private readonly slots = new Map<string, Slot>();
  private readonly alive = new Set<number>();

  private slot(chain: Chain): Slot {
    const key = chainKey(chain);
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { values: new Map(), relevance: new Map(), lists: new Map() };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** Instance ids of a repeat under the chain of its enclosing repeats. */
  list(repeat: FieldInfo, parentChain: Chain): number[] {
    const slot = this.slot(parentChain);
    let list = slot.lists.get(repeat.index);
    if (!list) {
      list = [];
      slot.lists.set(repeat.index, list);
    }
    return list;
  }

  /** Like list() but never creates an entry (for lookups on chains that may be gone). */
  peek(repeat: FieldInfo, parentChain: Chain): readonly number[] {
    return this.slots.get(chainKey(parentChain))?.lists.get(repeat.index) ?? [];
  }

  /** Whether every repeat instance in the chain still exists. */
  isAlive(chain: Chain): boolean {
    return chain.every((id) => this.alive.has(id));
  }

  add(repeat: FieldInfo, parentChain: Chain): number {
    const id = this.nextId++;
    this.list(repeat, parentChain).push(id);
    this.alive.add(id);
    return id;
  }

  /** Forgets everything stored under `chain` (a removed repeat instance), nested instances included. */
  dropSubtree(chain: Chain): void {
    const key = chainKey(chain);
    this.alive.delete(chain[chain.length - 1]!);
    for (const [k, slot] of this.slots) {
      if (k !== key && !k.startsWith(`${key}.`)) continue;
      for (const ids of slot.lists.values()) for (const id of ids) this.alive.delete(id);
      this.slots.delete(k);
    }
  }

  getValue(field: FieldInfo, chain: Chain): string {
    return this.slots.get(chainKey(chain))?.values.get(field.index) ?? '';
  }

  /** Returns whether the value changed. */
  setValue(field: FieldInfo, chain: Chain, value: string): boolean {
    const values = this.slot(chain).values;
    if ((values.get(field.index) ?? '') === value) return false;
    values.set(field.index, value);
    return true;
  }

  isRelevant(field: FieldInfo, chain: Chain): boolean {
    return this.slots.get(chainKey(chain))?.relevance.get(field.index) ?? true;
  }

  setRelevant(field: FieldInfo, chain: Chain, relevant: boolean): boolean {
    const relevance = this.slot(chain).relevance;
    if ((relevance.get(field.index) ?? true) === relevant) return false;
    relevance.set(field.index, relevant);
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
