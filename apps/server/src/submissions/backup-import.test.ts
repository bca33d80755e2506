import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

// A coordinator takes in a researcher's backup file (decrypted in the browser with that person's
// password) and sends its finished forms: they are recorded as the researcher's work, with the
// coordinator as who brought them in, and the researcher's own later send is a duplicate.
let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
  const assigned = await world.as.coordinator.post(world.url('/assignments'), {
    formId: world.formId,
    personId: world.personOf.researcher,
    targetCount: 40,
  });
  if (assigned.statusCode !== 201) throw new Error(assigned.payload);
});
afterAll(() => world.server.close());

const ingest = (items: unknown[], agent = world.as.coordinator) =>
  agent.post(world.url('/submissions'), { items });

const stored = (id: string) =>
  world.server.deps.db
    .selectFrom('submissions')
    .innerJoin('submission_versions', (join) =>
      join
        .onRef('submission_versions.workspace_id', '=', 'submissions.workspace_id')
        .onRef('submission_versions.id', '=', 'submissions.current_version_id'),
    )
    .select([
      'submissions.source',
      'submissions.submitted_by_account_id',
      'submissions.submitted_by_person_id',
      'submission_versions.created_by_person_id',
    ])
    .where('submissions.id', '=', id)
    .executeTakeFirstOrThrow();

describe('work from another person’s backup file', () => {
  it('is recorded as the collector’s, audited as brought in by the coordinator, and a resend is a duplicate', async () => {
    const item = { ...household(world), collectedBy: world.accountOf.researcher };
    const response = await ingest([item]);
    expect(response.statusCode, response.payload).toBe(200);
    expect(response.body.outcomes[0]).toMatchObject({ status: 'stored' });
    expect(await stored(item.id)).toEqual({
      source: 'backup',
      submitted_by_account_id: world.accountOf.researcher,
      submitted_by_person_id: world.personOf.researcher,
      created_by_person_id: world.personOf.researcher,
    });
    const audit = await world.server.deps.db
      .selectFrom('audit_entries')
      .select(['actor_account_id', 'on_behalf_of_person_id', 'action'])
      .where('entity_id', '=', item.id)
      .execute();
    expect(audit).toEqual([
      {
        actor_account_id: world.accountOf.coordinator,
        on_behalf_of_person_id: world.personOf.researcher,
        action: 'submission.create',
      },
    ]);
    // The researcher's phone sends the same form later (it had it too): nothing new.
    const { collectedBy: _, ...own } = item;
    const again = await ingest([own], world.as.researcher);
    expect(again.body.outcomes[0]).toMatchObject({ status: 'duplicate' });
    // Staff see it in the researcher's name.
    const detail = await world.as.coordinator.get(world.url(`/submissions/${item.id}`));
    expect(detail.body.submittedBy.personId).toBe(world.personOf.researcher);
  });

  it('is refused item by item to a researcher, and for someone never a member here', async () => {
    const mine = { ...household(world), collectedBy: world.accountOf.researcher };
    const theirs = { ...household(world), collectedBy: world.accountOf.researcher2 };
    const response = await ingest([mine, theirs], world.as.researcher);
    expect(response.statusCode, response.payload).toBe(200);
    expect(response.body.outcomes[0]).toMatchObject({ status: 'stored' });
    expect(response.body.outcomes[1]).toMatchObject({
      status: 'refused',
      problem: { code: 'submission.collector_refused', errors: [{ path: 'items.1.collectedBy' }] },
    });
    expect((await stored(mine.id)).source).toBe('web');

    const stranger = await ingest([{ ...household(world), collectedBy: v7() }]);
    expect(stranger.body.outcomes[0]).toMatchObject({
      status: 'refused',
      problem: { code: 'submission.collector_unknown', errors: [{ path: 'items.0.collectedBy' }] },
    });
  });
});
