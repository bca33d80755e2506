// The settlement map in Debian's Chromium with the CPU slowed 4x (a cheap phone): a demo
// settlement of N structures made by `coproduce demo --settlements 1 --structures N`, the demo
// coordinator signs in and opens it; the page's own `mapDrawMs` measure (SettlementMap.tsx: from
// the map's start, Leaflet's chunk included, to the first paint after the structures are drawn)
// is read, over a few fresh loads. Target (issue #8): 3,000 structures drawn in < 1 s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './_http.ts';
import { median, note, round } from './_lib.ts';

export async function measureMapDraw(root: string, structures: number, loads = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'coproduce-bench-map-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
  delete env.DATABASE_URL;
  note(`map: a demo settlement of ${structures} structures…`);
  const printed = execFileSync(
    process.execPath,
    [
      join(root, 'apps/server/bin/coproduce.mjs'),
      'demo',
      '--settlements',
      '1',
      '--structures',
      String(structures),
    ],
    { env, cwd: root, encoding: 'utf8' },
  );
  const login = /^\s*coordinator\s+(\S+)$/m.exec(printed)?.[1];
  const password = /^\s*password\s+(\S+)$/m.exec(printed)?.[1];
  if (!login || !password) throw new Error(`the demo printed no sign-in:\n${printed}`);
  const server = await startServer({ kind: 'sqlite', file: join(dir, 'coproduce.sqlite') }, root);
  const browser = await chromium.launch({
    executablePath: process.env.COPRODUCE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const signIn = await page.request.post(`${server.url}/api/auth/sign-in`, { data: { login, password } });
    if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
    const workspaces = await (await page.request.get(`${server.url}/api/workspaces`)).json();
    const workspaceId = workspaces.items[0].id as string;
    const list = await (
      await page.request.get(`${server.url}/api/workspaces/${workspaceId}/settlements`)
    ).json();
    const settlement = list.items[0] as { id: string; structures: Record<string, number> };
    const drawn = Object.values(settlement.structures).reduce((a, b) => a + b, 0);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    note(`map: drawing ${drawn} structures ${loads} times (CPU 4x slower)…`);
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${server.url}/w/${workspaceId}/settlements/${settlement.id}`);
      await page.locator('[data-drawn]').waitFor({ timeout: 60_000 });
      times.push(
        await page.evaluate(() => performance.getEntriesByName('mapDrawMs').at(-1)?.duration ?? Number.NaN),
      );
    }
    return {
      structures: drawn,
      cpuThrottling: 4,
      loads,
      mapDrawMs: round(median(times)),
      maxMs: round(Math.max(...times)),
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
