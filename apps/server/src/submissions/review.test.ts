import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';

let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
  // Twelve households of sizes 1 to 12, every third one an owner, one with a child of 2.
  const items = Array.from({ length: 12 }, (_, i) =>
    household(world, {
      answers: {
        structure: `B-${String(i + 1).padStart(4, '0')}`,
        size: String(i + 1),
        tenure: i % 3 === 0 ? 'owner' : 'tenant',
        where: '-33.95 18.46',
        members: i === 4 ? [{ age: '2', sex: 'female' }] : [{ age: String(20 + i), sex: 'male' }],
      },
    }),
  );
  const stored = await world.as.coordinator.post(world.url('/submissions'), { items });
  if (stored.statusCode !== 200) throw new Error(stored.payload);
});
afterAll(() => world.server.close());

const list = (query: string, agent = world.as.coordinator) =>
  agent.get(world.url(`/submissions?formId=${world.formId}&${query}`));
const sizes = (body: { items: Array<{ values?: Record<string, unknown> }> }) =>
  body.items.map((i) => Number(i.values?.['/size']));

describe('the review table', () => {
  it('filters on any answer, numbers as numbers, repeats by any entry, and counts the matches', async () => {
    const big = await list('f=/size~gt~9&columns=/size,/tenure&sort=/size');
    expect(big.statusCode, big.payload).toBe(200);
    expect(sizes(big.body)).toEqual([10, 11, 12]);
    expect(big.body.total).toBe(3);
    const owners = await list('f=/tenure~eq~owner&f=/size~le~7&sort=/size&columns=/size');
    expect(sizes(owners.body)).toEqual([1, 4, 7]);
    const child = await list('f=/members/age~lt~5&columns=/size');
    expect(sizes(child.body)).toEqual([5]);
    const text = await list('f=/structure~contains~b-001&columns=/size&sort=/size');
    expect(sizes(text.body)).toEqual([10, 11, 12]);
  });

  it('sorts on an answer in keyset pages that cover every row once', async () => {
    const seen: number[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=-/size&columns=/size&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...sizes(page.body));
      totals.push(page.body.total);
      cursor = page.body.hasMore ? page.body.cursor : null;
    } while (cursor);
    expect(seen).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // The first page counts in its own pass, later ones apart: every page tells the same total.
    expect(totals).toEqual([12, 12, 12]);
    const filtered = await list('f=/size~gt~3&sort=/size&columns=/size&limit=4');
    const next = await list(`f=/size~gt~3&sort=/size&columns=/size&limit=4&cursor=${filtered.body.cursor}`);
    expect([filtered.body.total, next.body.total]).toEqual([9, 9]);
    expect(sizes(next.body)).toEqual([8, 9, 10, 11]);
    expect((await list('f=/size~gt~100')).body.total).toBe(0);
  });

  it('names a bad filter or sort, never a 500', async () => {
    for (const [query, path] of [
      ['f=/nothing~eq~1', 'query.f.0'],
      ['f=/size~gt~many', 'query.f.0'],
      ['f=/size~between~1', 'query.f.0'],
      ['f=/size', 'query.f.0'],
      ['sort=/members/age', 'query.sort'],
      ['cursor=xyz', 'query.cursor'],
    ]) {
      const response = await list(query as string);
      expect(response.statusCode, query).toBe(400);
      expect(response.body.errors[0].path, query).toBe(path);
    }
  });

  it('shows researchers only their own submissions', async () => {
    const mine = await world.as.researcher.get(world.url('/submissions'));
    expect(mine.statusCode).toBe(200);
    expect(mine.body.items).toEqual([]);
    expect((await world.as.member.get(world.url('/submissions'))).statusCode).toBe(403);
  });
});

describe('review, corrections and conflicts', () => {
  it('records a review with its comment, corrects with a new version, and refuses a stale base', async () => {
    const item = household(world);
    await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
    const reviewed = await world.as.staff.post(world.url(`/submissions/${item.id}/review`), {
      state: 'rejected',
      comment: 'Wrong structure number',
    });
    expect(reviewed.body).toMatchObject({
      state: 'rejected',
      reviews: [{ stateFrom: 'received', stateTo: 'rejected', comment: 'Wrong structure number' }],
    });
    const base = reviewed.body.currentVersionId;
    const edited = await world.as.staff.post(world.url(`/submissions/${item.id}/versions`), {
      baseVersionId: base,
      answers: { ...item.answers, structure: 'B-0143' },
      reason: 'The painted number was misread',
    });
    expect(edited.statusCode, edited.payload).toBe(201);
    expect(edited.body.versions.map((v: { kind: string }) => v.kind)).toEqual(['original', 'edit']);
    expect(edited.body.versions[1]).toMatchObject({
      reason: 'The painted number was misread',
      baseVersionId: base,
      answers: { structure: 'B-0143' },
    });
    // The table reads the corrected answer.
    const found = await list('f=/structure~eq~B-0143&columns=/structure');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const stale = await world.as.staff.post(world.url(`/submissions/${item.id}/versions`), {
      baseVersionId: base,
      answers: item.answers,
      reason: 'again',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body.errors[0].path).toBe('body.baseVersionId');
    expect(
      (await world.as.researcher.post(world.url(`/submissions/${item.id}/review`), { state: 'approved' }))
        .statusCode,
    ).toBe(403);
  });

  it('resolves a conflict by choosing or merging, keeping both originals', async () => {
    const item = household(world);
    await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
    await world.as.coordinator.post(world.url('/submissions'), {
      items: [{ ...item, answers: { ...item.answers, size: '5' } }],
    });
    const conflicted = await list('conflicts=only&columns=/size');
    expect(conflicted.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const detail = await world.as.coordinator.get(world.url(`/submissions/${item.id}`));
    expect(detail.body).toMatchObject({
      hasConflict: true,
      location: { lat: -33.951, lon: 18.465, path: '/where' },
    });
    const merged = await world.as.coordinator.post(world.url(`/submissions/${item.id}/resolve`), {
      mergedAnswers: { ...item.answers, size: '4' },
      reason: 'Counted together at the door',
    });
    expect(merged.statusCode, merged.payload).toBe(200);
    expect(merged.body.hasConflict).toBe(false);
    expect(merged.body.versions.map((v: { kind: string }) => v.kind)).toEqual([
      'original',
      'conflict',
      'merge',
    ]);
    expect(merged.body.versions[0].answers.size).toBe('3');
    expect(merged.body.versions[1].answers.size).toBe('5');
    const again = await world.as.coordinator.post(world.url(`/submissions/${item.id}/resolve`), {
      chosenVersionId: merged.body.versions[0].id,
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
  });
});
