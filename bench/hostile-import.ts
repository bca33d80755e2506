// Issue 6, item 8: four hostile workbooks imported at once (three unpack just under the limits, one
// declares 640,000 questions) while another client lists forms and calls /health. The server runs
// in its own process over real HTTP (bench/_serve.ts), so its memory is its own.
// Targets: every hostile import refused or finished, other p99 < 100 ms, /health ≤ 250 ms, RSS < 600 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyQuestions, paddedWorkbook } from '../apps/server/src/test/hostile-workbooks.ts';
import { Client, startServer } from './_http.ts';
import {
  type BenchDatabase,
  benchArgs,
  median,
  note,
  percentile,
  postgresDatabase,
  report,
  round,
  sqliteDatabase,
} from './_lib.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = benchArgs();
const MB = 1024 * 1024;
const rounds = args.quick ? 1 : 5;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const hostile = [
  base64(paddedWorkbook(63.9 * MB, 24 * MB)),
  base64(paddedWorkbook(63.9 * MB, 24 * MB)),
  base64(paddedWorkbook(63.9 * MB, 24 * MB)),
  base64(manyQuestions(640_000)),
];

const rssMb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

async function round1(database: BenchDatabase) {
  const server = await startServer(database.config, root);
  const client = new Client(server.url);
  const other = new Client(server.url);
  try {
    await client.setUp();
    const workspaces: string[] = [];
    for (let i = 0; i < 4; i++) {
      const made = await client.send('POST', '/api/workspaces', { name: `Hostile ${i}` });
      if (made.status !== 201) throw new Error(`workspace: ${made.status} ${made.text}`);
      workspaces.push(String(made.body.id));
    }
    // The other client is the same account on its own connections; warm both paths first.
    Object.assign(other, { cookie: Reflect.get(client, 'cookie'), csrf: Reflect.get(client, 'csrf') });
    const listPath = `/api/workspaces/${workspaces[0]}/forms`;
    for (let i = 0; i < 20; i++) await other.send('GET', listPath);
    const startRss = rssMb(server.pid, 'VmRSS');

    let importing = true;
    const listMs: number[] = [];
    const healthMs: number[] = [];
    let peakRss = startRss;
    const watcher = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(server.pid, 'VmRSS'));
    }, 25);
    const timed = async (into: number[], path: string) => {
      const t = performance.now();
      const answer = await other.send('GET', path);
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
      into.push(performance.now() - t);
    };
    const otherClient = (async () => {
      while (importing) {
        await timed(listMs, listPath);
        await timed(healthMs, '/health');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    const statuses = await Promise.all(
      hostile.map(async (contentBase64, i) => {
        const answer = await client.send('POST', `/api/workspaces/${workspaces[i]}/forms/import`, {
          fileName: `hostile-${i}.xlsx`,
          contentBase64,
        });
        return {
          status: answer.status,
          code: String(answer.body.code ?? ''),
          ms: Math.round(performance.now() - started),
        };
      }),
    );
    importing = false;
    await otherClient;
    clearInterval(watcher);
    return {
      statuses,
      // 201 would be a form made of a hostile workbook; 400/413/422 refusals, 429/503 the bound.
      allRefused: statuses.every((s) => [400, 413, 422, 429, 503].includes(s.status)),
      importsMs: Math.max(...statuses.map((s) => s.ms)),
      otherP99Ms: percentile(listMs, 99),
      healthMaxMs: Math.max(...healthMs),
      otherCalls: listMs.length + healthMs.length,
      peakRssMb: Math.max(peakRss, rssMb(server.pid, 'VmHWM')),
    };
  } finally {
    client.close();
    other.close();
    await server.stop();
  }
}

async function measure(kind: string, open: () => Promise<BenchDatabase | undefined>) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const database = await open();
    if (!database) return null;
    try {
      runs.push(await round1(database));
    } finally {
      await database.close();
    }
    note(`${kind} round ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
  return {
    otherP99Ms: round(median(runs.map((r) => r.otherP99Ms))),
    healthMaxMs: round(median(runs.map((r) => r.healthMaxMs))),
    peakRssMb: round(median(runs.map((r) => r.peakRssMb))),
    importsMs: round(median(runs.map((r) => r.importsMs))),
    allRefused: runs.every((r) => r.allRefused),
    statuses: runs[0]?.statuses.map((s) => `${s.status} ${s.code}`),
    otherCalls: median(runs.map((r) => r.otherCalls)),
  };
}

const sqlite = await measure('sqlite', async () => sqliteDatabase());
const postgres = args.quick ? null : await measure('postgres', () => postgresDatabase());
report('hostile-import', args, {
  rounds,
  hostileMb: hostile.map((h) => round((h.length * 3) / 4 / MB)),
  // The headline figures are SQLite's; PostgreSQL's are beside them in full runs.
  otherP99Ms: sqlite?.otherP99Ms,
  healthMaxMs: sqlite?.healthMaxMs,
  peakRssMb: sqlite?.peakRssMb,
  allRefused: sqlite?.allRefused,
  sqlite,
  ...(postgres ? { postgres } : {}),
  targets: { otherP99Ms: 100, healthMaxMs: 250, peakRssMb: 600 },
});
