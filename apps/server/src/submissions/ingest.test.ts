import fc from 'fast-check';
import { sql } from 'kysely';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';
import { mainTableOf } from './answer-tables.ts';

let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
});
afterAll(() => world.server.close());

const ingest = (items: unknown[], agent = world.as.coordinator) =>
  agent.post(world.url('/submissions'), { items });
const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(world.server.deps.db))
      .rows[0]?.n,
  );

describe('ingest', () => {
  it('stores valid and invalid submissions, refuses only what cannot be stored, one outcome each', async () => {
    const valid = household(world);
    const invalid = household(world, {
      answers: { structure: '', size: 'many', tenure: 'squatter', members: [{ sex: 'female' }] },
    });
    const auditBefore = await count('audit_entries');
    const response = await ingest([
      valid,
      invalid,
      { ...household(world), formId: v7() },
      { id: 'not-a-uuid', answers: 5 },
    ]);
    expect(response.statusCode, response.payload).toBe(200);
    const [a, b, c, d] = response.body.outcomes;
    expect(a).toMatchObject({ index: 0, id: valid.id, status: 'stored', state: 'received', issues: [] });
    expect(b).toMatchObject({ status: 'needs_attention', state: 'needs_attention' });
    expect(b.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`).sort()).toEqual(
      [
        'choice /tenure',
        'constraint /size',
        'required /members/age',
        'required /structure',
        'type /size',
      ].sort(),
    );
    expect(c).toMatchObject({
      status: 'refused',
      problem: { code: 'submission.form_unknown', errors: [{ path: 'items.2.formId' }] },
    });
    expect(d).toMatchObject({ status: 'refused', problem: { code: 'request.invalid' } });
    expect(d.problem.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['items.3.id', 'items.3.answers']),
    );
    // One audit entry per record written: two submissions.
    expect((await count('audit_entries')) - auditBefore).toBe(2);
    // Answers are queryable at once, typed: the integer column holds a number, the repeat its rows.
    const layout = await world.server.deps.db
      .selectFrom('answer_columns')
      .selectAll()
      .where('form_id', '=', world.formId)
      .execute();
    const size = layout.find((c) => c.path === '/size' && c.value_type === 'int');
    const row = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(mainTableOf(world.formId))} where submission_id = ${valid.id}`.execute(
      world.server.deps.db,
    );
    expect(Number(row.rows[0]?.[size?.column_name ?? ''])).toBe(3);
    const lat = layout.find((c) => c.path === '/where' && c.value_type === 'lat');
    expect(Number(row.rows[0]?.[lat?.column_name ?? ''])).toBeCloseTo(-33.951);
    const members =
      await sql`select * from ${sql.table(`${mainTableOf(world.formId)}_r1`)} where submission_id = ${valid.id}`.execute(
        world.server.deps.db,
      );
    expect(members.rows.length).toBe(2);
    // The invalid answer is kept as sent, never dropped.
    const version = await world.server.deps.db
      .selectFrom('submission_versions')
      .select('answers')
      .where('submission_id', '=', invalid.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(version.answers)).toMatchObject({ size: 'many', tenure: 'squatter' });
  });

  it('acknowledges the same id and content again with no new row, and keeps a different copy as a conflict', async () => {
    const item = household(world);
    expect((await ingest([item])).body.outcomes[0].status).toBe('stored');
    const again = await ingest([item]);
    expect(again.body.outcomes[0]).toMatchObject({ status: 'duplicate', state: 'received' });
    const copy = { ...item, answers: { ...item.answers, size: '4' } };
    const conflict = await ingest([copy]);
    expect(conflict.body.outcomes[0].status).toBe('conflict');
    const versions = await world.server.deps.db
      .selectFrom('submission_versions')
      .selectAll()
      .where('submission_id', '=', item.id)
      .orderBy('number')
      .execute();
    expect(versions.map((v) => v.kind)).toEqual(['original', 'conflict']);
    const stored = await world.as.coordinator.get(world.url(`/submissions/${item.id}`));
    expect(stored.body).toMatchObject({ hasConflict: true, currentVersionId: versions[0]?.id });
    // The conflicting copy again is a duplicate of the conflict, not a third version.
    expect((await ingest([copy])).body.outcomes[0].status).toBe('duplicate');
  });

  it('refuses archived forms, unknown versions and researchers not assigned, in words', async () => {
    const unknownVersion = await ingest([household(world, { formVersion: 7 })]);
    expect(unknownVersion.body.outcomes[0].problem).toMatchObject({
      code: 'submission.version_unknown',
      errors: [{ path: 'items.0.formVersion' }],
    });
    const researcher = await ingest([household(world)], world.as.researcher);
    expect(researcher.body.outcomes[0].problem.code).toBe('submission.not_assigned');
    const assigned = await world.as.coordinator.post(world.url('/assignments'), {
      formId: world.formId,
      personId: world.personOf.researcher,
      targetCount: 40,
    });
    expect(assigned.statusCode, assigned.payload).toBe(201);
    expect((await ingest([household(world)], world.as.researcher)).body.outcomes[0].status).toBe('stored');
    expect((await ingest([household(world)], world.as.member)).statusCode).toBe(403);
    const draft = await world.as.coordinator.post(world.url('/forms'), {
      model: {
        ...(await import('../test/collection-world.ts')).householdForm(),
        settings: { formId: 'unpublished', extra: {} },
      },
    });
    const unpublished = await ingest([household(world, { formId: draft.body.id })]);
    expect(unpublished.body.outcomes[0].problem.code).toBe('submission.form_unpublished');
    const other = await world.as.coordinator.post(world.url('/forms'), {
      model: {
        ...(await import('../test/collection-world.ts')).householdForm(),
        settings: { formId: 'to_archive', extra: {} },
      },
    });
    await world.as.coordinator.post(world.url(`/forms/${other.body.id}/publish`), {});
    await world.as.coordinator.post(world.url(`/forms/${other.body.id}/archive`), {});
    const archived = await ingest([household(world, { formId: other.body.id })]);
    expect(archived.body.outcomes[0].problem.code).toBe('submission.form_archived');
  });

  it('stores every one of 30 batches sent at once', async () => {
    const items = Array.from({ length: 30 }, () => household(world));
    const answers = await Promise.all(items.map((item) => ingest([item])));
    expect(answers.map((a) => a.body.outcomes[0].status)).toEqual(Array(30).fill('stored'));
    const stored = await world.server.deps.db
      .selectFrom('submissions')
      .select('id')
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
    expect(stored.length).toBe(30);
  });

  it('loses nothing and stores nothing twice under random retries, reorderings and cut batches (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
        async (order, batchSizes) => {
          // Ten submissions; the outbox sends them in a random order, some many times, in batches of random size.
          const items = Array.from({ length: 10 }, () => household(world));
          const sends = [...order, ...items.map((_, i) => i)].map((i) => items[i % items.length]);
          let at = 0;
          let batch = 0;
          while (at < sends.length) {
            const size = batchSizes[batch++ % batchSizes.length] ?? 1;
            const response = await ingest(sends.slice(at, at + size));
            expect(response.statusCode).toBe(200);
            for (const outcome of response.body.outcomes)
              expect(['stored', 'duplicate']).toContain(outcome.status);
            at += size;
          }
          const rows = await world.server.deps.db
            .selectFrom('submission_versions')
            .select(['submission_id'])
            .where(
              'submission_id',
              'in',
              items.map((i) => i.id),
            )
            .execute();
          expect(rows.map((r) => r.submission_id).sort()).toEqual(items.map((i) => i.id).sort());
        },
      ),
      { numRuns: 12 },
    );
  });
});
