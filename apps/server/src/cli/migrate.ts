import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function migrate(): Promise<number> {
  const config = loadConfig();
  const database = connectDatabase(config.database);
  try {
    const result = await migrateToLatest(database.db as never);
    const applied = (result.results ?? []).filter((step) => step.status === 'Success');
    for (const step of applied) process.stdout.write(`applied ${step.migrationName}\n`);
    process.stdout.write(
      applied.length ? `migrated ${database.kind} database\n` : `${database.kind} database is up to date\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
