import { endpoints } from '@coproduce/contract';
import type { Registrar } from '../http/register.ts';
import { pingDatabase } from './queries.ts';

const version = '0.1.0';

export function systemRoutes(api: Registrar) {
  api.register(endpoints.health, async ({ ctx }) => {
    await pingDatabase(ctx.db);
    return { status: 'ok' as const, database: api.deps.databaseKind, version };
  });

  api.register(endpoints.openapi, async ({ request }) => {
    return request.server.swagger() as unknown as Record<string, unknown>;
  });
}
