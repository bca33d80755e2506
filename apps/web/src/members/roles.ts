import type { Role } from '@coproduce/contract';
import type { Translate } from '../i18n/i18n.ts';

/** Kept here rather than imported from the contract, whose values would pull zod into the bundle. */
export const allRoles: readonly Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}
