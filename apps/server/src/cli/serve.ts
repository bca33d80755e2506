import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { listen, openServer } from '../server.ts';

export async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const opened = await openServer(config);
  if (values.demo) {
    // The demo seeder lives with the demo command; it does nothing on a database with accounts.
    const { seedDemoIfEmpty } = await import('../demo/seed.ts');
    await seedDemoIfEmpty(opened.deps, (line) => process.stdout.write(`${line}\n`));
  }
  const server = await listen(opened);
  process.stdout.write(`Coproduce is listening on ${config.publicUrl} (${opened.database.kind})\n`);
  const stop = async () => {
    // Requests in flight may finish, but a client holding its connection open must not keep the
    // process from stopping (a service manager would otherwise have to kill it).
    setTimeout(() => process.exit(0), 5000).unref();
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
