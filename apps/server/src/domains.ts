import { accountRoutes } from './account/routes.ts';
import { assignmentRoutes } from './assignments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { deviceAccessRoutes } from './device-access/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { formRoutes } from './forms/routes.ts';
import { householdRoutes } from './households/routes.ts';
import type { Registrar } from './http/register.ts';
import { inviteRoutes } from './invites/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { openRosaSubmissionRoutes } from './openrosa/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { settlementRoutes } from './settlements/routes.ts';
import { submissionReviewRoutes } from './submissions/review-routes.ts';
import { submissionRoutes } from './submissions/routes.ts';
import { syncRoutes } from './sync/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { tokenRoutes } from './tokens/routes.ts';
import { workspaceRoutes } from './workspaces/routes.ts';

/** Each domain adds its routes here; the order only affects the OpenAPI listing. */
export const domainRoutes: Array<(api: Registrar) => void> = [
  systemRoutes,
  authRoutes,
  accountRoutes,
  workspaceRoutes,
  memberRoutes,
  inviteRoutes,
  peopleRoutes,
  auditRoutes,
  tokenRoutes,
  formRoutes,
  submissionRoutes,
  submissionReviewRoutes,
  openRosaSubmissionRoutes,
  deviceAccessRoutes,
  assignmentRoutes,
  syncRoutes,
  jobRoutes,
  exportRoutes,
  settlementRoutes,
  householdRoutes,
];
