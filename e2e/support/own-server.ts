// A `coproduce serve` of a spec's own, on a fresh data folder and a free port, so its story does
// not depend on, or disturb, another spec's database. Stop it in afterAll.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { type APIRequestContext, type Browser, type Page, request } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface OwnServer {
  base: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startOwnServer(name: string, options: { port?: number } = {}): Promise<OwnServer> {
  const port = options.port || (await freePort());
  const dataDir = mkdtempSync(`${tmpdir()}/coproduce-e2e-${name}-`);
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['apps/server/bin/coproduce.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () =>
        (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.ok ?? false,
      { timeout: 60_000 },
    )
    .toBe(true);
  return {
    base,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        const killLater = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killLater);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON call a spec sets its story up with (setup, workspaces, forms); fails the test on an error. */
export async function apiCall(
  context: APIRequestContext,
  method: string,
  path: string,
  body: unknown,
  csrf: string,
) {
  const response = await context.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

/**
 * The two people of the questionnaire specs, each in a browser page of their own: the coordinator
 * signed in through `admin`, and a member invited by code into the workspace and signed in at
 * phone size. Uncaught page errors go to `pageErrors`.
 */
export async function coordinatorAndMember(
  browser: Browser,
  base: string,
  admin: { context: APIRequestContext; csrf: string },
  workspaceId: string,
  member: { username: string; password: string; displayName: string },
  memberViewport: { width: number; height: number },
  pageErrors: string[],
): Promise<{ coordinatorPage: Page; memberPage: Page }> {
  const invite = await apiCall(
    admin.context,
    'POST',
    `/api/workspaces/${workspaceId}/invites`,
    { role: 'member', delivery: 'code', displayName: member.displayName },
    admin.csrf,
  );
  const other = await request.newContext({ baseURL: base });
  await apiCall(other, 'POST', '/api/invites/redeem', { code: invite.code, ...member }, '');
  const coordinatorPage = await (
    await browser.newContext({ baseURL: base, storageState: await admin.context.storageState() })
  ).newPage();
  const memberPage = await (
    await browser.newContext({
      baseURL: base,
      storageState: await other.storageState(),
      viewport: memberViewport,
    })
  ).newPage();
  for (const page of [coordinatorPage, memberPage])
    page.on('pageerror', (error) => pageErrors.push(error.message));
  await other.dispose();
  return { coordinatorPage, memberPage };
}
