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
  return () => cluster.stop();
}
