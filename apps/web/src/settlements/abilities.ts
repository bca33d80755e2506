// What the caller's role may do with settlements, so a screen offers only what the server would
// accept. The server decides (apps/server/src/settlements/policy.ts); this mirrors its table.
import type { Role } from '@coproduce/contract';

export interface SettlementAbilities {
  /** See where each structure is (partners see profiles, facilities and aggregates only). */
  readStructures: boolean;
  /** Add settlements and sections. */
  map: boolean;
  /** Number (place) and move structures. */
  number: boolean;
  /** Resolve a structure's conflict. */
  resolve: boolean;
  /** Read the households found in a structure (members and partners see aggregates only). */
  readHouseholds: boolean;
  /** See a structure's photo: a file of the form that took it, which only they read in full. */
  photo: boolean;
}

export function settlementAbilities(role: Role): SettlementAbilities {
  const keeper = role === 'coordinator' || role === 'staff';
  return {
    readStructures: role !== 'partner',
    map: keeper,
    number: keeper || role === 'researcher',
    resolve: keeper,
    readHouseholds: keeper || role === 'researcher',
    photo: keeper,
  };
}
