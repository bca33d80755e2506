import type { ServerDeps } from '../context.ts';
import type { Command } from './main.ts';
import { fail, withServer } from './open.ts';

type SeedDemo = (deps: ServerDeps, print: (line: string) => void) => Promise<unknown>;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'add a demo workspace with members in every role and a dozen people',
  async run() {
    // The seeder belongs to the demo domain; loaded only when asked for.
    const seed = (await import('../demo/seed.ts')) as Record<string, unknown>;
    if (typeof seed.seedDemo !== 'function') return fail('demo data is not available in this build');
    const seedDemo = seed.seedDemo as SeedDemo;
    return withServer(async ({ deps }) => {
      await seedDemo(deps, (line) => process.stdout.write(`${line}\n`));
      return 0;
    });
  },
};
