// Removes the run's throwaway data folder (the SQLite file, uploads, cookie secret of the e2e server)
// and the demo folder the specs' own servers copied (demo-folder.ts).
import { rmSync } from 'node:fs';
import { demoTemplateDir } from './demo-folder.ts';

export default function globalTeardown(): void {
  const dir = process.env.COPRODUCE_E2E_DATA_DIR;
  if (dir?.includes('coproduce-e2e-')) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(demoTemplateDir(), { recursive: true, force: true });
  }
}
