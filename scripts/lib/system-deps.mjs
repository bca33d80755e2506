// The Debian packages the test suite needs beyond npm: a PostgreSQL server to start throwaway
// clusters from, Chromium for Playwright, and Noto fonts so Devanagari (Hindi) renders in screenshots.
// Paths can be overridden by environment variables, which is how the detection itself is tested.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Same lookup as apps/server/src/test/postgres-cluster.ts (which vitest uses); keep them in step. */
export function findPostgresBin(env = process.env) {
  if (env.COPRODUCE_PG_BIN)
    return existsSync(join(env.COPRODUCE_PG_BIN, 'initdb')) ? env.COPRODUCE_PG_BIN : undefined;
  const root = env.COPRODUCE_PG_ROOT ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function hasPostgis(env) {
  const share = env.COPRODUCE_PG_SHARE ?? '/usr/share/postgresql';
  if (!existsSync(share)) return false;
  return readdirSync(share).some((version) =>
    existsSync(join(share, version, 'extension', 'postgis.control')),
  );
}

/** Each dependency: the Debian package that provides it and how to tell it is there. */
export function systemDependencies(env = process.env) {
  const chromium = env.COPRODUCE_CHROMIUM ?? '/usr/bin/chromium';
  const noto = env.COPRODUCE_NOTO_DIR ?? '/usr/share/fonts/truetype/noto';
  return [
    {
      name: 'postgres',
      pkg: 'postgresql',
      where: env.COPRODUCE_PG_BIN ?? `${env.COPRODUCE_PG_ROOT ?? '/usr/lib/postgresql'}/*/bin/initdb`,
      present: () => Boolean(env.TEST_DATABASE_URL) || findPostgresBin(env) !== undefined,
      consequence: 'server tests run on SQLite only (the postgres project is left out)',
    },
    {
      // PostGIS for the spatial index of settlements on PostgreSQL (migration 0006); Debian's
      // postgresql-postgis follows its default PostgreSQL version.
      name: 'postgis',
      pkg: 'postgresql-postgis',
      where: `${env.COPRODUCE_PG_SHARE ?? '/usr/share/postgresql'}/*/extension/postgis.control`,
      present: () => Boolean(env.TEST_DATABASE_URL) || hasPostgis(env),
      consequence: 'the PostgreSQL server tests fail at migration 0006 (create extension postgis)',
    },
    {
      name: 'chromium',
      pkg: 'chromium',
      where: chromium,
      present: () => existsSync(chromium),
      consequence: 'Playwright end-to-end tests are skipped',
    },
    {
      name: 'fonts',
      pkg: 'fonts-noto-core',
      where: noto,
      present: () => existsSync(noto) && readdirSync(noto).length > 0,
      consequence: 'Hindi renders as empty boxes in screenshots',
    },
  ];
}

function isRoot() {
  return process.getuid?.() === 0 && process.env.COPRODUCE_ASSUME_NOT_ROOT !== '1';
}

/**
 * Installs what is missing when we are root (non-interactively: CI has no stdin), otherwise says
 * exactly what to install. Returns the names still missing; under CI any of them is fatal.
 */
export function ensureSystemDependencies({ log, ci }) {
  let missing = systemDependencies().filter((dep) => !dep.present());
  if (missing.length === 0) {
    log('system dependencies: postgresql, postgis, chromium, fonts-noto-core present');
    return [];
  }
  const packages = missing.map((dep) => dep.pkg);
  for (const dep of missing) log(`missing ${dep.pkg}: nothing at ${dep.where}`);
  if (isRoot()) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    log(`installing as root: apt-get update && apt-get install -y ${packages.join(' ')}`);
    try {
      execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
      execFileSync('apt-get', ['install', '-y', ...packages], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env,
      });
    } catch (error) {
      log(`apt-get failed: ${error.message}`);
    }
    missing = missing.filter((dep) => !dep.present());
    for (const dep of missing) log(`still missing after apt-get: ${dep.pkg} (nothing at ${dep.where})`);
  } else {
    log('not root, so not installing. Install them with:');
    log(
      `  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`,
    );
  }
  for (const dep of missing) {
    log(ci ? `${dep.pkg} is required under CI=true` : `without ${dep.pkg}: ${dep.consequence}`);
  }
  return missing.map((dep) => dep.name);
}
