import { type ExprNode, referencedNames } from '../expr/index.ts';
import {
  describeFields,
  type EngineField,
  type ExpressionColumn,
  type FieldInfo,
  FormEngineError,
} from './fields.ts';

/** Columns whose results are form state (a value or relevance) other fields can observe. */
const STATE_COLUMNS = ['calculate', 'relevant', 'repeatCount'] as const;

export interface DependencyGraph {
  /** Fields in an order where every field comes after everything it depends on. */
  order: FieldInfo[];
  /** Position of each field (by FieldInfo.index) in `order`. */
  rank: number[];
  /** Fields whose state must be recomputed when this field's value or relevance changes. */
  dependents: FieldInfo[][];
  /** Like `dependents` but only through references (no parent → child relevance edges). */
  referencers: FieldInfo[][];
}

export function fieldByName(fields: FieldInfo[]): Map<string, FieldInfo> {
  const byName = new Map<string, FieldInfo>();
  for (const field of fields) if (!byName.has(field.name)) byName.set(field.name, field);
  return byName;
}

/** Edges source → dependent: references in state columns, plus group/repeat → child (relevance flows down). */
function edges(fields: FieldInfo[], strict: boolean, withStructure = true): FieldInfo[][] {
  const byName = fieldByName(fields);
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const out: FieldInfo[][] = fields.map(() => []);
  for (const field of fields) {
    const sources = new Set<FieldInfo>();
    const parent = byPath.get(field.parent);
    if (parent && withStructure) sources.add(parent);
    for (const [column, node] of Object.entries(field.expressions) as [ExpressionColumn, ExprNode][]) {
      const isState = (STATE_COLUMNS as readonly string[]).includes(column);
      for (const name of referencedNames(node)) {
        const source = byName.get(name);
        if (source && isState) sources.add(source);
        if (!source && strict) {
          const message = `${field.path} ${column}: unknown field \${${name}}`;
          throw new FormEngineError('engine.unknown_reference', message, { path: field.path, column });
        }
      }
    }
    for (const source of sources) out[source.index]!.push(field);
  }
  return out;
}

/** A cycle as names, closed (first name repeated at the end), or null. Iterative DFS: forms can be deep. */
function cycleIn(fields: FieldInfo[], dependents: FieldInfo[][]): string[] | null {
  const state = new Uint8Array(fields.length); // 0 new, 1 on stack, 2 done
  for (const root of fields) {
    if (state[root.index] !== 0) continue;
    const stack: { field: FieldInfo; next: number }[] = [{ field: root, next: 0 }];
    state[root.index] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = dependents[top.field.index]!;
      if (top.next >= children.length) {
        state[top.field.index] = 2;
        stack.pop();
        continue;
      }
      const child = children[top.next++]!;
      if (state[child.index] === 1) {
        const from = stack.findIndex((entry) => entry.field === child);
        return [...stack.slice(from).map((entry) => entry.field.name), child.name];
      }
      if (state[child.index] === 0) {
        state[child.index] = 1;
        stack.push({ field: child, next: 0 });
      }
    }
  }
  return null;
}

/**
 * The first circular dependency among calculations, relevance and repeat counts (a group's relevance
 * reaches its children), as field names with the first repeated at the end: ['a', 'b', 'a'].
 * Each name is used by the next one (b's expressions read a); reverse it to read "a uses b".
 */
export function findCycle(fields: EngineField[]): string[] | null {
  const infos = describeFields(fields);
  return cycleIn(infos, edges(infos, false));
}

export function buildGraph(fields: FieldInfo[]): DependencyGraph {
  const dependents = edges(fields, true);
  const cycle = cycleIn(fields, dependents);
  if (cycle) throw new FormEngineError('engine.cycle', `circular dependency: ${cycle.join(' → ')}`);
  // Kahn's algorithm, taking ready fields in form order so the result is stable.
  const incoming = new Array<number>(fields.length).fill(0);
  for (const list of dependents) for (const d of list) incoming[d.index]!++;
  const ready = fields.filter((f) => incoming[f.index] === 0).map((f) => f.index);
  const order: FieldInfo[] = [];
  while (ready.length > 0) {
    const index = ready.shift()!;
    order.push(fields[index]!);
    for (const d of dependents[index]!) if (--incoming[d.index]! === 0) ready.push(d.index);
  }
  const rank = new Array<number>(fields.length).fill(0);
  order.forEach((f, position) => {
    rank[f.index] = position;
  });
  return { order, rank, dependents, referencers: edges(fields, false, false) };
}
