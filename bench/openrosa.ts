// OpenRosa benchmark (issue 9): XML submissions per second of the 250-integer fixture of the ingest
// benchmark, one per request through `POST …/submission` (multipart, as ODK Collect sends them), at
// concurrency 10 and 50 on SQLite and on PostgreSQL with fsync on; beside it, in the same run and
// on the same server, JSON ingest of the same answers one per request (target: XML within 1.5× of
// JSON), the two measured in turn after a warm-up of each. Then the XForm of a 1,000-question form
// (target < 100 ms). SQLite: WAL, synchronous=NORMAL.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newId } from '../apps/server/src/ids.ts';
import { multipart, xmlPart } from '../apps/server/src/test/multipart.ts';
import { generateXForm } from '../packages/forms/src/index.ts';
import { Client, load, startServer } from './_http.ts';
import {
  type BenchDatabase,
  benchArgs,
  latency,
  median,
  note,
  percentile,
  postgresDatabase,
  report,
  round,
  sample,
  seededRandom,
  sqliteDatabase,
} from './_lib.ts';
import { integersAnswers, integersForm, item } from './fixtures/ingest.ts';
import { mixedForm } from './forms/models.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = benchArgs();
const seconds = args.quick ? 2 : 4;
const repeats = args.quick ? 1 : 3;
const concurrencies = args.quick ? [10] : [10, 50];
const random = seededRandom(11);

interface Run {
  db: string;
  concurrency: number;
  xmlSubsPerSec: number;
  xmlP99Ms: number;
  jsonSubsPerSec: number;
  jsonP99Ms: number;
  ratio: number;
}

/** The instance ODK Collect would send for these answers: the XForm's root, id and version label. */
function instance(rootName: string, label: string, answers: Record<string, string>) {
  const fields = Object.entries(answers)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('');
  return `<?xml version="1.0"?><${rootName} id="soak_250_integers" version="${label}">${fields}<meta><instanceID>uuid:${newId()}</instanceID></meta></${rootName}>`;
}

/**
 * Both ways at one concurrency, round by round in turn (XML, JSON, XML, …) after unmeasured
 * warm-up rounds of each, so that JIT warm-up and drift of a shared machine fall on both alike.
 */
async function paired(concurrency: number, xmlWork: () => Promise<number>, jsonWork: () => Promise<number>) {
  // A fresh server takes ~10 s of load to reach its pace (V8 tiers its code up): warm both fully.
  for (let w = 0; w < 2; w++) {
    await load(concurrency, seconds, xmlWork);
    await load(concurrency, seconds, jsonWork);
  }
  const xml: Array<Awaited<ReturnType<typeof load>>> = [];
  const json: typeof xml = [];
  for (let r = 0; r < repeats; r++) {
    xml.push(await load(concurrency, seconds, xmlWork));
    json.push(await load(concurrency, seconds, jsonWork));
  }
  const summary = (results: typeof xml) => ({
    perSecond: round(median(results.map((r) => r.perSecond))),
    p99: round(
      percentile(
        results.flatMap((r) => r.latencies),
        99,
      ),
    ),
  });
  return { xml: summary(xml), json: summary(json) };
}

async function measure(kind: string, database: BenchDatabase): Promise<Run[]> {
  const server = await startServer(database.config, root);
  const client = new Client(server.url);
  try {
    await client.setUp();
    const ws = (await client.send('POST', '/api/workspaces', { name: 'Bench' })).body.id as string;
    const created = await client.send('POST', `/api/workspaces/${ws}/forms`, { model: integersForm() });
    const formId = created.body.id as string;
    await client.send('POST', `/api/workspaces/${ws}/forms/${formId}/publish`, {});
    const versions = await client.send('GET', `/api/workspaces/${ws}/forms/${formId}/versions`);
    const versionId = (versions.body.items as { id: string }[])[0]?.id;
    const xform = await client.send(
      'GET',
      `/api/workspaces/${ws}/forms/${formId}/versions/${versionId}/form.xml`,
    );
    const [, rootName, label] =
      /<instance>\s*<(\w+) id="soak_250_integers"[^>]*version="([^"]+)"/.exec(xform.text) ?? [];
    if (!rootName || !label) throw new Error('no primary instance in the XForm');
    const runs: Run[] = [];
    for (const concurrency of concurrencies) {
      const xmlWork = async () => {
        const { body, contentType } = multipart([
          xmlPart(instance(rootName, label, integersAnswers(random))),
        ]);
        const response = await client.sendRaw('POST', `/api/workspaces/${ws}/submission`, body, {
          'content-type': contentType,
          'x-openrosa-version': '1.0',
        });
        if (response.status !== 201)
          throw new Error(`openrosa: ${response.status} ${response.text.slice(0, 300)}`);
        return 1;
      };
      const jsonWork = async () => {
        const response = await client.send('POST', `/api/workspaces/${ws}/submissions`, {
          items: [item(formId, integersAnswers(random))],
        });
        if (response.status !== 200)
          throw new Error(`ingest: ${response.status} ${response.text.slice(0, 200)}`);
        return 1;
      };
      const { xml, json } = await paired(concurrency, xmlWork, jsonWork);
      const run = {
        db: kind,
        concurrency,
        xmlSubsPerSec: xml.perSecond,
        xmlP99Ms: xml.p99,
        jsonSubsPerSec: json.perSecond,
        jsonP99Ms: json.p99,
        ratio: round(json.perSecond / Math.max(xml.perSecond, 0.001)),
      };
      note(JSON.stringify(run));
      runs.push(run);
    }
    return runs;
  } finally {
    client.close();
    await server.stop();
  }
}

const runs: Run[] = [];
const sqlite = sqliteDatabase();
try {
  runs.push(...(await measure('sqlite', sqlite)));
} finally {
  await sqlite.close();
}
const postgres = await postgresDatabase({ durable: true });
if (postgres) {
  try {
    runs.push(...(await measure('postgres', postgres)));
  } finally {
    await postgres.close();
  }
}
const thousand = mixedForm(1000);
const xform = latency(await sample(() => generateXForm(thousand), args.quick ? 7 : 30));
const headline = runs.find((r) => r.db === 'sqlite' && r.concurrency === 10);
report('openrosa', args, {
  db: 'sqlite',
  concurrency: 10,
  subsPerSec: headline?.xmlSubsPerSec,
  jsonSubsPerSec: headline?.jsonSubsPerSec,
  x_json: headline?.ratio,
  xformMs: xform.p50_ms,
  targets: { x_json_at_most: 1.5, xformMs_below: 100 },
  met: runs.every((r) => r.ratio <= 1.5) && xform.p50_ms < 100,
  durability: { sqlite: 'WAL, synchronous=NORMAL', postgres: 'fsync=on, synchronous_commit=on' },
  runs,
});
