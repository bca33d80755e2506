// Reading a settlement's structures whole (the map draws them all), a few large pages at a time,
// and keeping the last settlement's list so opening a structure from the map is immediate.
import type { Structure } from '@coproduce/contract';
import { call } from '../api.ts';

const pageSize = 2000;
const maxPages = 10;
let kept: { settlementId: string; structures: Structure[] } | null = null;

export async function loadStructures(workspaceId: string, settlementId: string): Promise<Structure[]> {
  const structures: Structure[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await call('listStructures', {
      params: { workspaceId, settlementId },
      query: { limit: pageSize, ...(cursor ? { cursor } : {}) },
    });
    structures.push(...result.items);
    if (!result.hasMore || !result.cursor) break;
    cursor = result.cursor;
  }
  keepStructures(settlementId, structures);
  return structures;
}

export function keepStructures(settlementId: string, structures: Structure[]): void {
  kept = { settlementId, structures };
}

/** One structure: from the list kept when it is there, else from the settlement read again. */
export async function findStructure(
  workspaceId: string,
  settlementId: string,
  structureId: string,
): Promise<Structure | null> {
  const byId = (list: Structure[]) => list.find((structure) => structure.id === structureId) ?? null;
  const found = kept?.settlementId === settlementId ? byId(kept.structures) : null;
  return found ?? byId(await loadStructures(workspaceId, settlementId));
}

/** After a change: the kept list holds the new version. */
export function replaceKept(structure: Structure): void {
  if (kept?.settlementId !== structure.settlementId) return;
  kept = {
    settlementId: kept.settlementId,
    structures: kept.structures.map((s) => (s.id === structure.id ? structure : s)),
  };
}

/** The other structures of the kept list painted with this one's number. */
export function sameNumber(structure: Structure): Structure[] {
  if (kept?.settlementId !== structure.settlementId) return [];
  return kept.structures.filter((s) => s.number === structure.number && s.id !== structure.id);
}
