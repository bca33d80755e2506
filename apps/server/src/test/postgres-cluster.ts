// A throwaway PostgreSQL cluster for one test run: initdb into a fresh folder, start it on a free
// loopback port, and remove everything at the end. Real server, no shared state with the machine's
// own clusters (ARCHITECTURE.md rule 9).
import { type ExecFileSyncOptions, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type PostgresCluster = { url: string; dir: string; stop: () => void };

/**
 * The folder holding initdb/pg_ctl: COPRODUCE_PG_BIN if set (tests point it at fake paths), else the
 * newest /usr/lib/postgresql/<version>/bin (COPRODUCE_PG_ROOT overrides that root). Undefined when absent.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.COPRODUCE_PG_BIN)
    return existsSync(join(env.COPRODUCE_PG_BIN, 'initdb')) ? env.COPRODUCE_PG_BIN : undefined;
  const root = env.COPRODUCE_PG_ROOT ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Asks the kernel for a free loopback port; the tiny race before postgres binds it is acceptable here. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops and removes clusters left behind by runs that were killed before their teardown (each
 * cluster folder names the process that started it). Clusters of runs still alive are left alone.
 */
export function reapOrphanClusters(): void {
  for (const entry of readdirSync('/tmp')) {
    if (!entry.startsWith('coproduce-pg-')) continue;
    const dir = join('/tmp', entry);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : Number.NaN;
    if (Number.isNaN(owner) || alive(owner)) continue;
    // pg_ctl refuses root, so signal the postmaster directly: SIGQUIT is an immediate shutdown.
    const pidFile = join(dir, 'data', 'postmaster.pid');
    const postmaster = existsSync(pidFile)
      ? Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      : Number.NaN;
    const cmdline = `/proc/${postmaster}/cmdline`;
    if (
      !Number.isNaN(postmaster) &&
      existsSync(cmdline) &&
      readFileSync(cmdline, 'utf8').includes('postgres')
    ) {
      process.kill(postmaster, 'SIGQUIT');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A throwaway cluster. `durable` keeps PostgreSQL's defaults (fsync on, synchronous commit):
 * what write benchmarks must measure; tests turn them off, since the cluster dies with the run.
 */
export async function startPostgresCluster(
  bin: string,
  settings: { durable?: boolean } = {},
): Promise<PostgresCluster> {
  // initdb refuses to run as root, so as root every server command runs as the `postgres` OS user,
  // and the cluster folder belongs to that user (mkdtemp makes it 0700, but its parent is /tmp).
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : undefined;
  const dir = mkdtempSync('/tmp/coproduce-pg-');
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const options: ExecFileSyncOptions = {
    stdio: 'pipe',
    cwd: dir,
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    ...(user ?? {}),
  };
  const run = (tool: string, args: string[]) => {
    try {
      execFileSync(join(bin, tool), args, options);
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      throw new Error(`${tool} failed: ${output}\n${serverLog}`.trim());
    }
  };
  const stop = () => {
    try {
      if (existsSync(join(data, 'postmaster.pid')))
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    // fsync=off and friends: the cluster dies with the run, so durability buys nothing but time.
    const fast = settings.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast} -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', log, '-w', '-t', '30', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
