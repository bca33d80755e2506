import { roles } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { can, canResolve, canSeeForm, formAbilities } from './policy.ts';

describe('forms policy', () => {
  it('gives each role exactly the rights of issue 3', () => {
    const table = Object.fromEntries(
      roles.map((role) => [
        role,
        (
          ['create', 'edit', 'publish', 'archive', 'readDraft', 'readPublished', 'comment', 'decide'] as const
        ).filter((action) => can(role, action)),
      ]),
    );
    expect(table).toEqual({
      coordinator: [
        'create',
        'edit',
        'publish',
        'archive',
        'readDraft',
        'readPublished',
        'comment',
        'decide',
      ],
      staff: ['create', 'edit', 'publish', 'archive', 'readDraft', 'readPublished', 'comment'],
      researcher: ['readDraft', 'readPublished', 'comment'],
      member: ['readDraft', 'readPublished', 'comment'],
      partner: ['readPublished'],
    });
  });

  it('hides unpublished forms from partners, and lets authors or coordinators resolve', () => {
    expect(canSeeForm('partner', { latestVersionId: null })).toBe(false);
    expect(canSeeForm('partner', { latestVersionId: 'v' })).toBe(true);
    expect(canSeeForm('member', { latestVersionId: null })).toBe(true);
    expect(canResolve('member', true)).toBe(true);
    expect(canResolve('member', false)).toBe(false);
    expect(canResolve('staff', false)).toBe(false);
    expect(canResolve('coordinator', false)).toBe(true);
    expect(canResolve('partner', true)).toBe(false);
  });

  it('freezes an archived form for everyone', () => {
    expect(formAbilities('coordinator', true)).toEqual({
      readDraft: true,
      edit: false,
      publish: false,
      archive: false,
      comment: false,
      decide: false,
    });
    expect(can('member' as never, 'unknown' as never)).toBe(false);
  });
});
