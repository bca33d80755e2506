import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housingForm, question } from '../test/form-models.ts';
import { type FormsWorld, formsWorld } from '../test/forms-world.ts';

let world: FormsWorld;
beforeAll(async () => {
  world = await formsWorld();
});
afterAll(() => world.server.close());

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('concurrent writes to one form (PostgreSQL runs them truly at once)', () => {
  it('saves from the same base revision: one wins, the others are told the draft is stale', async () => {
    const { coordinator } = world.as;
    const created = await coordinator.post(world.url(), { model: housingForm() });
    expect(created.statusCode, created.payload).toBe(201);
    const saves = Array.from({ length: 6 }, (_, i) => {
      const model = housingForm();
      model.survey.push(question(`extra_${i}`, 'text', { 'English (en)': `Extra ${i}?` }));
      return coordinator.put(world.url(`/${created.body.id}/draft`), {
        model,
        baseRevision: created.body.revision,
      });
    });
    const responses = await Promise.all(saves);
    expect(statuses(responses)).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.statusCode === 409)) expect(r.body.code).toBe('form.stale');
    // The one that won is what is stored, and it is recorded once.
    const winner = responses.find((r) => r.statusCode === 200);
    const stored = await coordinator.get(world.url(`/${created.body.id}`));
    expect(stored.body.revision).toBe(winner?.body.revision);
    expect(stored.body.draft.model).toEqual(winner?.body.draft.model);
  });

  it('publishes at once: one version, the other publishes are refused, never a 500', async () => {
    const { coordinator } = world.as;
    const created = await coordinator.post(world.url(), { model: housingForm() });
    const id = created.body.id;
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => coordinator.post(world.url(`/${id}/publish`), {})),
    );
    expect(statuses(responses)).toEqual([201, 409, 409, 409]);
    const versions = await coordinator.get(world.url(`/${id}/versions`));
    expect(versions.body.items).toHaveLength(1);
  });
});
