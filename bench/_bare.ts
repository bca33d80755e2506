// The baseline of the ingest benchmark: a bare Fastify route inserting the raw body into SQLite
// (WAL, synchronous=NORMAL), driven over real HTTP by the same load generator at concurrency 50.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import { Client, load } from './_http.ts';
import { round, seededRandom } from './_lib.ts';
import { integersAnswers, item } from './fixtures/ingest.ts';

export async function baseline(seconds: number, quick: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'coproduce-bare-'));
  const sqlite = new SqliteDatabase(join(dir, 'bare.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table raw (id integer primary key, body text not null)');
  const insert = sqlite.prepare('insert into raw (body) values (?)');
  const app = Fastify();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/raw', async (request) => {
    insert.run(request.body as string);
    return { ok: true };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = new Client(url);
  const random = seededRandom(3);
  try {
    const run = await load(50, quick ? seconds : seconds * 2, async () => {
      await client.send('POST', '/raw', { items: [item('bare', integersAnswers(random))] });
      return 1;
    });
    return round(run.perSecond);
  } finally {
    client.close();
    await app.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
