// Outbox benchmark (issue 7): how long the phone takes to send 1,000 queued submissions (fixture a:
// 250 integer questions) in Debian's Chromium with the CPU slowed 4x, through the real store
// (IndexedDB, AES-GCM unsealing) and sender (batches of 50) to a listening server on SQLite; then
// a second round with nothing left to send. Target: < 30 s. Setup (filling the outbox) is not timed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { Client, startServer } from './_http.ts';
import { benchArgs, note, report, round, seededRandom, sqliteDatabase } from './_lib.ts';
import { integersAnswers, integersForm } from './fixtures/ingest.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = benchArgs();
const count = args.quick ? 100 : 1000;
const random = seededRandom(11);

const bundle = (
  await build({
    entryPoints: [join(root, 'bench/outbox/page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    write: false,
  })
).outputFiles[0]!.text;

const database = sqliteDatabase();
const server = await startServer(database.config, root);
const client = new Client(server.url);
const browser = await chromium.launch({
  executablePath: process.env.COPRODUCE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  await client.setUp();
  const workspaceId = (await client.send('POST', '/api/workspaces', { name: 'Bench' })).body.id as string;
  const created = await client.send('POST', `/api/workspaces/${workspaceId}/forms`, {
    model: integersForm(),
  });
  const formId = created.body.id as string;
  await client.send('POST', `/api/workspaces/${workspaceId}/forms/${formId}/publish`, {});

  const page = await browser.newPage();
  await page.route('**/bench-outbox/**', (route) =>
    route.fulfill(
      route.request().url().endsWith('.js')
        ? { contentType: 'text/javascript', body: bundle }
        : {
            contentType: 'text/html',
            body: '<!doctype html><title>outbox</title><script src="page.js"></script>',
          },
    ),
  );
  await page.goto(`${server.url}/bench-outbox/index.html`);
  await page.waitForFunction(() => 'bench' in globalThis);
  note(`filling the outbox with ${count} finalized submissions…`);
  const answers = Array.from({ length: count }, () => integersAnswers(random));
  const queued = await page.evaluate(
    (input) =>
      (globalThis as unknown as { bench: { setUp: (i: unknown) => Promise<number> } }).bench.setUp(input),
    { login: 'bench', password: 'a long benchmark password', workspaceId, formId, answers },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  type Send = { ms: number; confirmed: number; waiting: number };
  const sendIt = () =>
    page.evaluate(() => (globalThis as unknown as { bench: { send: () => Promise<Send> } }).bench.send());
  note('sending (CPU 4x slower)…');
  const first = await sendIt();
  const second = await sendIt();
  if (first.confirmed !== queued || first.waiting !== 0)
    throw new Error(`sent ${JSON.stringify(first)} of ${queued}`);
  report('outbox', args, {
    db: 'sqlite',
    cpuThrottling: 4,
    queued,
    batch: 50,
    sendMs: round(first.ms),
    subsPerSec: round((first.confirmed / first.ms) * 1000),
    emptyRoundMs: round(second.ms),
    target: { send1000Ms: 30_000 },
  });
} finally {
  await browser.close();
  client.close();
  await server.stop();
  await database.close();
}
