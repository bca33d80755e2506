// Reading a settlement's structures whole (the map draws them all), a few large pages at a time,
// and one structure with what it needs for its page.
import type { Structure } from '@coproduce/contract';
import { ApiError, call } from '../api.ts';

const pageSize = 2000;
const maxPages = 10;

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
  return structures;
}

/** One structure, or null when there is none (another workspace's id, or removed). */
export async function findStructure(workspaceId: string, structureId: string): Promise<Structure | null> {
  try {
    return await call('getStructure', { params: { workspaceId, structureId } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The other structures of the settlement painted with this one's number (only read when flagged). */
export async function sameNumber(workspaceId: string, structure: Structure): Promise<Structure[]> {
  if (!structure.duplicateNumber) return [];
  const all = await loadStructures(workspaceId, structure.settlementId);
  return all.filter((s) => s.number === structure.number && s.id !== structure.id);
}
