import { type Kysely, type Migration, Migrator } from 'kysely';

/** What the additive rule looks at: per table, per column, whether it may be null and has a default. */
export type SchemaShape = Map<string, Map<string, { nullable: boolean; hasDefault: boolean }>>;

export async function schemaShape(db: Kysely<unknown>): Promise<SchemaShape> {
  const tables = await db.introspection.getTables();
  const shape: SchemaShape = new Map();
  for (const table of tables) {
    if (table.isView) continue;
    shape.set(
      table.name,
      new Map(table.columns.map((c) => [c.name, { nullable: c.isNullable, hasDefault: c.hasDefaultValue }])),
    );
  }
  return shape;
}

/**
 * Old phones keep sending old shapes (ARCHITECTURE.md rule 5), so a migration may only add:
 * no dropped or renamed table or column (a rename looks like a drop plus an add), and no NOT NULL
 * column without a default on a table that already existed (old clients could not fill it).
 */
export function additiveProblems(migration: string, before: SchemaShape, after: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of before) {
    const now = after.get(table);
    if (!now) {
      problems.push(`${migration}: table ${table} was dropped or renamed`);
      continue;
    }
    for (const [column, was] of columns) {
      const is = now.get(column);
      if (!is) problems.push(`${migration}: column ${table}.${column} was dropped or renamed`);
      else if (was.nullable && !is.nullable && !is.hasDefault)
        problems.push(`${migration}: column ${table}.${column} became NOT NULL without a default`);
    }
    for (const [column, is] of now) {
      if (!columns.has(column) && !is.nullable && !is.hasDefault)
        problems.push(`${migration}: column ${table}.${column} was added as NOT NULL without a default`);
    }
  }
  return problems;
}

/** Applies the migrations one at a time, comparing the schema before and after each. */
export async function checkMigrationChain(
  db: Kysely<unknown>,
  migrations: Record<string, Migration>,
): Promise<{ applied: string[]; problems: string[] }> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const applied: string[] = [];
  const problems: string[] = [];
  let before = await schemaShape(db);
  for (const name of Object.keys(migrations).sort()) {
    const result = await migrator.migrateTo(name);
    if (result.error) throw result.error;
    const after = await schemaShape(db);
    problems.push(...additiveProblems(name, before, after));
    applied.push(name);
    before = after;
  }
  return { applied, problems };
}
