import pino, { type Logger } from 'pino';
import { buildApp } from './app.ts';
import { appendAuditEntries } from './audit/append.ts';
import { openAuditAnchor } from './audit/checkpoints.ts';
import { loadOrCreateAuditKeys } from './audit/keys.ts';
import { type Clock, systemClock } from './clock.ts';
import { loadOrCreateSecret, type ServerConfig } from './config.ts';
import type { ServerDeps } from './context.ts';
import { connectDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { jobKinds } from './exports/routes.ts';
import { ImportGate } from './forms/import-worker/run.ts';
import { createGroupCommit } from './http/group-commit.ts';
import { createJobRunner } from './jobs/runner.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createCompiledForms } from './submissions/compiled.ts';

export interface OpenedServer {
  deps: ServerDeps;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Connects, migrates and assembles the server's parts; shared by `serve`, the CLI and tests. */
export async function openServer(
  config: ServerConfig,
  overrides: { clock?: Clock; log?: Logger; mailer?: Mailer } = {},
): Promise<OpenedServer> {
  const log = overrides.log ?? pino({ level: config.logLevel });
  const database = connectDatabase(config.database);
  await migrateToLatest(database.db as never);
  const clock = overrides.clock ?? systemClock;
  const auditKeys = loadOrCreateAuditKeys(config.auditKeysDir);
  const auditAnchor = openAuditAnchor(config.auditKeysDir, auditKeys, () => clock.now().toISOString());
  const deps: ServerDeps = {
    db: database.db,
    readDb: database.readDb,
    databaseKind: database.kind,
    clock,
    log,
    config,
    secret: loadOrCreateSecret(config.dataDir),
    mailer: overrides.mailer ?? createMailer(config.smtpUrl, config.mailFrom, log),
    auditKeys,
    auditAnchor,
    groupCommit: createGroupCommit(database.db, {
      append: (trx, entries) => appendAuditEntries(trx, database.kind, auditKeys.hmacKey, entries),
      committed: (heads) => auditAnchor.note(heads),
    }),
    compiledForms: createCompiledForms(),
    imports: new ImportGate(),
  };
  return {
    deps,
    database,
    close: async () => {
      deps.imports.close();
      auditAnchor.close();
      await database.close();
    },
  };
}

/** Starts listening and running jobs; resolves with the address and a stop function that drains requests first. */
export async function listen(opened: OpenedServer) {
  const { app } = await buildApp(opened.deps);
  const address = await app.listen({ port: opened.deps.config.port, host: opened.deps.config.host });
  const jobs = createJobRunner(opened.deps, jobKinds);
  jobs.start();
  return {
    app,
    address,
    async stop() {
      await jobs.stop();
      await app.close();
      await opened.close();
    },
  };
}
