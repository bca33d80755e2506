// A data folder with the demo workspace for a spec's own server. `coproduce demo` takes ~6 s (and
// more on a busy machine); the specs that need a demo of their own each used to run it. Now the
// first call in a run makes it once, as an operator would, into a folder beside the run's data
// folder, and every call copies that folder: each spec still gets a database of its own, with the
// same people and password, in milliseconds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the run's made demo is kept: beside the run's own data folder, removed with it. */
export const demoTemplateDir = () =>
  `${process.env.COPRODUCE_E2E_DATA_DIR ?? join(tmpdir(), 'coproduce-e2e-')}-demo`;

/** A fresh folder holding the demo, and what `coproduce demo` printed for it (its usernames and password). */
export function demoFolder(prefix: string): { dataDir: string; printed: string } {
  const template = demoTemplateDir();
  const printedFile = join(template, 'demo-printed.txt');
  if (!existsSync(printedFile)) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: template };
    delete env.DATABASE_URL;
    delete env.PORT;
    const printed = execFileSync(process.execPath, ['apps/server/bin/coproduce.mjs', 'demo'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    // Written last: a folder without it is a demo that did not finish, made again next time.
    writeFileSync(printedFile, printed);
  }
  const dataDir = mkdtempSync(`${tmpdir()}/${prefix}`);
  cpSync(template, dataDir, { recursive: true });
  return { dataDir, printed: readFileSync(printedFile, 'utf8') };
}
