/**
 * Where each entity of a form goes, as pyxform 4.5 decides it (entities/entities_parsing.py):
 * every container (the survey, a group, a repeat) holds at most one entity (in its `meta`
 * group); an entity goes into the deepest repeat its references reach (`save_to` questions
 * and `${}` names in its label, entity_id, create_if, update_if), as deep as its `save_to`
 * questions allow; references from two repeats that are not one inside the other conflict.
 */

/** A container path from the survey root: `[{ name: 'survey', type: 'survey' }, …]`. */
export interface ContainerNode {
  name: string;
  type: 'survey' | 'group' | 'repeat' | 'loop';
}
export type ContainerPath = ContainerNode[];

export interface EntityReference {
  /** The containers around the question (not the question itself). */
  path: ContainerPath;
  /** Its survey row. */
  row: number;
  /** Set for a save_to reference: the property saved. */
  property?: string;
  /** Set for a `${}` reference from the entities sheet: the question named. */
  question?: string;
}

export interface EntityRequest {
  list: string;
  /** The entity's row on the entities sheet. */
  row: number;
  references: EntityReference[];
}

export type PlacementProblem =
  | { kind: 'save_to_scope'; row: number; list: string; otherScope: string; scope: string }
  | { kind: 'variable_scope'; row: number; list: string; otherScope: string; scope: string; question: string }
  | { kind: 'no_container'; row: number; scope: string; otherRow: number };

export const SURVEY_PATH: ContainerPath = [{ name: 'survey', type: 'survey' }];

const key = (path: ContainerPath) => path.map((n) => `${n.type}:${n.name}`).join('/');
export const pathText = (path: ContainerPath) => `/${path.map((n) => n.name).join('/')}`;
const samePath = (a: ContainerPath, b: ContainerPath) => key(a) === key(b);
const isBoundary = (node: ContainerNode) => node.type === 'repeat' || node.type === 'survey';

/** The path up to the nearest repeat (or the survey) around, itself included. */
function scopeBoundary(path: ContainerPath): ContainerPath {
  for (let i = path.length - 1; i >= 0; i--) if (isBoundary(path[i]!)) return path.slice(0, i + 1);
  return SURVEY_PATH;
}
/** How many repeats the path goes through. */
const boundaryCount = (path: ContainerPath) => path.slice(1).filter((n) => n.type === 'repeat').length;
/** How many containers lie below the nearest repeat (or the survey). */
function subpathCount(path: ContainerPath): number {
  let count = 0;
  for (let i = path.length - 1; i >= 0 && !isBoundary(path[i]!); i--) count++;
  return count;
}

interface Allocation {
  scope: ContainerPath;
  list: string;
  requested: ContainerPath;
  row: number;
  lineages: ContainerPath[];
}

class PlacementError extends Error {
  constructor(readonly problem: PlacementProblem) {
    super(problem.kind);
  }
}

/** pyxform's EntityReferences.get_allocation_request. */
function allocationRequest(request: EntityRequest): Allocation {
  let deepestScopeRef: EntityReference | null = null;
  let deepestScope: ContainerPath | null = null;
  let deepestScopeCount = 0;
  let deepestContainer: EntityReference | null = null;
  let deepestContainerSub = 0;
  let deepestSaveTo: EntityReference | null = null;
  let deepestSaveToSub = 0;
  const lineages = new Map<string, ContainerPath>();
  const boundaries: [EntityReference, ContainerPath][] = [];
  for (const ref of request.references) {
    const sub = subpathCount(ref.path);
    const boundary = scopeBoundary(ref.path);
    const count = boundaryCount(boundary);
    if (deepestScope === null || count > deepestScopeCount) {
      if (deepestScope === null || !samePath(boundary, deepestScope)) {
        deepestContainer = ref;
        deepestContainerSub = sub;
        if (ref.property !== undefined) {
          deepestSaveTo = ref;
          deepestSaveToSub = sub;
        }
      }
      deepestScope = boundary;
      deepestScopeCount = count;
      deepestScopeRef = ref;
    }
    boundaries.push([ref, boundary]);
    if (deepestContainer === null || (samePath(boundary, deepestScope) && sub > deepestContainerSub)) {
      deepestContainer = ref;
      deepestContainerSub = sub;
    }
    if (ref.property !== undefined) {
      lineages.set(key(ref.path), ref.path);
      if (deepestSaveTo === null || (samePath(boundary, deepestScope) && sub > deepestSaveToSub)) {
        deepestSaveTo = ref;
        deepestSaveToSub = sub;
      }
    }
  }
  let requested = deepestSaveTo ? deepestSaveTo.path : deepestContainer!.path;
  if (lineages.size > 0) {
    const paths = [...lineages.values()];
    const any = paths[0]!;
    const shortest = Math.min(...paths.map((p) => p.length));
    let common = any.slice(0, shortest);
    if (paths.length > 1) {
      // As pyxform: a later difference moves the cut again (its loop only leaves the inner loop).
      for (let i = 0; i < shortest; i++) {
        if (paths.some((p) => key([p[i]!]) !== key([any[i]!]))) common = any.slice(0, i);
      }
      // The deepest scope, or the deepest container in it (not necessarily the longest path).
      const candidates = [scopeBoundary(deepestSaveTo!.path), common];
      const rank = (p: ContainerPath) => [boundaryCount(p), subpathCount(p)] as const;
      const [a, b] = candidates.map(rank) as [readonly [number, number], readonly [number, number]];
      requested = b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? common : candidates[0]!;
    } else requested = common;
  }
  const requestedScope = scopeBoundary(requested);
  for (const [ref, boundary] of boundaries) {
    if (key(deepestScope!.slice(0, boundary.length)) !== key(boundary)) {
      if (ref.property !== undefined) {
        throw new PlacementError({
          kind: 'save_to_scope',
          row: ref.row,
          list: request.list,
          otherScope: pathText(deepestScopeRef!.path),
          scope: pathText(ref.path),
        });
      }
      throw new PlacementError({
        kind: 'variable_scope',
        row: request.row,
        list: request.list,
        otherScope: pathText(deepestScopeRef!.path),
        scope: pathText(ref.path),
        question: ref.question ?? '',
      });
    }
    if (ref.property !== undefined && !samePath(requestedScope, boundary)) {
      throw new PlacementError({
        kind: 'save_to_scope',
        row: ref.row,
        list: request.list,
        otherScope: pathText(requested),
        scope: pathText(ref.path),
      });
    }
  }
  return {
    scope: deepestScope!,
    list: request.list,
    requested,
    row: request.row,
    lineages: [...lineages.values()],
  };
}

/**
 * The container path of every entity list (pyxform's allocate_entities_to_containers), or the
 * first problem that makes a placement impossible. `declared` lists every entity with its row;
 * `requests` the references found for some of them.
 */
export function placeEntities(
  declared: { list: string; row: number }[],
  requests: EntityRequest[],
): { placements: Map<string, ContainerPath> } | { problem: PlacementProblem } {
  try {
    const byScope = new Map<string, Allocation[]>();
    const add = (allocation: Allocation) => {
      const k = key(allocation.scope);
      byScope.set(k, [...(byScope.get(k) ?? []), allocation]);
    };
    const requested = new Set(requests.map((r) => r.list));
    for (const request of requests) add(allocationRequest(request));
    for (const { list, row } of declared) {
      if (!requested.has(list)) add({ scope: SURVEY_PATH, list, requested: SURVEY_PATH, row, lineages: [] });
    }
    const placements = new Map<string, ContainerPath>();
    const only = [...byScope.values()];
    if (only.length === 1 && only[0]!.length === 1 && samePath(only[0]![0]!.scope, SURVEY_PATH)) {
      placements.set(only[0]![0]!.list, SURVEY_PATH);
      return { placements };
    }
    const allocated = new Map<string, string>();
    const reserved = new Map<string, string>();
    const rowOf = new Map(declared.map((d) => [d.list, d.row]));
    for (const allocations of byScope.values()) {
      const limit = allocations[0]!.scope.length - 1;
      for (const request of [...allocations].sort((a, b) => a.row - b.row)) {
        let conflict: string | undefined;
        for (let depth = request.requested.length; depth > limit; depth--) {
          const path = request.requested.slice(0, depth);
          conflict = allocated.get(key(path)) ?? reserved.get(key(path));
          if (conflict !== undefined) {
            // pyxform looks at the first save_to lineage only.
            const first = request.lineages[0];
            const saveToConflict = first ? reserved.get(key(first)) : undefined;
            if (saveToConflict) {
              conflict = saveToConflict;
              break;
            }
            continue;
          }
          allocated.set(key(path), request.list);
          reserved.set(key(path), request.list);
          placements.set(request.list, path);
          for (const lineage of request.lineages) {
            for (let i = lineage.length; i > path.length - 1; i--)
              reserved.set(key(lineage.slice(0, i)), request.list);
          }
          break;
        }
        if (conflict !== undefined) {
          throw new PlacementError({
            kind: 'no_container',
            row: request.row,
            scope: pathText(allocations[0]!.scope),
            otherRow: rowOf.get(conflict) ?? 0,
          });
        }
      }
    }
    return { placements };
  } catch (error) {
    if (error instanceof PlacementError) return { problem: error.problem };
    throw error;
  }
}
