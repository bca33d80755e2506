import { type Role, roles, type WorkspaceAbilities } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { can, formActions } from '../forms/policy.ts';
import { visibleFields, writableFields } from '../people/policy.ts';
import { abilitiesFor, roleWithin } from './policy.ts';

/** Every right a role has, across the domains, as comparable strings. */
function rightsOf(role: Role): Set<string> {
  const rights = new Set<string>();
  const abilities = abilitiesFor(role);
  for (const key of Object.keys(abilities) as (keyof WorkspaceAbilities)[]) {
    const value = abilities[key];
    if (Array.isArray(value)) for (const invited of value) rights.add(`workspace.${key}.${invited}`);
    else if (value) rights.add(`workspace.${key}`);
  }
  for (const action of formActions) if (can(role, action)) rights.add(`forms.${action}`);
  for (const isSelf of [false, true]) {
    for (const field of visibleFields(role, { isSelf })) rights.add(`people.read.${isSelf}.${field}`);
    for (const field of writableFields(role, { isSelf })) rights.add(`people.write.${isSelf}.${field}`);
  }
  return rights;
}

describe('the role table', () => {
  it('lets a role cover another only when it holds every right of it, in every domain', () => {
    for (const owner of roles) {
      for (const narrower of roles) {
        if (!roleWithin(narrower, owner)) continue;
        const missing = [...rightsOf(narrower)].filter((right) => !rightsOf(owner).has(right));
        expect({ owner, narrower, missing }).toEqual({ owner, narrower, missing: [] });
      }
    }
  });

  it('keeps members and partners apart, and every role covers itself', () => {
    expect(roleWithin('member', 'partner')).toBe(false);
    expect(roleWithin('partner', 'member')).toBe(false);
    expect(roleWithin('partner', 'staff')).toBe(false);
    for (const role of roles) expect(roleWithin(role, role)).toBe(true);
  });
});
