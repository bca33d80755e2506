import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Settlements on the map (issue #8): settlements, sections, numbered structures, facilities and
 * their observations, enumeration rounds, households, their members and consents, and one table
 * of record versions for all of them (records/versions.ts). Points are lon/lat columns on both
 * databases; the spatial index is PostGIS (a generated geography column with GiST) on PostgreSQL
 * and an R*Tree kept by triggers on SQLite (keys in spatial_keys, since an R*Tree key is an integer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const record = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('current_version_id', 'text', (c) => c.notNull())
      .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('has_conflict', 'integer', (c) => c.notNull().defaultTo(0));
  const bbox = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    table
      .addColumn('boundary', 'text')
      .addColumn('min_lon', 'double precision')
      .addColumn('min_lat', 'double precision')
      .addColumn('max_lon', 'double precision')
      .addColumn('max_lat', 'double precision');
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  const revisionIndex = (table: string) =>
    index(`${table}_revision`, table, ['workspace_id', 'revision', 'id']);

  await bbox(record(db.schema.createTable('settlements')))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('municipality', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ward', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area_ha', 'double precision')
    .addColumn('land_owner', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('year_established', 'integer')
    .addColumn('number_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_account_id', 'text')
    .addPrimaryKeyConstraint('settlements_pk', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('settlements');
  await index('settlements_name', 'settlements', ['workspace_id', 'name', 'id']);

  await bbox(record(db.schema.createTable('sections')))
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('sections_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('sections_settlement', ['workspace_id', 'settlement_id'], 'settlements', [
      'workspace_id',
      'id',
    ])
    .execute();
  await revisionIndex('sections');
  await index('sections_settlement', 'sections', ['workspace_id', 'settlement_id', 'code']);

  await record(db.schema.createTable('structures'))
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('use', 'text', (c) => c.notNull().defaultTo('residential'))
    .addColumn('wall_material', 'text')
    .addColumn('roof_material', 'text')
    .addColumn('rooms', 'integer')
    .addColumn('floor_area_m2', 'double precision')
    .addColumn('stated_occupants', 'integer')
    .addColumn('stated_households', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('numbered'))
    .addColumn('duplicate_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outside_boundary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('photo_name', 'text')
    .addColumn('numbered_by_person_id', 'text')
    .addColumn('numbered_at', 'text')
    .addColumn('submission_id', 'text')
    .addPrimaryKeyConstraint('structures_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('structures_settlement', ['workspace_id', 'settlement_id'], 'settlements', [
      'workspace_id',
      'id',
    ])
    .execute();
  await revisionIndex('structures');
  await index('structures_number', 'structures', ['workspace_id', 'settlement_id', 'number']);
  await index('structures_section', 'structures', ['workspace_id', 'section_id', 'status']);

  await record(db.schema.createTable('facilities'))
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('toilet_type', 'text')
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('accessible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sex_designation', 'text', (c) => c.notNull().defaultTo('any'))
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('functional', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('observed_at', 'text')
    .addPrimaryKeyConstraint('facilities_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('facilities_settlement', ['workspace_id', 'settlement_id'], 'settlements', [
      'workspace_id',
      'id',
    ])
    .execute();
  await revisionIndex('facilities');
  await index('facilities_settlement', 'facilities', ['workspace_id', 'settlement_id', 'type']);

  // Observations are facts at a time, never edited: a new one supersedes the facility's state.
  await db.schema
    .createTable('facility_observations')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('observer_role', 'text', (c) => c.notNull())
    .addColumn('functional', 'integer', (c) => c.notNull())
    .addColumn('cleaned_last_7d', 'integer')
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('photo_name', 'text')
    .addColumn('submission_id', 'text')
    .addColumn('created_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_observations_pk', ['workspace_id', 'id'])
    .execute();
  await index('facility_observations_facility', 'facility_observations', [
    'workspace_id',
    'facility_id',
    'observed_at',
  ]);

  await record(db.schema.createTable('rounds'))
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planning'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addPrimaryKeyConstraint('rounds_pk', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('rounds');
  await index('rounds_settlement', 'rounds', ['workspace_id', 'settlement_id', 'created_at']);

  await record(db.schema.createTable('households'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('pseudo_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('enumerated'))
    .addColumn('size_stated', 'integer')
    .addColumn('years_in_settlement', 'integer')
    .addColumn('tenure', 'text')
    .addColumn('income_band', 'text')
    .addColumn('head_sex', 'text')
    .addColumn('verification_status', 'text', (c) => c.notNull().defaultTo('unverified'))
    .addColumn('submission_id', 'text')
    .addPrimaryKeyConstraint('households_pk', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('households');
  await index('households_structure', 'households', ['workspace_id', 'structure_id', 'round_id']);
  await index('households_round', 'households', ['workspace_id', 'round_id', 'section_id']);

  await record(db.schema.createTable('household_members'))
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('relationship', 'text')
    .addColumn('sex', 'text')
    .addColumn('age', 'integer')
    .addColumn('birth_date', 'text')
    .addColumn('disability', 'integer')
    .addColumn('school_enrolled', 'integer')
    .addColumn('employment', 'text')
    .addPrimaryKeyConstraint('household_members_pk', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('household_members');
  await index('household_members_household', 'household_members', [
    'workspace_id',
    'household_id',
    'position',
  ]);

  // One consent per household and notice; purposes as columns so that every purpose filter is an
  // indexable equality (records/consent.ts is the one place that writes those filters).
  await db.schema
    .createTable('consents')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('witness', 'text')
    .addColumn('community_planning', 'integer', (c) => c.notNull())
    .addColumn('municipality_aggregates', 'integer', (c) => c.notNull())
    .addColumn('housing_list', 'integer', (c) => c.notNull())
    .addColumn('photos', 'integer', (c) => c.notNull())
    .addColumn('recontact', 'integer', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by_person_id', 'text')
    .addColumn('recorded_by_person_id', 'text')
    .addColumn('submission_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consents_pk', ['workspace_id', 'id'])
    .execute();
  await index('consents_household', 'consents', ['workspace_id', 'household_id', 'withdrawn_at']);

  // Never updated once written: each change to any record is one row here.
  await db.schema
    .createTable('record_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('base_version_id', 'text')
    .addColumn('submission_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by_account_id', 'text')
    .addColumn('created_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_versions_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('record_versions_number', ['workspace_id', 'record_kind', 'record_id', 'number'])
    .execute();

  if (sqlite) await sqliteSpatial(db);
  else await postgisSpatial(db);
}

async function postgisSpatial(db: Kysely<unknown>) {
  try {
    await sql`create extension if not exists postgis`.execute(db);
  } catch (error) {
    throw new Error(
      `PostgreSQL needs the PostGIS extension for settlements (Debian: apt-get install postgresql-postgis; ` +
        `the database role must be allowed to create extensions): ${(error as Error).message}`,
    );
  }
  for (const table of ['structures', 'facilities']) {
    // ST_MakePoint and the geography cast are immutable, so the column follows lon/lat by itself.
    await sql
      .raw(
        `alter table ${table} add column point geography(Point, 4326) generated always as ` +
          `(case when lon is null then null else ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography end) stored`,
      )
      .execute(db);
    await sql.raw(`create index ${table}_point on ${table} using gist (point)`).execute(db);
  }
}

async function sqliteSpatial(db: Kysely<unknown>) {
  await sql`create table spatial_keys (key integer primary key, workspace_id text not null,
    kind text not null, record_id text not null, unique (workspace_id, kind, record_id))`.execute(db);
  for (const [table, kind] of [
    ['structures', 'structure'],
    ['facilities', 'facility'],
  ] as const) {
    const tree = `${table}_rtree`;
    await sql
      .raw(`create virtual table ${tree} using rtree(key, min_lon, max_lon, min_lat, max_lat)`)
      .execute(db);
    const place = `
      insert into spatial_keys (workspace_id, kind, record_id) values (new.workspace_id, '${kind}', new.id)
        on conflict do nothing;
      insert or replace into ${tree} select key, new.lon, new.lon, new.lat, new.lat from spatial_keys
        where workspace_id = new.workspace_id and kind = '${kind}' and record_id = new.id;`;
    await sql
      .raw(
        `create trigger ${table}_place after insert on ${table} when new.lon is not null begin ${place} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_move after update of lon, lat on ${table} when new.lon is not null begin ${place} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_unplace after update of lon, lat on ${table} when new.lon is null begin
          delete from ${tree} where key = (select key from spatial_keys where workspace_id = new.workspace_id
            and kind = '${kind}' and record_id = new.id); end`,
      )
      .execute(db);
  }
}
