// A load generator over real HTTP with keep-alive connections: `concurrency` clients send back to
// back for a while and every request's latency is kept. Cookies and the CSRF token of a signed-in
// account make it a real client of the API.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../apps/server/src/db/config.ts';

export interface HttpServer {
  url: string;
  /** The server process, e.g. to read its memory from /proc. */
  pid: number;
  stop(): Promise<void>;
}

/** Starts bench/_serve.ts in a child process on this database. */
export async function startServer(database: DatabaseConfig, root: string): Promise<HttpServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-bench-http-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: database.kind === 'sqlite' ? join(database.file, '..') : dataDir,
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  if (database.kind === 'postgres') env.DATABASE_URL = database.url;
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(root, 'bench/_serve.ts')], {
    env,
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /LISTENING (\S+)/.exec(text);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export class Client {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 200 });
  private cookie = '';
  private csrf = '';
  constructor(readonly base: string) {}

  send(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return this.sendRaw(method, path, payload, payload ? { 'content-type': 'application/json' } : {});
  }

  /** Any body with its own headers (an OpenRosa multipart POST), with the session's cookie and CSRF token. */
  sendRaw(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    payload: Buffer | undefined,
    extra: Record<string, string>,
  ): Promise<{ status: number; text: string; bytes: number; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise((resolve, reject) => {
      const req = request(`${this.base}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          const cookies = res.headers['set-cookie'] ?? [];
          for (const c of cookies) this.cookie = c.split(';')[0] ?? '';
          resolve({
            status: res.statusCode ?? 0,
            text,
            bytes: raw.length,
            body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async setUp() {
    const setup = await this.send('POST', '/api/setup', {
      username: 'bench',
      password: 'a long benchmark password',
      displayName: 'Bench',
    });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${setup.text}`);
    this.csrf = String(setup.body.csrfToken);
  }

  close() {
    this.agent.destroy();
  }
}

/** Runs `concurrency` loops of `work` for `seconds`; returns each call's latency and how many items it carried. */
export async function load(concurrency: number, seconds: number, work: () => Promise<number>) {
  const latencies: number[] = [];
  let items = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        // Not `items += await work()`: that reads `items` before the await and loses others' counts.
        const carried = await work();
        items += carried;
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, items, perSecond: items / elapsed };
}
