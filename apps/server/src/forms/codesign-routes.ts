import { endpoints } from '@coproduce/contract';
import type { Registrar } from '../http/register.ts';
import { formCaller, requireBeforeWork } from './caller.ts';
import { commentOnQuestion, replyToThread, suggestWording } from './codesign.ts';
import {
  type AcceptanceCheck,
  acceptSuggestion,
  checkAcceptance,
  declineSuggestion,
  resolveThread,
} from './decide.ts';
import { threadPage } from './list.ts';

/** Comments, wording suggestions and their decisions on a draft. */
export function codesignRoutes(api: Registrar) {
  api.register(endpoints.listFormThreads, async ({ ctx, params, query }) =>
    threadPage(ctx, formCaller(ctx), params.formId, query),
  );

  api.register(endpoints.createFormComment, async ({ ctx, params, body }) =>
    commentOnQuestion(ctx, formCaller(ctx), params.formId, body),
  );

  api.register(endpoints.createFormSuggestion, async ({ ctx, params, body }) =>
    suggestWording(ctx, formCaller(ctx), params.formId, body),
  );

  api.register(endpoints.replyToFormThread, async ({ ctx, params, body }) =>
    replyToThread(ctx, formCaller(ctx), params.formId, params.threadId, body),
  );

  api.register<typeof endpoints.acceptFormSuggestion, AcceptanceCheck | null>(
    endpoints.acceptFormSuggestion,
    async ({ ctx, params, prepared }) =>
      acceptSuggestion(ctx, formCaller(ctx), params.formId, params.threadId, prepared),
    {
      prepare: async ({ deps, caller, params }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'decide');
        return checkAcceptance(deps.db, params.workspaceId, params.formId, params.threadId);
      },
    },
  );

  api.register(endpoints.declineFormSuggestion, async ({ ctx, params, body }) =>
    declineSuggestion(ctx, formCaller(ctx), params.formId, params.threadId, body.reason),
  );

  api.register(endpoints.resolveFormThread, async ({ ctx, params }) =>
    resolveThread(ctx, formCaller(ctx), params.formId, params.threadId),
  );
}
