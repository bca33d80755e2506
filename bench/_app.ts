// The real server (same openServer + buildApp as `coproduce serve`) on a benchmark database, driven
// through app.inject() with a signed-in coordinator: benchmarks measure what a client would see,
// minus the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import type { DatabaseConfig } from '../apps/server/src/db/config.ts';
import { type OpenedServer, openServer } from '../apps/server/src/server.ts';

export type Reply = { status: number; body: unknown };
export type BenchApp = {
  /** The server's parts, for benchmarks that write their data below the API (e.g. a generated city). */
  deps: OpenedServer['deps'];
  request: Request;
  /** Another browser on the same server (its own cookies), e.g. a researcher's phone. */
  session: () => { request: Request; useCsrf: (token: string) => void };
  close: () => Promise<void>;
};
type Request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<Reply>;

export async function openBenchApp(database: DatabaseConfig): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-bench-data-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://bench.test' }), database };
  const opened = await openServer(config, { log: pino({ level: 'silent' }) });
  const { app } = await buildApp(opened.deps, { serveWeb: false });
  const session = () => {
    const cookies = new Map<string, string>();
    let csrfToken = '';
    const request: Request = async (method, url, body) => {
      const headers: Record<string, string> = {};
      if (cookies.size) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
      const response = await app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      for (const cookie of response.cookies as { name: string; value: string }[])
        cookies.set(cookie.name, cookie.value);
      const text = response.body;
      return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
    };
    const useCsrf = (token: string) => {
      csrfToken = token;
    };
    return { request, useCsrf };
  };
  const admin = session();
  const request = admin.request;

  const setup = await request('POST', '/api/setup', {
    username: 'bench',
    password: 'a long benchmark password',
    displayName: 'Bench Coordinator',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  admin.useCsrf((setup.body as { csrfToken: string }).csrfToken);

  return {
    deps: opened.deps,
    request,
    session,
    close: async () => {
      await app.close();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails loudly on an unexpected status: a benchmark of error responses measures nothing. */
export function expectStatus(reply: Reply, status: number, what: string): Reply {
  if (reply.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply;
}
