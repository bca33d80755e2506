#!/usr/bin/env node
// `npm run bench -- <name> [flags]`: runs bench/<name>.ts through tsx (Node 20 cannot strip types),
// passing the flags on (e.g. --quick). Without a known name it lists the benchmarks there are.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const [name, ...flags] = process.argv.slice(2);

const available = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((file) => file.endsWith('.ts') && !file.startsWith('_') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
  : [];

if (!name || name.startsWith('-') || !available.includes(name)) {
  if (name && !name.startsWith('-'))
    console.error(`No benchmark named "${name}" (looked for bench/${name}.ts).`);
  console.error('Usage: npm run bench -- <name> [--quick]');
  console.error(available.length ? `Available: ${available.join(', ')}` : 'No benchmarks in bench/ yet.');
  process.exit(name ? 1 : 2);
}

// Benchmarks measure on their own databases; a DATABASE_URL meant for a dev server must not leak in.
const env = { ...process.env };
delete env.DATABASE_URL;
const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, `${name}.ts`), ...flags], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
