// Shared pieces of the benchmarks (files starting with `_` are not benchmarks themselves).
// See bench/README.md for how a benchmark is written.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../apps/server/src/db/config.ts';
import { findPostgresBin, startPostgresCluster } from '../apps/server/src/test/postgres-cluster.ts';

export type BenchArgs = { quick: boolean; flags: Set<string> };

export function benchArgs(argv: string[] = process.argv.slice(2)): BenchArgs {
  const flags = new Set(argv);
  return { quick: flags.has('--quick'), flags };
}

/** Progress and tables go to stderr, so that stdout in --quick mode is exactly one JSON line. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** A repeatable pseudo-random sequence in [0, 1) (a linear congruential generator): the same answers every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export const median = (samples: number[]): number => percentile(samples, 50);

/** Rounds for printing: three significant figures are all a noisy machine can promise. */
export const round = (value: number): number => Number(value.toPrecision(3));

/**
 * Times `fn` `runs` times after `warmup` untimed calls (JIT, caches, prepared statements) and
 * returns each duration in milliseconds.
 */
export async function sample(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations;
}

export type Latency = { p50_ms: number; p99_ms: number; runs: number };

export const latency = (durations: number[]): Latency => ({
  p50_ms: round(median(durations)),
  p99_ms: round(percentile(durations, 99)),
  runs: durations.length,
});

/** What the numbers were measured on, for the RESULTS.md entry. */
export function machine(): Record<string, string | number> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
  };
}

/** Prints the result: one JSON line on stdout (all that --quick prints), and a readable copy otherwise. */
export function report(name: string, args: BenchArgs, result: Record<string, unknown>): void {
  const line = { bench: name, quick: args.quick, ...result, machine: machine() };
  if (!args.quick) note(JSON.stringify(line, null, 2));
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export type BenchDatabase = { config: DatabaseConfig; close: () => Promise<void> };

/** A fresh SQLite file in its own temp folder. */
export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'coproduce-bench-'));
  return {
    config: { kind: 'sqlite', file: join(dir, 'bench.sqlite') },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh PostgreSQL database: on TEST_DATABASE_URL's server when set, else in a throwaway cluster
 * like the tests use. Undefined (with a note) when no PostgreSQL is installed.
 */
export async function postgresDatabase(
  options: { durable?: boolean } = {},
): Promise<BenchDatabase | undefined> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopCluster = () => {};
  if (!adminUrl) {
    const bin = findPostgresBin();
    if (!bin) {
      note('PostgreSQL is not installed (apt-get install -y postgresql): skipping the PostgreSQL runs');
      return undefined;
    }
    const cluster = await startPostgresCluster(bin, options);
    adminUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    close: async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      stopCluster();
    },
  };
}
