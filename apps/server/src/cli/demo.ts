import type { ServerDeps } from '../context.ts';
import { fail, withServer } from './open.ts';

type SeedDemo = (deps: ServerDeps, print: (line: string) => void) => Promise<unknown>;

export async function demo(): Promise<number> {
  // The seeder belongs to the demo domain; loaded only when asked for.
  const seed = (await import('../demo/seed.ts')) as Record<string, unknown>;
  if (typeof seed.seedDemo !== 'function') return fail('demo data is not available in this build');
  const seedDemo = seed.seedDemo as SeedDemo;
  return withServer(async ({ deps }) => {
    await seedDemo(deps, (line) => process.stdout.write(`${line}\n`));
    return 0;
  });
}
