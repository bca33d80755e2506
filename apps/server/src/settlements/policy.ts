import type { Role } from '@coproduce/contract';

export type SettlementAction =
  | 'read'
  | 'readStructures'
  | 'map'
  | 'number'
  | 'enumerate'
  | 'resolve'
  | 'readHouseholds';

/**
 * Coordinators and staff keep settlements, map them and resolve conflicts; researchers number
 * structures and enumerate (in what they are assigned); members see their settlement's map and
 * structures and aggregates (the community checks its own map); partners (local government) read
 * settlement profiles, facilities and aggregates, never where each home is nor households.
 */
const grants: Record<Role, readonly SettlementAction[]> = {
  coordinator: ['read', 'readStructures', 'map', 'number', 'enumerate', 'resolve', 'readHouseholds'],
  staff: ['read', 'readStructures', 'map', 'number', 'enumerate', 'resolve', 'readHouseholds'],
  researcher: ['read', 'readStructures', 'number', 'enumerate', 'readHouseholds'],
  member: ['read', 'readStructures'],
  partner: ['read'],
};

export const canSettlements = (role: Role, action: SettlementAction): boolean =>
  grants[role].includes(action);
