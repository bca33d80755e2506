// Test projects: pure unit tests, web components in happy-dom, and the server's HTTP tests run
// twice, once on SQLite and once on a real PostgreSQL server (ARCHITECTURE.md rule 9).
import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { findPostgresBin } from './apps/server/src/test/postgres-cluster.ts';

// Tests pick their database through the harness only; a developer's DATABASE_URL must never leak in.
delete process.env.DATABASE_URL;

const serverTests = ['apps/server/src/**/*.test.ts'];
const serverExclude = ['apps/server/src/**/*.unit.test.ts'];

function postgresProject(): TestProjectInlineConfiguration[] {
  if (process.env.TEST_DATABASE_URL || findPostgresBin()) {
    return [
      {
        extends: true,
        test: {
          name: 'postgres',
          include: serverTests,
          exclude: serverExclude,
          env: { COPRODUCE_TEST_DB: 'postgres' },
          globalSetup: ['apps/server/src/test/postgres-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ];
  }
  const where =
    process.env.COPRODUCE_PG_BIN ?? `${process.env.COPRODUCE_PG_ROOT ?? '/usr/lib/postgresql'}/*/bin`;
  const message =
    `PostgreSQL server binaries not found (no initdb in ${where}) and TEST_DATABASE_URL is unset. ` +
    'Install them with: apt-get install -y postgresql';
  if (process.env.CI === 'true') throw new Error(`${message}. Under CI=true the PostgreSQL run is required.`);
  // Vitest evaluates this file more than once; warn once per run.
  if (!process.env.COPRODUCE_PG_SKIP_WARNED) {
    process.env.COPRODUCE_PG_SKIP_WARNED = '1';
    console.warn(
      `\n[vitest] ${message}\n[vitest] Skipping the postgres project: server tests run on SQLite only.\n`,
    );
  }
  return [];
}

export default defineConfig({
  test: {
    passWithNoTests: true,
    // Vitest's default is cores - 1, i.e. one worker on our 2-core machines; server tests mostly wait
    // on PostgreSQL and argon2's threads, so one worker per core keeps both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 10_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/server/src/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // Same JSX setting as apps/web/vite.config.ts: Preact's automatic runtime.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: serverTests,
          exclude: serverExclude,
          env: { COPRODUCE_TEST_DB: 'sqlite' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      ...postgresProject(),
    ],
  },
});
