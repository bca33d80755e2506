// Vitest globalSetup of the `postgres` project: one throwaway cluster per run (each test file then
// creates its own database in it), or the server named by TEST_DATABASE_URL.
import type { TestProject } from 'vitest/node';
import { findPostgresBin, reapOrphanClusters, startPostgresCluster } from './postgres-cluster.ts';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return undefined;
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (see vitest.config.ts)');
  reapOrphanClusters();
  const started = Date.now();
  const cluster = await startPostgresCluster(bin);
  console.log(`[postgres] throwaway cluster ${cluster.url} in ${cluster.dir} (${Date.now() - started} ms)`);
  project.provide('postgresAdminUrl', cluster.url);

  // Vitest skips teardown when it is killed (Ctrl-C twice, a CI timeout): stop the cluster then too,
  // and let the signal do what it would have done. (reapOrphanClusters covers SIGKILL.)
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    cluster.stop();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    for (const s of signals) process.off(s, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, onSignal);
  process.once('exit', stop);
  return () => {
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', stop);
    stop();
  };
}
