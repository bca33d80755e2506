import { describe, expect, it } from 'vitest';
import { canHouseholds, roundStep } from '../../../server/src/households/policy.ts';
import { nextStep, percentEnumerated, previousStep, roundAbilities, textBar } from './round-steps.ts';

describe('round steps on the web', () => {
  it('offers the moves the server accepts, role by role', () => {
    for (const role of ['coordinator', 'staff', 'researcher', 'member', 'partner'] as const) {
      const abilities = roundAbilities(role);
      expect(abilities.manage).toBe(canHouseholds(role, 'manageRounds'));
      expect(abilities.stepBack).toBe(roundStep('numbering', 'planning', role, 'counted twice').ok);
    }
  });

  it('walks the six steps one at a time', () => {
    expect(nextStep('planning')).toBe('numbering');
    expect(nextStep('published')).toBe('closed');
    expect(nextStep('closed')).toBeNull();
    expect(previousStep('planning')).toBeNull();
    expect(previousStep('verifying')).toBe('enumerating');
  });

  it('says how far a section is enumerated, in a number and a bar', () => {
    expect(percentEnumerated({ structures: 0, enumerated: 0 })).toBe(0);
    expect(percentEnumerated({ structures: 3, enumerated: 1 })).toBe(33);
    expect(percentEnumerated({ structures: 4, enumerated: 4 })).toBe(100);
    expect(textBar(0)).toBe('░░░░░░░░░░');
    expect(textBar(33)).toBe('███░░░░░░░');
    expect(textBar(100)).toBe('██████████');
  });
});
