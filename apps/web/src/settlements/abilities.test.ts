import { describe, expect, it } from 'vitest';
import { settlementAbilities } from './abilities.ts';

describe('settlement abilities', () => {
  it('offers coordinators and staff everything, researchers numbering, partners profiles only', () => {
    expect(settlementAbilities('coordinator')).toEqual({
      readStructures: true,
      map: true,
      number: true,
      resolve: true,
      readHouseholds: true,
      photo: true,
    });
    expect(settlementAbilities('staff').resolve).toBe(true);
    expect(settlementAbilities('researcher')).toEqual({
      readStructures: true,
      map: false,
      number: true,
      resolve: false,
      readHouseholds: true,
      photo: false,
    });
    expect(settlementAbilities('member')).toEqual({
      readStructures: true,
      map: false,
      number: false,
      resolve: false,
      readHouseholds: false,
      photo: false,
    });
    expect(settlementAbilities('partner').readStructures).toBe(false);
  });
});
