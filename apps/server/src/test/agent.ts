// A small browser-like client for HTTP tests: keeps the session cookie from responses and sends
// the CSRF token on every state-changing request, all through app.inject() (no network).
//
//   const admin = await createAdmin(app);                 // first-run setup, signed in
//   const res = await admin.post('/api/workspaces', { name: 'Shelter' });
//   const other = await signIn(app, 'someone', 'their password');
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface AgentRequest {
  headers?: Record<string, string>;
  /** Send this raw text instead of JSON (for malformed-body tests). */
  rawBody?: string | Buffer;
  /** Leave out the CSRF header, or send this one instead. */
  csrf?: false | string;
}

export interface AgentOptions {
  /** The client address the server sees (default 127.0.0.1), e.g. to test per-address limits. */
  address?: string;
}

export class Agent {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  accountId: string | null = null;

  constructor(
    readonly app: FastifyInstance,
    readonly options: AgentOptions = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, options: AgentRequest = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (method !== 'GET' && options.csrf !== false) {
      const token = typeof options.csrf === 'string' ? options.csrf : this.csrfToken;
      if (token) headers['x-csrf-token'] = token;
    }
    const inject: InjectOptions = { method, url, headers };
    if (this.options.address) inject.remoteAddress = this.options.address;
    if (options.rawBody !== undefined) {
      inject.payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      inject.payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject(inject);
    this.keepCookies(response);
    const json = parse(response);
    if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') {
      this.csrfToken = json.csrfToken;
      const account = (json as { account?: { id?: string } }).account;
      if (account?.id) this.accountId = account.id;
    }
    // Tests assert on the JSON field by field; typing every reply here would only add casts there.
    // biome-ignore lint/suspicious/noExplicitAny: loose JSON for test assertions only
    return Object.assign(response, { body: json as any });
  }

  get(url: string, options?: AgentRequest) {
    return this.request('GET', url, undefined, options);
  }
  post(url: string, body: unknown = {}, options?: AgentRequest) {
    return this.request('POST', url, body, options);
  }
  patch(url: string, body: unknown = {}, options?: AgentRequest) {
    return this.request('PATCH', url, body, options);
  }
  put(url: string, body: unknown = {}, options?: AgentRequest) {
    return this.request('PUT', url, body, options);
  }
  delete(url: string, options?: AgentRequest) {
    return this.request('DELETE', url, undefined, options);
  }

  /** The session cookie's value, if the server set one. */
  get sessionCookie(): string | undefined {
    return this.cookies.get('coproduce_session');
  }

  private keepCookies(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const gone =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (gone) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

function parse(response: LightMyRequestResponse): unknown {
  if (!response.body) return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return response.body;
  }
}

export const adminPassword = 'correct horse battery staple';

/** Runs first-run setup on an empty server; the returned agent is signed in as the admin. */
export async function createAdmin(
  app: FastifyInstance,
  input: { username?: string; password?: string; displayName?: string; email?: string } = {},
): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.post('/api/setup', {
    username: input.username ?? 'admin',
    password: input.password ?? adminPassword,
    displayName: input.displayName ?? 'Admin',
    ...(input.email ? { email: input.email } : {}),
  });
  if (response.statusCode !== 201)
    throw new Error(`setup failed: ${response.statusCode} ${response.payload}`);
  return agent;
}

/** Signs in with a login (email, username or phone) and password; throws unless it works. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.post('/api/auth/sign-in', { login, password });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.payload}`);
  return agent;
}
