// A Coproduce server in a process of its own for benchmarks over real HTTP, so the load generator
// never shares the server's event loop. Reads DATA_DIR / DATABASE_URL like `coproduce serve`,
// listens on a free port, and prints `LISTENING <url>` on stdout once ready.
import pino from 'pino';
import { loadConfig } from '../apps/server/src/config.ts';
import { listen, openServer } from '../apps/server/src/server.ts';

const config = { ...loadConfig(), port: 0, host: '127.0.0.1' };
const opened = await openServer(config, { log: pino({ level: 'silent' }) });
const server = await listen(opened);
process.stdout.write(`LISTENING ${server.address}\n`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
