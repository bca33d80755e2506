// The API client, typed from the contract's endpoint registry. Only types and the zod-free subpaths
// come from the contract: importing its schemas would add ~60 KB to a bundle that loads over 2G.
import type {
  EndpointBodyInput,
  EndpointParams,
  EndpointQueryInput,
  EndpointResponse,
  endpoints,
  Problem,
} from '@coproduce/contract';
import { type RouteId, routes } from '@coproduce/contract/routes';

type Endpoints = typeof endpoints;

// The contract's route table, generated from its registry: method and path only, no zod.
export { type RouteId, routes };

type IfAny<T, Yes, No> = [T] extends [never] ? No : Yes;

/** What a call needs: params when the path has some, a body when the endpoint takes one. */
export type CallInput<K extends RouteId> = IfAny<
  EndpointParams<Endpoints[K]>,
  { params: EndpointParams<Endpoints[K]> },
  { params?: undefined }
> &
  IfAny<EndpointBodyInput<Endpoints[K]>, { body: EndpointBodyInput<Endpoints[K]> }, { body?: undefined }> &
  IfAny<
    EndpointQueryInput<Endpoints[K]>,
    { query?: EndpointQueryInput<Endpoints[K]> },
    { query?: undefined }
  > & {
    /** Record this write as done on behalf of that person (staff typing up a paper form). */
    onBehalfOf?: string | null;
    signal?: AbortSignal;
  };

export type CallResult<K extends RouteId> = IfAny<
  EndpointResponse<Endpoints[K]>,
  EndpointResponse<Endpoints[K]>,
  undefined
>;

/** A failed call. `problem.code` is stable; `network` means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | { code: 'network'; title: string; errors?: undefined; detail?: undefined },
  ) {
    super(problem.title);
  }
  get code(): string {
    return this.problem.code;
  }
  /**
   * The server's English field messages keyed by their path in the body ("contactChannels.0.address");
   * screens show `fieldMessages` (i18n/issues.ts), worded from each issue's code in the reader's language.
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      if (!error.path) continue;
      const path = error.path.replace(/^body\./, '');
      out[path] ??= error.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** Called when the server says the session is gone (expired, or signed out on another device). */
export function whenSignedOut(handler: (() => void) | null): void {
  onSignedOut = handler;
}

/** Every sign-in, setup and redeem returns a fresh token; GET /api/auth/session after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function buildPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Sends one contract call; a failed one throws ApiError with the server's problem. */
async function send<K extends RouteId>(id: K, input: CallInput<K>): Promise<Response> {
  const [method, template] = routes[id];
  let url = buildPath(template, input.params as Record<string, unknown> | undefined);
  if (input.query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(input.query as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
    }
    const text = search.toString();
    if (text) url += `?${text}`;
  }
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (input.onBehalfOf) headers['x-on-behalf-of'] = input.onBehalfOf;
  let body: string | undefined;
  if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input.body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: input.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network', title: 'network' });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    // The session check itself answers 401 when signed out: that is not news.
    if (problem.code === 'auth.required' && id !== 'session') onSignedOut?.();
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function call<K extends RouteId>(id: K, input: CallInput<K>): Promise<CallResult<K>> {
  const response = await send(id, input);
  if (response.status === 204) return undefined as CallResult<K>;
  return (await response.json()) as CallResult<K>;
}

/** A call that answers with a file (a CSV): saved by the browser under the server's name. */
export async function saveFile<K extends RouteId>(id: K, input: CallInput<K>, fallbackName: string) {
  const response = await send(id, input);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const problem = (await response.json()) as Partial<Problem>;
    if (typeof problem.code === 'string') return problem as Problem;
  } catch {
    // Not JSON: a proxy error page, for example. Fall through to a generic problem.
  }
  return { type: 'about:blank', title: response.statusText, status: response.status, code: 'internal' };
}

type PagedRoute = {
  [K in RouteId]: CallResult<K> extends { items: unknown[]; cursor: string | null; hasMore: boolean }
    ? K
    : never;
}[RouteId];

type ItemsOf<K extends RouteId> = CallResult<K> extends { items: infer I } ? I : never;

/**
 * Every page of a listing, following the cursor (at most `maxPages` pages of the largest size):
 * for the short lists a screen shows whole, such as members, invites and API tokens.
 */
export async function callAllPages<K extends PagedRoute>(
  id: K,
  input: CallInput<K>,
  maxPages = 20,
): Promise<ItemsOf<K>> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const query = { ...((input as { query?: object }).query ?? {}), limit: 500, cursor };
    const result = (await call(id, { ...input, query } as CallInput<K>)) as {
      items: unknown[];
      cursor: string | null;
      hasMore: boolean;
    };
    items.push(...result.items);
    if (!result.hasMore || !result.cursor) break;
    cursor = result.cursor;
  }
  return items as ItemsOf<K>;
}
