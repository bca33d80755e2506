/** Where the database lives: an embedded SQLite file by default, PostgreSQL when DATABASE_URL says so. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function databaseConfigFrom(databaseUrl: string | undefined, sqliteFile: string): DatabaseConfig {
  if (databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl)) return { kind: 'postgres', url: databaseUrl };
  return { kind: 'sqlite', file: sqliteFile };
}
