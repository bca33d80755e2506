import { Readable } from 'node:stream';
import {
  type Endpoint,
  type EndpointBody,
  type EndpointParams,
  type EndpointQuery,
  type EndpointResponse,
  findBadText,
  onBehalfOfHeader,
  textProblemMessages,
} from '@coproduce/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfHeaderName, csrfTokenFor, sameSecret } from '../auth/credentials.ts';
import { type Caller, resolveCaller } from '../auth/resolve.ts';
import type { Membership, RequestContext, ServerDeps } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { resolveMembership, resolveOnBehalfOf } from './membership.ts';
import { runInTransaction } from './transaction.ts';

type Reply<E> = [EndpointResponse<E>] extends [never] ? undefined : EndpointResponse<E>;

export interface EndpointInput<E> {
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  body: EndpointBody<E>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Work done before the transaction opens, e.g. hashing a password (slow, and holds no lock). */
export type Prepare<E, P> = (
  input: EndpointInput<E> & { deps: ServerDeps; caller: Caller | null; membership: Membership | null },
) => Promise<P>;

export type Handler<E, P> = (
  call: EndpointInput<E> & { ctx: RequestContext; prepared: P },
) => Promise<Reply<E>>;

export interface Registrar {
  deps: ServerDeps;
  /** Endpoints registered so far: the authorization-matrix test reads this. */
  registered: Endpoint[];
  register<E extends Endpoint, P = undefined>(
    definition: E,
    // P comes from `prepare` alone, so handlers need no explicit type arguments.
    handler: Handler<E, NoInfer<P>>,
    options?: {
      prepare?: Prepare<E, P>;
      /** Run in the server's group commit with other such requests (http/group-commit.ts). */
      grouped?: boolean;
    },
  ): void;
}

/**
 * Every route goes through here: validate with the contract, find the caller, check CSRF and
 * workspace membership (not a member → 404), then run the handler in one transaction that also
 * appends the request's one audit entry. A failed request leaves nothing behind.
 */
export function createRegistrar(app: FastifyInstance, deps: ServerDeps): Registrar {
  const registered: Endpoint[] = [];
  const callers = new WeakMap<FastifyRequest, Caller | null>();
  return {
    deps,
    registered,
    register(definition, handler, options) {
      registered.push(definition);
      app.route({
        method: definition.method,
        url: definition.path,
        schema: {
          operationId: definition.id,
          summary: definition.summary,
          tags: [definition.tag],
          ...(definition.params ? { params: definition.params } : {}),
          ...(definition.query ? { querystring: definition.query } : {}),
          ...(definition.body ? { body: definition.body } : {}),
          // A file download has no JSON schema to serialize with.
          ...(definition.response && !definition.produces
            ? { response: { [definition.status]: definition.response } }
            : {}),
        },
        ...(definition.bodyLimit
          ? { bodyLimit: definition.bodyLimit, errorHandler: sayBodyLimit(definition.bodyLimit) }
          : {}),
        // Before the body is even parsed: who is calling (an anonymous call to a closed endpoint is
        // a 401 whatever it sent). Then, before validation, text no database can store is refused
        // and the rest normalised, in one place for every endpoint.
        onRequest: async (request) => {
          const caller = await resolveCaller(deps, request);
          checkAccess(definition, caller);
          callers.set(request, caller);
        },
        preValidation: async (request) => refuseBadText(request),
        handler: async (request, reply) => {
          const input = {
            params: request.params,
            query: request.query,
            body: request.body,
            request,
            reply,
          } as EndpointInput<typeof definition>;
          const caller = callers.get(request) ?? null;
          if (caller?.sessionTokenHash && definition.method !== 'GET') {
            const sent = request.headers[csrfHeaderName];
            const expected = csrfTokenFor(deps.secret, caller.sessionTokenHash);
            if (typeof sent !== 'string' || !sameSecret(sent, expected)) {
              throw new AppError(
                'auth.csrf',
                403,
                'The security token is missing or stale: reload the page.',
              );
            }
          }
          const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
          const membership =
            definition.access === 'workspace' && caller && workspaceId
              ? await resolveMembership(deps, caller, workspaceId)
              : null;
          const onBehalfOf = request.headers[onBehalfOfHeader];
          const onBehalfOfPersonId =
            typeof onBehalfOf === 'string' ? await resolveOnBehalfOf(deps, membership, onBehalfOf) : null;
          const prepared = options?.prepare
            ? await options.prepare({ ...input, deps, caller, membership })
            : undefined;
          const result = await runInTransaction(
            deps,
            {
              definition,
              request,
              caller,
              membership,
              onBehalfOfPersonId,
              grouped: options?.grouped === true,
            },
            (ctx) => handler({ ...input, ctx, prepared: prepared as never }),
          );
          reply.code(definition.status);
          // A large file (an export) comes as a stream, sent as it is read: never whole in memory.
          if (definition.produces && result instanceof Readable) return reply.send(result);
          if (definition.produces && result instanceof Uint8Array) {
            if (!reply.hasHeader('content-type')) reply.type(definition.produces);
            return reply.send(Buffer.from(result.buffer, result.byteOffset, result.byteLength));
          }
          return definition.status === 204 ? reply.send() : result;
        },
      });
    },
  };
}

/** An upload over its endpoint's limit is told in MB; anything else goes on to the app's handler. */
function sayBodyLimit(limit: number) {
  const mb = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`;
  return (error: FastifyError) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    throw new AppError(
      'request.too_large',
      413,
      `The upload is too large: at most ${mb(limit)} per request here (a file of about ${mb((limit * 3) / 4)} once encoded).`,
    );
  };
}

function refuseBadText(request: FastifyRequest) {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const bad = findBadText(value, part);
    if (bad) {
      throw new AppError('request.invalid', 400, `${bad.path} ${textProblemMessages[bad.problem]}.`, [
        { path: bad.path, message: textProblemMessages[bad.problem], code: `text.${bad.problem}` },
      ]);
    }
  }
}

function checkAccess(definition: Endpoint, caller: Caller | null) {
  if (definition.access === 'public') return;
  if (!caller) throw new AppError('auth.required', 401, 'Sign in to continue.');
  // A script's token is for its workspace's endpoints only, never for account settings.
  if (caller.token && definition.access !== 'workspace') {
    throw forbidden('An API token can only be used on its workspace.');
  }
}
