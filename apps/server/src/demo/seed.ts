import type { ServerDeps } from '../context.ts';

/** Placeholder until the demo domain lands: reports that nothing was seeded. */
export async function seedDemoIfEmpty(_deps: ServerDeps, print: (line: string) => void): Promise<void> {
  print('Demo data is not available yet.');
}
