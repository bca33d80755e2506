// Runs the `coproduce` CLI against the data folder of the server the e2e run started (e.g. to make an
// admin or a demo workspace before a test), the same way an operator would.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function coproduce(args: string[], input?: string): string {
  const dataDir = process.env.COPRODUCE_E2E_DATA_DIR;
  if (!dataDir) throw new Error('COPRODUCE_E2E_DATA_DIR is unset: run through playwright.config.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return execFileSync(process.execPath, ['apps/server/bin/coproduce.mjs', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}
