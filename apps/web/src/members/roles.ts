import type { Role } from '@coproduce/contract';
import { roles } from '@coproduce/contract/constants';
import type { Translate } from '../i18n/i18n.ts';

export const allRoles: readonly Role[] = roles;

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}
