import { endpoints, limits } from '@coproduce/contract';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { listPeople } from './list.ts';
import { presentPerson } from './present.ts';
import { createPerson, deletePerson, readablePerson, updatePerson } from './write.ts';

export function peopleRoutes(api: Registrar) {
  api.register(endpoints.listPeople, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    const page = await listPeople(ctx, caller, {
      q: query.q ?? null,
      since: query.since ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit ?? limits.pageSizeDefault,
    });
    return {
      items: page.rows.map((row) => presentPerson(row, caller.role, caller.personId)),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
  });

  api.register(endpoints.createPerson, async ({ ctx, body }) => {
    const caller = callerOf(ctx);
    const row = await createPerson(ctx, caller, body);
    return presentPerson(row, caller.role, caller.personId);
  });

  api.register(endpoints.getPerson, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const row = await readablePerson(ctx, caller, params.personId);
    return presentPerson(row, caller.role, caller.personId);
  });

  api.register(endpoints.updatePerson, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    const row = await updatePerson(ctx, caller, params.personId, body);
    return presentPerson(row, caller.role, caller.personId);
  });

  api.register(endpoints.deletePerson, async ({ ctx, params }) => {
    await deletePerson(ctx, callerOf(ctx), params.personId);
    return undefined;
  });
}
