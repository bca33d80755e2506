// Starts each run with an empty screens folder, so the screenshots there are all from this run
// (a renamed or removed screen must not leave a stale picture behind for reviewers).
import { rmSync } from 'node:fs';
import { screensDir } from './screenshots.ts';

export default function globalSetup(): void {
  rmSync(screensDir, { recursive: true, force: true });
}
