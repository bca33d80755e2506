import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../app.ts';
import type { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseConfig } from '../db/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { openServer } from '../server.ts';
import { dropTestDatabase, testDatabaseConfig } from './database.ts';

export const testPublicUrl = 'http://coproduce.test';

/**
 * A real server on a fresh database (SQLite file or PostgreSQL database, by the vitest project),
 * driven through app.inject(). Nothing of ours is mocked.
 */
export async function startTestServer(
  options: {
    clock?: Clock;
    mailer?: Mailer;
    /** Reopen an existing database and data folder (a restart), e.g. `{ ...previous.config }`. */
    database?: DatabaseConfig;
    dataDir?: string;
    publicUrl?: string;
    /** MAP_TILE_HOSTS, as an operator sets it. */
    mapTileHosts?: string;
    /** Serve a built web app from this folder, as `coproduce serve` does from apps/web/dist. */
    webRoot?: string;
  } = {},
) {
  const { database, dataDir: givenDataDir, publicUrl, webRoot, mapTileHosts, ...overrides } = options;
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'coproduce-test-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl ?? testPublicUrl,
      ...(mapTileHosts ? { MAP_TILE_HOSTS: mapTileHosts } : {}),
    }),
    database: database ?? (await testDatabaseConfig()),
    ...(webRoot ? { webRoot } : {}),
  };
  const opened = await openServer(config, { log: pino({ level: 'silent' }), ...overrides });
  const { app, registrar } = await buildApp(opened.deps, { serveWeb: webRoot !== undefined });
  return {
    app,
    deps: opened.deps,
    registrar,
    /** Where this server keeps its data: pass both to startTestServer to restart on them. */
    config: { database: config.database, dataDir },
    /** `keepData` leaves the database and folder for a restart test; its last close removes them. */
    async close(closeOptions: { keepData?: boolean } = {}) {
      await app.close();
      await opened.close();
      if (closeOptions.keepData) return;
      // Each test file made its own database and data folder; leave nothing behind in /tmp or on
      // a TEST_DATABASE_URL server that outlives the run.
      await dropTestDatabase(config.database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
