// The assignment editor's logic, apart from its screen: who can be chosen, the area's words, and
// the request bodies a draft makes (a change sends only what changed, the area as a whole).
import type { Assignment, Member } from '@coproduce/contract';
import { collectingRoles } from './abilities.ts';

/** "person:<id>" or "team:<id>": one select offers both. */
export type AssigneeKey = `person:${string}` | `team:${string}`;

export interface Assignee {
  key: AssigneeKey;
  name: string;
  kind: 'person' | 'team';
}

/** People who collect, then teams, each by name. */
export function assignees(members: readonly Member[], teams: readonly { id: string; name: string }[]) {
  const byName = (a: Assignee, b: Assignee) => a.name.localeCompare(b.name);
  const people: Assignee[] = members
    .filter((m) => collectingRoles.includes(m.role))
    .map((m) => ({ key: `person:${m.personId}`, name: m.displayName, kind: 'person' }));
  const groups: Assignee[] = teams.map((t) => ({ key: `team:${t.id}`, name: t.name, kind: 'team' }));
  return [...people.sort(byName), ...groups.sort(byName)];
}

export interface Draft {
  assignee: AssigneeKey | '';
  /** As typed: empty for no target. */
  target: string;
  settlementId: string;
  sectionId: string;
}

export const emptyDraft: Draft = { assignee: '', target: '', settlementId: '', sectionId: '' };

export function draftOf(assignment: Assignment): Draft {
  return {
    assignee: assignment.personId ? `person:${assignment.personId}` : `team:${assignment.teamId ?? ''}`,
    target: assignment.targetCount === null ? '' : String(assignment.targetCount),
    settlementId: assignment.settlementId ?? '',
    sectionId: assignment.sectionId ?? '',
  };
}

/** A whole number of at least 1, or null for none; undefined when what was typed is not one. */
export function targetOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 ? n : undefined;
}

export function createBody(formId: string, draft: Draft) {
  const [kind, id] = draft.assignee.split(':') as ['person' | 'team', string];
  const target = targetOf(draft.target);
  return {
    formId,
    ...(kind === 'person' ? { personId: id } : { teamId: id }),
    ...(typeof target === 'number' ? { targetCount: target } : {}),
    ...(draft.settlementId ? { settlementId: draft.settlementId } : {}),
    ...(draft.settlementId && draft.sectionId ? { sectionId: draft.sectionId } : {}),
  };
}

/** Only what changed; a changed area is sent whole (a section always with its settlement). */
export function changeBody(before: Assignment, draft: Draft) {
  const body: { targetCount?: number | null; settlementId?: string | null; sectionId?: string | null } = {};
  const target = targetOf(draft.target);
  if (target !== undefined && target !== before.targetCount) body.targetCount = target;
  const settlementId = draft.settlementId || null;
  const sectionId = settlementId ? draft.sectionId || null : null;
  if (settlementId !== before.settlementId || sectionId !== before.sectionId) {
    body.settlementId = settlementId;
    if (settlementId) body.sectionId = sectionId;
  }
  return body;
}

/** The form's assignments first by status (active ones first), then newest first as the server sends them. */
export function inOrder<A extends Assignment>(assignments: readonly A[], formId?: string): A[] {
  const shown = formId ? assignments.filter((a) => a.formId === formId) : [...assignments];
  return shown.sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1));
}

/**
 * "A" or "A · Upper field": the painted code people know, and the name when it says more than the
 * code ("Section B" adds nothing to "B").
 */
export function sectionLabel(section: { code: string; name: string }): string {
  const name = section.name.trim();
  const code = section.code.trim();
  if (!name || name.toLowerCase() === code.toLowerCase()) return code;
  if (name.toLowerCase().endsWith(` ${code.toLowerCase()}`) && name.split(/\s+/).length === 2) return code;
  return `${code} · ${name}`;
}

/** Whether a form can be given out: the server takes only a published, not archived one. */
export const assignable = (form: { status: string; latestVersion: unknown }) =>
  form.latestVersion !== null && form.status !== 'archived';
