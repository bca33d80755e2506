import pino from 'pino';
import { loadConfig } from '../config.ts';
import { type OpenedServer, openServer } from '../server.ts';

/** Opens the configured database (migrating it) for one command, and always closes it. */
export async function withServer<T>(work: (opened: OpenedServer) => Promise<T>): Promise<T> {
  const opened = await openServer(loadConfig(), { log: pino({ level: 'warn' }) });
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

export const fail = (message: string): number => {
  process.stderr.write(`coproduce: ${message}\n`);
  return 1;
};
