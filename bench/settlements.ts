// Settlements at city scale (issue #8): a generated Cape Town (800 settlements, 270,000 structures;
// --quick: 60 and 20,000) written into SQLite and PostgreSQL (fsync on), then through the HTTP API:
// the largest settlement's page, its coverage, nearest working taps for all its structures, and a
// researcher's first download of its largest section, and a researcher's change-feed sync (first,
// then after 10 changes in their section and 10 elsewhere). Baseline: GET /health on the same server.
// Then the map of a 3,000-structure settlement in Chromium with the CPU slowed 4x (mapDrawMs).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { generateCity } from '../apps/server/src/demo/city/generate.ts';
import { writeCity } from '../apps/server/src/demo/city/write.ts';
import { type BenchApp, expectStatus, openBenchApp } from './_app.ts';
import { measureResearcherSync } from './_feed.ts';
import {
  type BenchDatabase,
  benchArgs,
  latency,
  median,
  note,
  postgresDatabase,
  report,
  round,
  sample,
  sqliteDatabase,
} from './_lib.ts';
import { measureMapDraw } from './_map.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

const args = benchArgs();
const city = args.quick
  ? { settlements: 60, structures: 20_000, seed: 7 }
  : { settlements: 800, structures: 270_000, seed: 7 };
const runs = args.quick ? 15 : 60;

type Settlement = { id: string; name: string; structures: Record<string, number> };

async function largest(app: BenchApp, workspaceId: string): Promise<Settlement> {
  let best: Settlement | null = null;
  let cursor = '';
  for (;;) {
    const page = expectStatus(
      await app.request('GET', `/api/workspaces/${workspaceId}/settlements?limit=500${cursor}`),
      200,
      'list settlements',
    ).body as { items: Settlement[]; cursor: string | null };
    for (const s of page.items) {
      const size = (x: Settlement) => Object.values(x.structures).reduce((a, b) => a + b, 0);
      if (!best || size(s) > size(best)) best = s;
    }
    if (!page.cursor) return best!;
    cursor = `&cursor=${encodeURIComponent(page.cursor)}`;
  }
}

async function measure(kind: 'sqlite' | 'postgres', database: BenchDatabase) {
  const app = await openBenchApp(database.config);
  try {
    const workspace = expectStatus(
      await app.request('POST', '/api/workspaces', { name: 'Bench city' }),
      201,
      'create workspace',
    ).body as { id: string };
    note(`${kind}: writing ${city.settlements} settlements, ${city.structures} structures…`);
    const started = process.hrtime.bigint();
    const totals = await writeCity(
      app.deps,
      { workspaceId: workspace.id, accountId: null, personId: null },
      generateCity(city),
    );
    const generateAndWriteS = Number(process.hrtime.bigint() - started) / 1e9;
    const sizeMb =
      kind === 'sqlite'
        ? statSync((database.config as { file: string }).file).size / 2 ** 20
        : Number(
            (
              await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(
                app.deps.db,
              )
            ).rows[0]!.size,
          ) /
          2 ** 20;

    const ws = `/api/workspaces/${workspace.id}`;
    const big = await largest(app, workspace.id);
    const structures = Object.values(big.structures).reduce((a, b) => a + b, 0);
    const sections = expectStatus(
      await app.request('GET', `${ws}/settlements/${big.id}/coverage`),
      200,
      'coverage',
    ).body as { sections: Array<{ sectionId: string; structures: number }> };
    const section = [...sections.sections].sort((a, b) => b.structures - a.structures)[0]!;

    const baseline = await sample(() => app.request('GET', '/health'), runs);
    const base = median(baseline);
    const page = await sample(() => app.request('GET', `${ws}/settlements/${big.id}`), runs);
    const coverage = await sample(() => app.request('GET', `${ws}/settlements/${big.id}/coverage`), runs);
    const nearest = await sample(
      () => app.request('GET', `${ws}/settlements/${big.id}/nearest?type=tap`),
      Math.min(runs, 10),
      2,
    );
    const sectionUrl = `${ws}/settlements/${big.id}/structures?limit=5000&sectionId=${section.sectionId}`;
    const first = await sample(() => app.request('GET', sectionUrl), Math.min(runs, 10), 2);
    const download = expectStatus(await app.request('GET', sectionUrl), 200, 'section');
    const items = (download.body as { items: unknown[] }).items.length;
    if (items !== section.structures)
      throw new Error(`section download had ${items} of ${section.structures}`);
    const sync = await measureResearcherSync(app, workspace.id, big.id, section.sectionId, runs);
    const withRatio = (durations: number[]) => ({
      ...latency(durations),
      x_baseline: round(median(durations) / base),
    });
    return {
      written: totals,
      generate_and_write_s: round(generateAndWriteS),
      database_mb: round(sizeMb),
      largest_settlement_structures: structures,
      baseline_health: latency(baseline),
      settlement_page: withRatio(page),
      coverage: withRatio(coverage),
      nearest_tap_all_structures: withRatio(nearest),
      first_section: {
        ...withRatio(first),
        structures: items,
        kb: round(Buffer.byteLength(JSON.stringify(download.body)) / 1024),
      },
      researcher_sync: sync,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

const results: Record<string, unknown> = {
  ...city,
  sqlite_synchronous: 'NORMAL (WAL)',
  postgres_fsync: 'on',
};
const sqlite = await measure('sqlite', sqliteDatabase());
results.sqlite = sqlite;
const postgres = await postgresDatabase({ durable: true });
const pgResult = postgres ? await measure('postgres', postgres) : undefined;
results.postgres = pgResult ?? 'skipped: PostgreSQL not installed';
// The headline figures: the slower database's medians.
const worst = (pick: (r: typeof sqlite) => number) => Math.max(pick(sqlite), pgResult ? pick(pgResult) : 0);
results.settlementPageMs = worst((r) => r.settlement_page.p50_ms);
results.coverageMs = worst((r) => r.coverage.p50_ms);
results.nearestMs = worst((r) => r.nearest_tap_all_structures.p50_ms);
results.firstSectionKb = worst((r) => r.first_section.kb);
results.firstSyncKb = worst((r) => r.researcher_sync.first_sync.kb);
results.incrementalSyncMs = worst((r) => r.researcher_sync.incremental_after_10.p50_ms);
// The map of a 3,000-structure settlement on a slowed CPU (bench/_map.ts): its median draw.
const map = await measureMapDraw(root, 3000, args.quick ? 3 : 7);
results.map = map;
results.mapDrawMs = map.mapDrawMs;
report('settlements', args, results);
