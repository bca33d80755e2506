#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest (lint, types, build, unit and
// server tests, then the browser). Stops at the first failing stage. The last line of output is
// always "N passed, N failed[, N skipped]" for CI parsers; a failing non-test stage (biome, tsc,
// build) counts as one failure there so that line never reads as green when the run was not.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { add, empty, forget, playwrightCounts, summaryLine, vitestCounts } from './lib/results.mjs';
import { ensureSystemDependencies } from './lib/system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const ci = process.env.CI === 'true';
const bin = (name) => join(root, 'node_modules', '.bin', name);
const vitestJson = join(root, '.tmp', 'test-results', 'vitest.json');
const playwrightJson = join(root, 'e2e', 'artifacts', 'results.json');

// Tests choose their databases themselves; a DATABASE_URL meant for a dev server must not reach them.
const childEnv = { ...process.env };
delete childEnv.DATABASE_URL;

const log = (message) => console.log(`[test] ${message}`);
const totals = empty();
/** System packages still missing after the attempt to install them. */
let missing;
const timings = [];

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: childEnv });
    child.on('error', (error) => {
      log(`could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function finish(failedStage) {
  console.log('');
  for (const t of timings) log(`${t.stage.padEnd(12)} ${t.result.padEnd(8)} ${(t.ms / 1000).toFixed(1)} s`);
  for (const name of missing ?? [])
    log(`incomplete run: ${name} is not installed (see the start of this output)`);
  if (failedStage) log(`FAILED at ${failedStage} (the run stops at the first failing stage)`);
  console.log(summaryLine(totals));
  process.exit(failedStage || totals.failed > 0 ? 1 : 0);
}

/** Runs one stage; `counts` reads its test numbers afterwards (test stages only). */
async function stage(name, command, args, counts) {
  log(`── ${name}: ${relative(root, command) || command} ${args.join(' ')}`);
  const started = Date.now();
  const code = await run(command, args);
  const result = counts?.();
  if (result) add(totals, result);
  timings.push({ stage: name, result: code === 0 ? 'ok' : 'FAILED', ms: Date.now() - started });
  if (code === 0) return;
  // A crash before any report, or a failure the report does not show (e.g. an error outside tests).
  if (!result || result.failed === 0) totals.failed += 1;
  finish(name);
}

function skip(name, why) {
  log(`── ${name}: skipped, ${why}`);
  timings.push({ stage: name, result: 'skipped', ms: 0 });
}

function hasSpecs(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
    (entry) =>
      entry.isFile() &&
      /\.(spec|test)\.[cm]?[jt]sx?$/.test(entry.name) &&
      !relative(dir, entry.parentPath)
        .split(/[\\/]/)
        .some((part) => part === 'artifacts' || part === 'support'),
  );
}

const depsStarted = Date.now();
missing = ensureSystemDependencies({ log, ci });
timings.push({
  stage: 'system deps',
  result: missing.length ? 'missing' : 'ok',
  ms: Date.now() - depsStarted,
});
if (ci && missing.length > 0) {
  totals.failed += 1;
  finish('system deps');
}

await stage('biome', bin('biome'), ['check', '.']);
await stage('tsc', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

const viteConfig = ['ts', 'mts', 'js', 'mjs'].some((ext) =>
  existsSync(join(root, `apps/web/vite.config.${ext}`)),
);
if (viteConfig) await stage('web build', 'npm', ['run', 'build', '--workspace', 'apps/web']);
else skip('web build', 'apps/web has no vite.config yet');

mkdirSync(dirname(vitestJson), { recursive: true });
forget(vitestJson);
await stage(
  'vitest',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  () => vitestCounts(vitestJson),
);

if (!hasSpecs(join(root, 'e2e'))) skip('playwright', 'e2e/ holds no spec yet');
else if (missing.includes('chromium')) skip('playwright', 'Chromium is not installed (see above)');
else {
  forget(playwrightJson);
  await stage('playwright', bin('playwright'), ['test'], () => playwrightCounts(playwrightJson));
}

finish();
