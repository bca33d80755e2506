// Ingest over real HTTP (a listening server in its own process, a keep-alive load generator here):
// submissions per second and p50/p99, for the two fixtures of bench/fixtures/ingest.ts, at
// concurrency 1, 10 and 50, one submission per request and batches of 50, on SQLite and on a
// PostgreSQL cluster with fsync on. Acknowledged means committed: SQLite runs in WAL mode with
// synchronous=NORMAL (a commit survives a crash of the process, not a power cut), PostgreSQL with
// fsync=on and synchronous_commit=on. Then, on 100,000 stored submissions: an incremental sync
// after 10 changes (bytes and time) and a filter and sort on an answer. Baseline in the same run:
// a bare Fastify route inserting the raw body into SQLite.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseline } from './_bare.ts';
import { Client, load, startServer } from './_http.ts';
import {
  type BenchDatabase,
  benchArgs,
  median,
  note,
  percentile,
  postgresDatabase,
  report,
  round,
  seededRandom,
  sqliteDatabase,
} from './_lib.ts';
import { integersAnswers, integersForm, item, mixedAnswers, mixedForm } from './fixtures/ingest.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = benchArgs();
const seconds = args.quick ? 2 : 4;
const repeats = args.quick ? 1 : 3;
const random = seededRandom(7);

interface Run {
  db: string;
  fixture: 'a' | 'b';
  concurrency: number;
  batch: number;
  subsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

async function publish(client: Client, model: unknown) {
  const ws = (await client.send('POST', '/api/workspaces', { name: 'Bench' })).body.id as string;
  const created = await client.send('POST', `/api/workspaces/${ws}/forms`, { model });
  await client.send('POST', `/api/workspaces/${ws}/forms/${created.body.id}/publish`, {});
  return { ws, formId: created.body.id as string };
}

async function measure(kind: string, database: BenchDatabase) {
  const server = await startServer(database.config, root);
  const client = new Client(server.url);
  try {
    await client.setUp();
    const forms = { a: await publish(client, integersForm()), b: await publish(client, mixedForm()) };
    const runs: Run[] = [];
    const combos = args.quick
      ? [
          { fixture: 'a' as const, concurrency: 50, batch: 1 },
          { fixture: 'a' as const, concurrency: 50, batch: 50 },
        ]
      : (['a', 'b'] as const).flatMap((fixture) =>
          [1, 10, 50].flatMap((concurrency) => [1, 50].map((batch) => ({ fixture, concurrency, batch }))),
        );
    for (const combo of combos) {
      const { ws, formId } = forms[combo.fixture];
      const answers = combo.fixture === 'a' ? integersAnswers : mixedAnswers;
      const results = [];
      for (let r = 0; r < repeats; r++) {
        results.push(
          await load(combo.concurrency, seconds, async () => {
            const items = Array.from({ length: combo.batch }, () => item(formId, answers(random)));
            const response = await client.send('POST', `/api/workspaces/${ws}/submissions`, { items });
            if (response.status !== 200)
              throw new Error(`ingest: ${response.status} ${response.text.slice(0, 200)}`);
            return combo.batch;
          }),
        );
      }
      const best = results.map((r) => r.perSecond);
      const all = results.flatMap((r) => r.latencies);
      const run = {
        db: kind,
        ...combo,
        subsPerSec: round(median(best)),
        p50Ms: round(median(all)),
        p99Ms: round(percentile(all, 99)),
      };
      note(JSON.stringify(run));
      runs.push(run);
    }
    return { runs, ...(await atScale(client, forms.a)) };
  } finally {
    client.close();
    await server.stop();
  }
}

/** Fills the integer form up to 100,000 (1,000 with --quick), then times a small incremental sync and a filter. */
async function atScale(client: Client, form: { ws: string; formId: string }) {
  const target = args.quick ? 5_000 : 100_000;
  const count = async () =>
    Number(
      (await client.send('GET', `/api/workspaces/${form.ws}/submissions?formId=${form.formId}&limit=1`)).body
        .total,
    );
  let have = await count();
  while (have < target) {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        client.send('POST', `/api/workspaces/${form.ws}/submissions`, {
          items: Array.from({ length: 50 }, () => item(form.formId, integersAnswers(random))),
        }),
      ),
    );
    have += 500;
  }
  // The coordinator's phone has synced everything; 10 more arrive; the next sync fetches only them.
  let cursor: string | undefined;
  for (;;) {
    const page = await client.send(
      'GET',
      `/api/workspaces/${form.ws}/changes?limit=500${cursor ? `&since=${cursor}` : ''}`,
    );
    cursor = page.body.cursor as string;
    if (!page.body.hasMore) break;
  }
  const syncMs: number[] = [];
  const syncBytes: number[] = [];
  for (let r = 0; r < 5; r++) {
    await client.send('POST', `/api/workspaces/${form.ws}/submissions`, {
      items: Array.from({ length: 10 }, () => item(form.formId, integersAnswers(random))),
    });
    const t = process.hrtime.bigint();
    const page = await client.send('GET', `/api/workspaces/${form.ws}/changes?limit=500&since=${cursor}`);
    syncMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    syncBytes.push(page.bytes);
    cursor = page.body.cursor as string;
  }
  const filterMs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    const page = await client.send(
      'GET',
      `/api/workspaces/${form.ws}/submissions?formId=${form.formId}&f=/q137~lt~50&sort=-/q200&columns=/q137,/q200&limit=50`,
    );
    filterMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (page.status !== 200) throw new Error(page.text);
  }
  return {
    records: have,
    syncMs: round(median(syncMs)),
    syncKb: round(median(syncBytes) / 1024),
    filterMs: round(median(filterMs)),
  };
}

const results: Record<string, unknown> = {};
const sqlite = sqliteDatabase();
try {
  results.sqlite = await measure('sqlite', sqlite);
} finally {
  await sqlite.close();
}
const postgres = await postgresDatabase({ durable: true });
if (postgres) {
  try {
    results.postgres = await measure('postgres', postgres);
  } finally {
    await postgres.close();
  }
}
const bare = await baseline(seconds, args.quick);
const pick = (db: string, batch: number) =>
  ((results[db] as { runs?: Run[] } | undefined)?.runs ?? []).find(
    (r) => r.fixture === 'a' && r.concurrency === 50 && r.batch === batch,
  );
const headline = pick('sqlite', 1);
report('ingest', args, {
  db: 'sqlite',
  concurrency: 50,
  subsPerSec: headline?.subsPerSec,
  p50Ms: headline?.p50Ms,
  p99Ms: headline?.p99Ms,
  batchSubsPerSec: pick('sqlite', 50)?.subsPerSec,
  postgresSubsPerSec: pick('postgres', 1)?.subsPerSec,
  postgresP99Ms: pick('postgres', 1)?.p99Ms,
  postgresBatchSubsPerSec: pick('postgres', 50)?.subsPerSec,
  bareSqliteInsertsPerSec: bare,
  x_baseline: headline ? round(headline.subsPerSec / bare) : null,
  durability: { sqlite: 'WAL, synchronous=NORMAL', postgres: 'fsync=on, synchronous_commit=on' },
  results,
});
