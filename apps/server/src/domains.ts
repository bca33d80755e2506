import { accountRoutes } from './account/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { Registrar } from './http/register.ts';
import { systemRoutes } from './system/routes.ts';

/** Each domain adds its routes here; the order only affects the OpenAPI listing. */
export const domainRoutes: Array<(api: Registrar) => void> = [systemRoutes, authRoutes, accountRoutes];
