import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, withServer } from './open.ts';

export async function backup(args: string[]): Promise<number> {
  const [target] = args;
  if (!target || target.startsWith('-')) return fail('backup needs a file name: coproduce backup <file>');
  const file = resolve(target);
  if (existsSync(file)) return fail(`${file} exists; choose a new file name`);
  return withServer(async ({ database }) => {
    if (!database.sqlite) {
      return fail(
        'this server uses PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=coproduce.dump "$DATABASE_URL"',
      );
    }
    // SQLite's online backup copies a consistent snapshot page by page while writers carry on.
    const { totalPages } = await database.sqlite.backup(file);
    process.stdout.write(`backed up ${totalPages} pages to ${file}\n`);
    return 0;
  });
}
