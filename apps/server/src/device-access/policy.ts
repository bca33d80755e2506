import type { Role } from '@coproduce/contract';
import { abilitiesFor } from '../workspaces/policy.ts';

/** Letting a phone in without an account is a workspace setting: coordinators only. */
export const mayManageDeviceAccess = (role: Role): boolean => abilitiesFor(role).manageWorkspace;
