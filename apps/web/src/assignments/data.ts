// What the assignment screens read besides the assignments: who can be given work (members and
// teams), the settlements, and each settlement's sections (read when it is first chosen).
import type { AssignmentProgress, Member, Section, Settlement } from '@coproduce/contract';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { callAllPages } from '../api.ts';
import { type Assignee, assignees } from './work.ts';

export interface Choices {
  assignees: Assignee[];
  settlements: Settlement[];
}

export function useAssignments(workspaceId: string) {
  const [assignments, setAssignments] = useState<AssignmentProgress[] | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const params = { workspaceId };
      const [list, members, teams, settlements] = await Promise.all([
        callAllPages('listAssignments', { params }),
        callAllPages('listMembers', { params }),
        callAllPages('listTeams', { params }),
        callAllPages('listSettlements', { params }),
      ]);
      setAssignments(list);
      setChoices({ assignees: assignees(members as Member[], teams), settlements });
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [workspaceId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { assignments, setAssignments, choices, error, reload };
}

const sectionsCache = new Map<string, Promise<Section[]>>();

/** A settlement's sections, read once for the session: they rarely change while work is given out. */
function sectionsOf(workspaceId: string, settlementId: string): Promise<Section[]> {
  let loading = sectionsCache.get(settlementId);
  if (!loading) {
    loading = callAllPages('listSections', { params: { workspaceId, settlementId } });
    sectionsCache.set(settlementId, loading);
    loading.catch(() => sectionsCache.delete(settlementId));
  }
  return loading;
}

/** The sections of the settlement being chosen. */
export function useSections(workspaceId: string, settlementId: string) {
  const [sections, setSections] = useState<Section[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setSections(null);
    setError(null);
    if (!settlementId) return;
    let current = true;
    sectionsOf(workspaceId, settlementId).then(
      (found) => current && setSections(found),
      (caught) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [workspaceId, settlementId]);
  return { sections, error };
}

/** Sections by id, across the settlements whose sections were read, for naming an assignment's area. */
export function useSectionNames(workspaceId: string, settlementIds: readonly string[]) {
  const [names, setNames] = useState<Map<string, Section>>(new Map());
  const key = [...new Set(settlementIds)].sort().join(',');
  useEffect(() => {
    let current = true;
    const ids = key ? key.split(',') : [];
    Promise.all(
      ids.map((settlementId) => sectionsOf(workspaceId, settlementId).catch(() => [] as Section[])),
    ).then((lists) => {
      if (current) setNames(new Map(lists.flat().map((s) => [s.id, s])));
    });
    return () => {
      current = false;
    };
  }, [workspaceId, key]);
  return names;
}
