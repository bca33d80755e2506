// The real `coproduce serve` in a child process, for tests that kill and restart a server (a
// crash is something app.inject() cannot show). Resolves once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { repositoryRoot } from '../config.ts';
import type { DatabaseConfig } from '../db/config.ts';
import { freePort } from './postgres-cluster.ts';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown, no flush, as a power cut or the out-of-memory killer would. */
  kill(): Promise<void>;
}

export async function startChildServer(database: DatabaseConfig, dataDir: string): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  delete env.DATABASE_URL;
  if (database.kind === 'postgres') env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [resolve(repositoryRoot, 'apps/server/bin/coproduce.mjs'), 'serve'], {
    env,
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((done, failed) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('is listening on')) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => failed(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async kill() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
