import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call an endpoint at all, before per-row policy:
 * - public: anyone (rate limits still apply);
 * - account: a signed-in account (session cookie or API token);
 * - workspace: a member of the workspace named in the path.
 */
export type EndpointAccess = 'public' | 'account' | 'workspace';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  /** Fastify-style path, e.g. /api/workspaces/:workspaceId/people */
  path: string;
  summary: string;
  tag: string;
  access: EndpointAccess;
  params?: P;
  query?: Q;
  body?: B;
  /** The success status and body; 204 has no body. */
  status: 200 | 201 | 204;
  response?: R;
  /** Set for endpoints answering with a file, not JSON: its content type (the handler may narrow it). */
  produces?: string;
  /** A device access (ODK Collect without an account) may call it: forms, media, submissions. */
  devices?: true;
  /** A larger request body limit in bytes than the server default, e.g. for file uploads. */
  bodyLimit?: number;
}

export function endpoint<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodNever,
>(definition: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return definition;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : never;
type InferInput<T> = T extends z.ZodType ? z.input<T> : never;
export type EndpointParams<E> =
  E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? Infer<P> : never;
export type EndpointQuery<E> =
  E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? Infer<Q> : never;
export type EndpointBody<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? Infer<B> : never;
/** What a client sends: defaults may be left out. */
export type EndpointBodyInput<E> =
  E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? InferInput<B> : never;
export type EndpointQueryInput<E> =
  E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? InferInput<Q> : never;
export type EndpointResponse<E> =
  E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? Infer<R> : never;
