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

/**
 * Kysely prepares every statement anew; preparing the 250-column insert of an answers table cost
 * more than running it. This keeps the last 500 prepared statements by their SQL text (SQLite
 * re-prepares one itself if the schema changed under it). A statement still busy (iterating) is
 * never shared: a fresh one is prepared.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > 500) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  } as unknown as SqliteDatabase.Database;
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
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
