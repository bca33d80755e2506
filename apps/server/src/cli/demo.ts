import { parseArgs } from 'node:util';
import type { ServerDeps } from '../context.ts';
import { fail, withServer } from './open.ts';

type City = { settlements: number; structures: number; seed: number };
type SeedDemo = (
  deps: ServerDeps,
  print: (line: string) => void,
  options: { city?: City },
) => Promise<unknown>;

const whole = (text: string | undefined, what: string, min: number, max: number) => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${what} must be a whole number from ${min} to ${max}`);
  return value;
};

/** `coproduce demo [--settlements N --structures M --seed S]`: the demo workspace, with Sonop or a generated city. */
export async function demo(args: string[] = []): Promise<number> {
  let city: City | undefined;
  try {
    const { values } = parseArgs({
      args,
      options: { settlements: { type: 'string' }, structures: { type: 'string' }, seed: { type: 'string' } },
    });
    const settlements = whole(values.settlements, 'settlements', 1, 10_000);
    const structures = whole(values.structures, 'structures', 1, 5_000_000);
    const seed = whole(values.seed, 'seed', 0, 2 ** 31) ?? 1;
    if (settlements !== undefined || structures !== undefined) {
      if (settlements === undefined || structures === undefined)
        throw new Error('give both --settlements and --structures');
      if (structures < settlements) throw new Error('--structures must be at least --settlements');
      city = { settlements, structures, seed };
    }
  } catch (error) {
    return fail((error as Error).message);
  }
  // The seeder belongs to the demo domain; loaded only when asked for.
  const seed = (await import('../demo/seed.ts')) as Record<string, unknown>;
  if (typeof seed.seedDemo !== 'function') return fail('demo data is not available in this build');
  const seedDemo = seed.seedDemo as SeedDemo;
  return withServer(async ({ deps }) => {
    await seedDemo(deps, (line) => process.stdout.write(`${line}\n`), city ? { city } : {});
    return 0;
  });
}
