// People register at federation size: listing (first and a deep page), name search and incremental sync of 10,000 people
// (1,000 with --quick), p50/p99, on SQLite and PostgreSQL, through the HTTP API.
// Baseline: GET /health on the same server (one trivial query plus the HTTP path), so the
// x_baseline ratios compare across machines.

import { type BenchApp, expectStatus, openBenchApp } from './_app.ts';
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

type Page = { items: { id: string }[]; cursor: string | null; hasMore: boolean };

const args = benchArgs();
const size = args.quick ? 1_000 : 10_000;
const runs = args.quick ? 30 : 200;

const given = ['Zoë', 'Sipho', 'Priya', 'Thandiwe', 'José', 'Anaïs', 'Nomvula', 'Rahul', 'Chloé', 'Lindiwe'];
const family = [
  'Dlamini',
  'Nkosi',
  'Sharma',
  'Müller',
  'Ndlovu',
  'Ó Briain',
  'Patel',
  'Mokoena',
  'Okafor',
  'Smith',
];
// Accent and case differ from the stored names on purpose: search must ignore both.
const searches = [
  'zoe',
  'NKOSI',
  'anais',
  'muller',
  'priya sharma',
  'sipho dl',
  'o briain',
  'nobody-matches',
];

function personInput(i: number) {
  const name = `${given[i % given.length]} ${family[Math.floor(i / given.length) % family.length]} ${i}`;
  return {
    displayName: name,
    languages: i % 3 === 0 ? ['zu', 'en'] : ['en'],
    contactChannels:
      i % 4 === 0
        ? [{ kind: 'post', address: `${i} Long Street, Cape Town` }]
        : [{ kind: 'sms', phone: `+2782${String(1_000_000 + i).slice(-7)}` }],
    notes: i % 10 === 0 ? 'Prefers mornings.' : '',
  };
}

/** Pages through the whole listing (`cursor`) or sync (`since`); returns the last cursor and the row count. */
async function pageThrough(app: BenchApp, url: string, mode: 'cursor' | 'since') {
  let next = mode === 'since' ? '0' : undefined;
  let rows = 0;
  let cursor: string | null = null;
  for (;;) {
    const query = next === undefined ? '' : `&${mode}=${encodeURIComponent(next)}`;
    const page = expectStatus(await app.request('GET', `${url}?limit=500${query}`), 200, `page ${mode}`)
      .body as Page;
    rows += page.items.length;
    cursor = page.cursor ?? cursor;
    if (!page.hasMore || !page.cursor) return { cursor, rows };
    next = page.cursor;
  }
}

/** The listing cursor after the first `rows` people by name, for timing a deep page. */
async function cursorAfter(app: BenchApp, url: string, rows: number): Promise<string> {
  let seen = 0;
  let cursor = '';
  while (seen < rows) {
    const limit = Math.min(500, rows - seen);
    const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = expectStatus(await app.request('GET', `${url}?limit=${limit}${query}`), 200, 'deep page')
      .body as Page;
    seen += page.items.length;
    if (!page.cursor) break;
    cursor = page.cursor;
  }
  return cursor;
}

async function measure(kind: string, database: BenchDatabase) {
  const app = await openBenchApp(database.config);
  try {
    const workspace = expectStatus(
      await app.request('POST', '/api/workspaces', { name: 'Bench federation' }),
      201,
      'create workspace',
    ).body as { id: string };
    const people = `/api/workspaces/${workspace.id}/people`;

    // The coordinator who made the workspace is in the register already.
    const existing = (await pageThrough(app, people, 'since')).rows;
    note(`${kind}: creating ${size} people through the API…`);
    const ids: string[] = [];
    const seedStart = process.hrtime.bigint();
    for (let i = 0; i < size; i++) {
      const created = expectStatus(await app.request('POST', people, personInput(i)), 201, 'create person');
      ids.push((created.body as { id: string }).id);
    }
    const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;

    const baseline = await sample(() => app.request('GET', '/health'), runs);
    const base = median(baseline);
    const firstPage = await sample(() => app.request('GET', `${people}?limit=50`), runs);
    let s = 0;
    const search = await sample(
      () => app.request('GET', `${people}?q=${encodeURIComponent(searches[s++ % searches.length]!)}`),
      runs,
    );
    // A deep page: the 50 names after the first nine tenths of the register (keyset, not OFFSET).
    const deepCursor = await cursorAfter(app, people, Math.floor(size * 0.9));
    const deepPage = await sample(
      () => app.request('GET', `${people}?limit=50&cursor=${encodeURIComponent(deepCursor)}`),
      runs,
    );
    const fullListing = await sample(() => pageThrough(app, people, 'cursor'), args.quick ? 3 : 5, 1);
    const initialSync = await sample(() => pageThrough(app, people, 'since'), args.quick ? 3 : 5, 1);
    const start = await pageThrough(app, people, 'since');
    if (start.rows !== existing + size)
      throw new Error(`initial sync returned ${start.rows} of ${existing + size} people`);

    // A phone that synced a moment ago: 5 people changed since, then it asks for what is new.
    let cursor = start.cursor ?? '0';
    let edit = 0;
    const incremental: number[] = [];
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < 5; k++) {
        const id = ids[(edit++ * 7919) % ids.length]!;
        expectStatus(
          await app.request('PATCH', `${people}/${id}`, { notes: `seen ${edit}` }),
          200,
          'update person',
        );
      }
      const t = process.hrtime.bigint();
      const reply = expectStatus(
        await app.request('GET', `${people}?since=${cursor}`),
        200,
        'incremental sync',
      );
      incremental.push(Number(process.hrtime.bigint() - t) / 1e6);
      const page = reply.body as Page;
      if (page.items.length !== 5)
        throw new Error(`incremental sync returned ${page.items.length} rows, expected 5`);
      cursor = page.cursor ?? cursor;
    }

    const withRatio = (durations: number[]) => ({
      ...latency(durations),
      x_baseline: round(median(durations) / base),
    });
    return {
      creates_per_s: round(size / (seedMs / 1000)),
      baseline_health: latency(baseline),
      list_first_page_50: withRatio(firstPage),
      list_deep_page_50: withRatio(deepPage),
      search_by_name: withRatio(search),
      sync_incremental_5_changed: withRatio(incremental),
      list_all_pages_of_500_ms: round(median(fullListing)),
      sync_initial_all_ms: round(median(initialSync)),
    };
  } finally {
    await app.close();
    await database.close();
  }
}

const results: Record<string, unknown> = { people: size, runs };
results.sqlite = await measure('sqlite', sqliteDatabase());
const postgres = await postgresDatabase();
results.postgres = postgres ? await measure('postgres', postgres) : 'skipped: PostgreSQL not installed';
report('people', args, results);
