import type { Assignment, Member } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { assignmentAbilities } from './abilities.ts';
import {
  assignable,
  assignees,
  changeBody,
  createBody,
  draftOf,
  emptyDraft,
  inOrder,
  sectionLabel,
  targetOf,
} from './work.ts';

const member = (personId: string, displayName: string, role: Member['role']) =>
  ({ personId, displayName, role }) as Member;

const assignment = (over: Partial<Assignment> = {}): Assignment => ({
  id: 'a1',
  formId: 'f1',
  formTitle: 'Household count',
  personId: 'p1',
  teamId: null,
  assigneeName: 'Thandi',
  targetCount: 20,
  dueOn: null,
  note: '',
  status: 'active',
  settlementId: 's1',
  sectionId: 'x1',
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  revision: '1',
  deletedAt: null,
  ...over,
});

describe('who may give out work', () => {
  it('mirrors the server: coordinators and staff assign, the others do not', () => {
    expect(assignmentAbilities('coordinator').assign).toBe(true);
    expect(assignmentAbilities('staff').assign).toBe(true);
    for (const role of ['researcher', 'member', 'partner'] as const)
      expect(assignmentAbilities(role).assign).toBe(false);
  });

  it('offers the members who collect, by name, then the teams', () => {
    const offered = assignees(
      [
        member('p2', 'Zanele', 'researcher'),
        member('p3', 'Ama', 'member'),
        member('p4', 'Bongani', 'staff'),
        member('p5', 'Priya', 'partner'),
      ],
      [{ id: 't1', name: 'North team' }],
    );
    expect(offered.map((a) => [a.key, a.name])).toEqual([
      ['person:p4', 'Bongani'],
      ['person:p2', 'Zanele'],
      ['team:t1', 'North team'],
    ]);
  });

  it('gives out only a published, not archived form', () => {
    expect(assignable({ status: 'published', latestVersion: { id: 'v' } })).toBe(true);
    expect(assignable({ status: 'draft', latestVersion: { id: 'v' } })).toBe(true);
    expect(assignable({ status: 'draft', latestVersion: null })).toBe(false);
    expect(assignable({ status: 'archived', latestVersion: { id: 'v' } })).toBe(false);
  });
});

describe('the requests a draft makes', () => {
  it('reads a target as a whole number of at least one, or none', () => {
    expect(targetOf('')).toBeNull();
    expect(targetOf(' 12 ')).toBe(12);
    for (const wrong of ['0', '-3', '2.5', 'ten']) expect(targetOf(wrong)).toBeUndefined();
  });

  it('creates for a person or a team, with a section only beside its settlement', () => {
    expect(
      createBody('f1', { assignee: 'person:p1', target: '30', settlementId: 's1', sectionId: 'x1' }),
    ).toEqual({ formId: 'f1', personId: 'p1', targetCount: 30, settlementId: 's1', sectionId: 'x1' });
    expect(createBody('f1', { ...emptyDraft, assignee: 'team:t1', sectionId: 'x1' })).toEqual({
      formId: 'f1',
      teamId: 't1',
    });
  });

  it('changes only what changed, and the area whole', () => {
    const before = assignment();
    expect(changeBody(before, draftOf(before))).toEqual({});
    expect(changeBody(before, { ...draftOf(before), target: '' })).toEqual({ targetCount: null });
    expect(changeBody(before, { ...draftOf(before), sectionId: 'x2' })).toEqual({
      settlementId: 's1',
      sectionId: 'x2',
    });
    expect(changeBody(before, { ...draftOf(before), sectionId: '' })).toEqual({
      settlementId: 's1',
      sectionId: null,
    });
    expect(changeBody(before, { ...draftOf(before), settlementId: '', sectionId: 'x1' })).toEqual({
      settlementId: null,
    });
  });

  it('lists one form’s work, what is on before what ended', () => {
    const list = [
      assignment({ id: 'a', status: 'closed' }),
      assignment({ id: 'b' }),
      assignment({ id: 'c', formId: 'f2' }),
    ];
    expect(inOrder(list, 'f1').map((a) => a.id)).toEqual(['b', 'a']);
    expect(inOrder(list).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('names a section by its painted code and its name', () => {
    expect(sectionLabel({ code: 'A', name: '' })).toBe('A');
    expect(sectionLabel({ code: 'B', name: 'Upper field' })).toBe('B · Upper field');
    expect(sectionLabel({ code: 'B', name: 'Section B' })).toBe('B');
    expect(sectionLabel({ code: 'C', name: 'c' })).toBe('C');
  });
});
