import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../config.ts';
import type { DatabaseConfig } from '../db/config.ts';
import { signIn } from '../test/agent.ts';
import { dropTestDatabase, testDatabaseConfig } from '../test/database.ts';
import { startTestServer } from '../test/server.ts';

const bin = resolve(repositoryRoot, 'apps/server/bin/coproduce.mjs');
let dataDir: string;
let database: DatabaseConfig;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coproduce-cli-'));
  database = await testDatabaseConfig();
});
afterAll(async () => {
  await dropTestDatabase(database);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the real `coproduce` binary against this file's database. */
function coproduce(args: string[], stdin?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (database.kind === 'postgres') env.DATABASE_URL = database.url;
  else env.DATA_DIR = resolve(database.file, '..');
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, failed) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: repositoryRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** The server's view of the same database and data folder, as `serve` would open them. */
async function server() {
  const folder = database.kind === 'sqlite' ? resolve(database.file, '..') : dataDir;
  return startTestServer({ database, dataDir: folder });
}

async function xlsform(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const survey = workbook.addWorksheet('survey');
  for (const row of rows) survey.addRow(row);
  const file = join(dataDir, `form-${rows.length}.xlsx`);
  writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

describe('coproduce CLI', { timeout: 300_000 }, () => {
  it('migrates, then makes an admin who signs in over HTTP', async () => {
    const migrated = await coproduce(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/applied 0001_foundation/);

    const created = await coproduce([
      'admin',
      'create',
      '--username',
      'Ayanda',
      '--password',
      'a strong password 1',
      '--email',
      'Ayanda@Example.org',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/created administrator Ayanda/);
    expect(created.stdout).not.toMatch(/a strong password/);

    // Password from piped stdin when --password is left out.
    const piped = await coproduce(['admin', 'create', '--username', 'priya'], 'piped secret password\n');
    expect(piped.code, piped.stderr).toBe(0);

    const taken = await coproduce([
      'admin',
      'create',
      '--username',
      'AYANDA',
      '--password',
      'another password 2',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/username "AYANDA" is taken/);
    const short = await coproduce(['admin', 'create', '--username', 'x1x', '--password', 'short']);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password/);

    const app = await server();
    try {
      const ayanda = await signIn(app.app, 'ayanda@example.org', 'a strong password 1');
      const session = await ayanda.get('/api/auth/session');
      expect(session.body.account).toMatchObject({ username: 'Ayanda', isAdmin: true });
      const workspaces = await ayanda.get('/api/workspaces');
      expect(workspaces.statusCode).toBe(200);
      expect(workspaces.body.items).toEqual([]);
      await signIn(app.app, 'priya', 'piped secret password');
    } finally {
      await app.close({ keepData: true });
    }
  });

  it('verifies the audit log and reports the first broken link', async () => {
    const ok = await coproduce(['audit', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok: \d+ entries in 1 chains/);

    const app = await server();
    try {
      const entry = await app.deps.db
        .selectFrom('audit_entries')
        .select(['id', 'sequence'])
        .orderBy('sequence')
        .executeTakeFirstOrThrow();
      await app.deps.db
        .updateTable('audit_entries')
        .set({ action: 'tampered' })
        .where('id', '=', entry.id)
        .execute();
      const broken = await coproduce(['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`broken: chain accounts, entry ${entry.sequence} (${entry.id})`);
      await app.deps.db
        .updateTable('audit_entries')
        .set({ action: 'account.created_by_cli' })
        .where('id', '=', entry.id)
        .execute();
      expect((await coproduce(['audit', 'verify'])).code).toBe(0);
    } finally {
      await app.close({ keepData: true });
    }
  });

  it('prints signed checkpoints, and verify against them names a cut-back chain', async () => {
    const printed = await coproduce(['audit', 'checkpoint']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toMatch(/^public key: [A-Za-z0-9+/]{43}=$/m);
    const kept = join(dataDir, 'checkpoints.jsonl');
    writeFileSync(kept, printed.stdout);
    const checkpoint = JSON.parse(printed.stdout.split('\n')[0] ?? '{}');
    expect(checkpoint).toMatchObject({ chain: 'accounts', sequence: expect.any(Number) });
    const app = await server();
    try {
      const newest = await app.deps.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('chain', '=', 'accounts')
        .orderBy('sequence', 'desc')
        .limit(2)
        .execute();
      const [last, before] = newest;
      if (!last || !before) throw new Error('the accounts chain has fewer than two entries');
      await app.deps.db.deleteFrom('audit_entries').where('id', '=', last.id).execute();
      await app.deps.db
        .updateTable('audit_chain_heads')
        .set({ sequence: before.sequence, hash: before.hash })
        .where('chain', '=', 'accounts')
        .execute();
      const broken = await coproduce(['audit', 'verify', '--checkpoints', kept]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(
        `broken: chain accounts, entry ${last.sequence}: entries after ${before.sequence} were removed`,
      );
      await app.deps.db.insertInto('audit_entries').values(last).execute();
      await app.deps.db
        .updateTable('audit_chain_heads')
        .set({ sequence: last.sequence, hash: last.hash })
        .where('chain', '=', 'accounts')
        .execute();
      expect((await coproduce(['audit', 'verify', '--checkpoints', kept])).code).toBe(0);
    } finally {
      await app.close({ keepData: true });
    }
  });

  it('backs up SQLite online, and points PostgreSQL to pg_dump', async () => {
    const target = join(dataDir, 'backup.sqlite');
    const backup = await coproduce(['backup', target]);
    if (database.kind === 'postgres') {
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(/pg_dump/);
      return;
    }
    expect(backup.code, backup.stderr).toBe(0);
    const copy = new SqliteDatabase(target, { readonly: true });
    const row = copy.prepare('select count(*) as n from accounts').get() as { n: number };
    copy.close();
    expect(row.n).toBe(2);
    expect((await coproduce(['backup', target])).code).toBe(1); // never overwrites
  });

  it('checks an XLSForm without a database: one JSON line, exit 0 or 1', async () => {
    const good = await xlsform([
      ['type', 'name', 'label'],
      ['text', 'name', 'Your name'],
      ['integer', 'age', 'Age'],
    ]);
    const ok = await coproduce(['forms', 'check', good, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(ok.stdout);
    expect(result.ok).toBe(true);
    expect(result.questions.map((q: { path: string }) => q.path)).toEqual(['/name', '/age']);
    const readable = await coproduce(['forms', 'check', good]);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(/ok .*2 questions/);

    const bad = await xlsform([
      ['type', 'name', 'label'],
      ['no_such_type', 'q', 'Q'],
    ]);
    const failed = await coproduce(['forms', 'check', bad, '--json']);
    expect(failed.code).toBe(1);
    const problems = JSON.parse(failed.stdout);
    expect(problems.ok).toBe(false);
    expect(problems.errors.length).toBeGreaterThan(0);
    const missing = await coproduce(['forms', 'check', join(dataDir, 'nope.xlsx'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);

    // Several files, of every format pyxform reads: one JSON line each, in order.
    const markdown = join(dataDir, 'form.md');
    writeFileSync(markdown, '| survey |\n| | type | name | label |\n| | integer | n | How many? |\n');
    const csv = join(dataDir, 'form.csv');
    writeFileSync(csv, 'survey,,,\n,type,name,label\n,text,q,Q\n,slect_one,r,R\n');
    const several = await coproduce(['forms', 'check', good, markdown, csv, join(dataDir, 'nope.md')]);
    expect(several.code).toBe(1);
    const lines = several.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.file, l.ok])).toEqual([
      [good, true],
      [markdown, true],
      [csv, false],
      [join(dataDir, 'nope.md'), false],
    ]);
    expect(lines[1].questions.map((q: { path: string }) => q.path)).toEqual(['/n']);
    expect(lines[2].errors[0]).toMatchObject({ sheet: 'survey', row: 3, column: 'type' });
  });

  it('seeds a demo workspace and prints a sign-in that works', async () => {
    const demo = await coproduce(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    const username = /^\s*coordinator\s+(\S+)$/m.exec(demo.stdout)?.[1];
    const password = /^\s*password\s+(\S+)$/m.exec(demo.stdout)?.[1];
    expect(username && password, demo.stdout).toBeTruthy();
    const app = await server();
    try {
      const coordinator = await signIn(app.app, username ?? '', password ?? '');
      const workspaces = await coordinator.get('/api/workspaces');
      expect(workspaces.body.items).toHaveLength(1);
    } finally {
      await app.close({ keepData: true });
    }
  });

  it('answers an unknown command with usage and exit 2', async () => {
    const unknown = await coproduce(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: coproduce/);
    expect(existsSync(bin)).toBe(true);
  });
});
