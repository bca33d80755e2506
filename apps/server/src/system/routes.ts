import { endpoints } from '@coproduce/contract';
import { sql } from 'kysely';
import type { Registrar } from '../http/register.ts';

const version = '0.1.0';

export function systemRoutes(api: Registrar) {
  api.register(endpoints.health, async ({ ctx }) => {
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok' as const, database: api.deps.databaseKind, version };
  });

  api.register(endpoints.openapi, async ({ request }) => {
    return request.server.swagger() as unknown as Record<string, unknown>;
  });
}
