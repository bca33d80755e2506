import type { FastifyInstance } from 'fastify';

/**
 * The demo is written through the API itself (app.inject(), no network), signed in like a user,
 * so its rows get real revisions and audit entries, exactly as if typed into the app.
 */
export class DemoClient {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (response.statusCode >= 300) {
      throw new Error(`demo: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    }
    const session = response.cookies.find((cookie) => cookie.name === 'coproduce_session');
    if (session) this.cookie = `${session.name}=${session.value}`;
    const json = (response.body ? JSON.parse(response.body) : {}) as T & { csrfToken?: string };
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return json;
  }
}
