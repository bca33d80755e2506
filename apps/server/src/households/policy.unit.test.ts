import { describe, expect, it } from 'vitest';
import { canHouseholds, openForHouseholds, purposeOf, roundStep } from './policy.ts';

describe('round steps', () => {
  it('moves one step forward for whoever plans rounds, and refuses skips and moves past closed', () => {
    expect(roundStep('planning', 'numbering', 'staff', undefined)).toEqual({ ok: true, back: false });
    expect(roundStep('verifying', 'published', 'coordinator', undefined)).toEqual({ ok: true, back: false });
    expect(roundStep('planning', 'enumerating', 'coordinator', undefined)).toMatchObject({
      ok: false,
      code: 'round.wrong_step',
      message: 'A round in planning moves to numbering next, not to enumerating.',
    });
    expect(roundStep('numbering', 'numbering', 'coordinator', undefined)).toMatchObject({
      code: 'round.wrong_step',
    });
    expect(roundStep('closed', 'closed', 'coordinator', undefined)).toMatchObject({
      code: 'round.wrong_step',
    });
  });

  it('steps back one only for a coordinator who says why', () => {
    expect(roundStep('enumerating', 'numbering', 'coordinator', 'a lane was missed')).toEqual({
      ok: true,
      back: true,
    });
    expect(roundStep('enumerating', 'numbering', 'coordinator', undefined)).toMatchObject({
      code: 'round.reason_needed',
    });
    expect(roundStep('enumerating', 'numbering', 'staff', 'why')).toMatchObject({ code: 'auth.forbidden' });
    expect(roundStep('published', 'numbering', 'coordinator', 'why')).toMatchObject({
      code: 'round.wrong_step',
    });
  });

  it('takes households while enumerating or verifying only', () => {
    expect(
      ['planning', 'numbering', 'enumerating', 'verifying', 'published', 'closed'].filter((s) =>
        openForHouseholds(s as 'planning'),
      ),
    ).toEqual(['enumerating', 'verifying']);
  });
});

describe('who reads what', () => {
  it('holds partners and members to the purpose their role serves', () => {
    expect(purposeOf('partner', undefined)).toBe('municipality_aggregates');
    expect(purposeOf('partner', 'housing_list')).toBe('municipality_aggregates');
    expect(purposeOf('member', 'photos')).toBe('community_planning');
    expect(purposeOf('researcher', 'photos')).toBe('photos');
    expect(purposeOf('coordinator', undefined)).toBeNull();
  });

  it('lets no member or partner read household rows', () => {
    for (const role of ['member', 'partner'] as const) {
      expect(canHouseholds(role, 'read')).toBe(false);
      expect(canHouseholds(role, 'readCounts')).toBe(true);
    }
    expect(canHouseholds('researcher', 'enumerate')).toBe(true);
    expect(canHouseholds('staff', 'stepBack')).toBe(false);
  });
});
