import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../app.ts';
import type { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { openServer } from '../server.ts';
import { dropTestDatabase, testDatabaseConfig } from './database.ts';

export const testPublicUrl = 'http://coproduce.test';

/**
 * A real server on a fresh database (SQLite file or PostgreSQL database, by the vitest project),
 * driven through app.inject(). Nothing of ours is mocked.
 */
export async function startTestServer(options: { clock?: Clock; mailer?: Mailer } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-test-'));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: testPublicUrl }),
    database: await testDatabaseConfig(),
  };
  const opened = await openServer(config, { log: pino({ level: 'silent' }), ...options });
  const { app, registrar } = await buildApp(opened.deps, { serveWeb: false });
  return {
    app,
    deps: opened.deps,
    registrar,
    async close() {
      await app.close();
      await opened.close();
      // Each test file made its own database and data folder; leave nothing behind in /tmp or on
      // a TEST_DATABASE_URL server that outlives the run.
      await dropTestDatabase(config.database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
