import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DatabaseKind = DatabaseConfig['kind'];

export interface DatabaseHandle {
  db: Db;
  /**
   * For reads that must not wait for (or hold) SQLite's one writer connection: a second,
   * read-only connection, which sees committed data (WAL) while ingest writes. On PostgreSQL
   * the same pool (a replica later).
   */
  readDb: Db;
  kind: DatabaseKind;
  /** The raw SQLite connection, for online backup; null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

function openReader(file: string) {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
}

export function connectDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Another process (the CLI's audit verify or backup) may hold the lock briefly.
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const readDb = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openReader(config.file) }),
    });
    return {
      db,
      readDb,
      kind: 'sqlite',
      sqlite,
      close: async () => {
        await readDb.destroy();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, readDb: db, kind: 'postgres', sqlite: null, close: () => db.destroy() };
}
