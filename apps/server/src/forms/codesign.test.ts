import { emptyAccessNeeds } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { housingForm } from '../test/form-models.ts';
import { type FormsWorld, formsWorld } from '../test/forms-world.ts';

let world: FormsWorld;
let formId: string;
const en = 'English (en)';
const zu = 'isiZulu (zu)';

beforeAll(async () => {
  world = await formsWorld();
  const created = await world.as.coordinator.post(world.url(), { model: housingForm() });
  formId = created.body.id;
  await world.as.coordinator.post(world.url(`/${formId}/publish`), { version: 'v1' });
});
afterAll(() => world.server.close());

const threads = (path = '') => world.url(`/${formId}/threads${path}`);
const audit = async (action: string) => {
  const response = await world.as.coordinator.get(
    `/api/workspaces/${world.workspaceId}/audit?action=${action}`,
  );
  return response.body.items as { action: string; entityId: string; fields: string[] }[];
};

describe('co-design on a draft', () => {
  it('lets a member comment on a question, others reply, and the author resolve it', async () => {
    const comment = await world.as.member.post(threads(), {
      path: '/household/people',
      text: 'Do children count?',
    });
    expect(comment.statusCode, comment.payload).toBe(201);
    expect(comment.body).toMatchObject({
      kind: 'comment',
      status: 'open',
      path: '/household/people',
      author: { personId: world.personOf.member, displayName: 'member' },
      abilities: { reply: true, resolve: true, decide: false },
    });
    const reply = await world.as.researcher.post(threads(`/${comment.body.id}/replies`), {
      text: 'Yes, everyone.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.body.replies).toMatchObject([
      { text: 'Yes, everyone.', author: { displayName: 'researcher' } },
    ]);
    const notTheirs = await world.as.researcher.post(threads(`/${comment.body.id}/resolve`));
    expect(notTheirs.statusCode).toBe(403);
    const resolved = await world.as.member.post(threads(`/${comment.body.id}/resolve`));
    expect(resolved.statusCode).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    const entries = await audit('form.comment.create');
    expect(entries[0]).toMatchObject({ entityId: comment.body.id, fields: ['path', 'text'] });
    expect(JSON.stringify(entries)).not.toContain('Do children count');
    const unknown = await world.as.member.post(threads(), { path: '/household/pets', text: '?' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.code).toBe('form.question_not_found');
    expect((await world.as.partner.post(threads(), { path: '/needs', text: 'x' })).statusCode).toBe(403);
  });

  it('accepts a suggestion: the draft changes and the author is credited', async () => {
    const suggestion = await world.as.member.post(world.url(`/${formId}/suggestions`), {
      path: '/household/shelter',
      field: 'label',
      language: zu,
      text: 'Ubulale kuphi izolo?',
      note: 'Simpler words',
    });
    expect(suggestion.statusCode, suggestion.payload).toBe(201);
    expect(suggestion.body.suggestion).toEqual({
      field: 'label',
      language: zu,
      choiceName: null,
      before: 'Ulale kuphi izolo ebusuku?',
      text: 'Ubulale kuphi izolo?',
    });
    expect((await world.as.staff.post(threads(`/${suggestion.body.id}/accept`))).statusCode).toBe(403);
    const accepted = await world.as.coordinator.post(threads(`/${suggestion.body.id}/accept`));
    expect(accepted.statusCode, accepted.payload).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      decision: { by: { displayName: 'coordinator' } },
    });
    const detail = await world.as.member.get(world.url(`/${formId}`));
    expect(detail.body.draft.survey[0].children[0].label[zu]).toBe('Ubulale kuphi izolo?');
    expect(detail.body.credits).toMatchObject([
      {
        personId: world.personOf.member,
        displayName: 'member',
        path: '/household/shelter',
        threadId: suggestion.body.id,
      },
    ]);
    const again = await world.as.coordinator.post(threads(`/${suggestion.body.id}/accept`));
    expect(again.statusCode).toBe(409);
    expect(again.body.code).toBe('form.suggestion.decided');
    expect((await audit('form.suggestion.accept'))[0]).toMatchObject({
      entityId: suggestion.body.id,
      fields: ['credits', 'draft', 'status'],
    });
  });

  it('rewords choice labels and hints, declines with a reason, and refuses outdated suggestions', async () => {
    const choice = await world.as.researcher.post(world.url(`/${formId}/suggestions`), {
      path: '/household/shelter',
      field: 'choiceLabel',
      choiceName: 'street',
      language: en,
      text: 'Outside, on the street',
    });
    expect(choice.statusCode, choice.payload).toBe(201);
    const hintA = await world.as.member.post(world.url(`/${formId}/suggestions`), {
      path: '/household/shelter',
      field: 'hint',
      language: en,
      text: 'Pick the closest',
    });
    const hintB = await world.as.researcher.post(world.url(`/${formId}/suggestions`), {
      path: '/household/shelter',
      field: 'hint',
      language: en,
      text: 'Choose the one that fits best',
    });
    expect((await world.as.coordinator.post(threads(`/${choice.body.id}/accept`))).statusCode).toBe(200);
    expect((await world.as.coordinator.post(threads(`/${hintA.body.id}/accept`))).statusCode).toBe(200);
    const outdated = await world.as.coordinator.post(threads(`/${hintB.body.id}/accept`));
    expect(outdated.statusCode).toBe(409);
    expect(outdated.body.code).toBe('form.suggestion.outdated');
    const noReason = await world.as.coordinator.post(threads(`/${hintB.body.id}/decline`), {});
    expect(noReason.statusCode).toBe(400);
    const declined = await world.as.coordinator.post(threads(`/${hintB.body.id}/decline`), {
      reason: 'We kept the shorter hint',
    });
    expect(declined.body).toMatchObject({
      status: 'declined',
      decision: { reason: 'We kept the shorter hint' },
    });
    expect((await audit('form.suggestion.decline'))[0]).toMatchObject({ fields: ['reason', 'status'] });
    const badLanguage = await world.as.member.post(world.url(`/${formId}/suggestions`), {
      path: '/needs',
      field: 'label',
      language: 'French (fr)',
      text: 'Besoin?',
    });
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.body.errors[0].path).toBe('body.language');
    const noChoice = await world.as.member.post(world.url(`/${formId}/suggestions`), {
      path: '/needs',
      field: 'choiceLabel',
      language: en,
      text: 'x',
    });
    expect(noChoice.statusCode).toBe(400);
  });

  it('lists what changed since the last version, per language', async () => {
    const changes = await world.as.member.get(world.url(`/${formId}/changes`));
    expect(changes.statusCode).toBe(200);
    expect(changes.body.since).toMatchObject({ number: 1, version: 'v1' });
    expect(changes.body.added).toEqual([]);
    expect(changes.body.removed).toEqual([]);
    expect(changes.body.reworded).toEqual([
      {
        path: '/household/shelter',
        field: 'label',
        choiceName: null,
        language: zu,
        before: 'Ulale kuphi izolo ebusuku?',
        after: 'Ubulale kuphi izolo?',
      },
      {
        path: '/household/shelter',
        field: 'hint',
        choiceName: null,
        language: en,
        before: 'Choose one',
        after: 'Pick the closest',
      },
      {
        path: '/household/shelter',
        field: 'choiceLabel',
        choiceName: 'street',
        language: en,
        before: 'Street',
        after: 'Outside, on the street',
      },
    ]);
    const credits = (await world.as.member.get(world.url(`/${formId}`))).body.credits;
    expect(credits.map((c: { displayName: string }) => c.displayName)).toEqual([
      'member',
      'researcher',
      'member',
    ]);
  });

  it('syncs threads by revision and filters them by question, with small payloads', async () => {
    const all = await world.as.member.get(threads('?since=0'));
    expect(all.body.items.length).toBe(5);
    expect(all.body.cursor).toMatch(/^\d+$/);
    const open = await world.as.member.get(threads('?status=open'));
    expect(open.body.items).toEqual([]);
    const onPeople = await world.as.member.get(threads('?path=/household/people'));
    expect(onPeople.body.items).toHaveLength(1);
    const later = await world.as.member.post(threads(), { path: '/needs', text: 'Add food?' });
    const since = await world.as.member.get(threads(`?since=${all.body.cursor}`));
    expect(since.body.items.map((t: { id: string }) => t.id)).toEqual([later.body.id]);
    const summary = await world.as.member.get(world.url());
    const mine = summary.body.items.find((f: { id: string }) => f.id === formId);
    expect(mine).toMatchObject({ openThreads: 1 });
    expect(mine.draft).toBeUndefined();
    // A repeated create with the same id (a phone retrying) changes nothing.
    const id = '0190a0b2-0000-7000-8000-000000000001';
    const first = await world.as.member.post(threads(), { id, path: '/needs', text: 'Once' });
    const retry = await world.as.member.post(threads(), { id, path: '/needs', text: 'Once' });
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toEqual(first.body);
  });

  it('lets staff record a resident’s suggestion on their behalf only when the resident asked', async () => {
    const suggest = (agent: Agent, personId: string) =>
      agent.post(
        world.url(`/${formId}/suggestions`),
        { path: '/needs', field: 'label', language: en, text: 'What would help you most?' },
        { headers: { 'x-on-behalf-of': personId } },
      );
    const people = `/api/workspaces/${world.workspaceId}/people`;
    // The member has an account and did not ask: staff cannot put words in their mouth…
    const refused = await suggest(world.as.staff, world.personOf.member);
    expect(refused.statusCode).toBe(403);
    expect(refused.body.code).toBe('auth.on_behalf_refused');
    // …nor in the coordinator's, nor say on their own that the member asked.
    expect((await suggest(world.as.staff, world.personOf.coordinator)).statusCode).toBe(403);
    const staffSays = await world.as.staff.patch(`${people}/${world.personOf.member}`, {
      accessNeeds: { ...emptyAccessNeeds, entryHelp: true },
    });
    expect(staffSays.statusCode).toBe(403);
    expect(staffSays.body.errors[0].path).toBe('body.accessNeeds.entryHelp');
    expect((await suggest(world.as.staff, world.personOf.staff)).statusCode).toBe(400);

    // The member asks for help on their own record; then staff may enter it, and it shows who typed it.
    const asked = await world.as.member.patch(`${people}/${world.personOf.member}`, {
      accessNeeds: { ...emptyAccessNeeds, entryHelp: true },
    });
    expect(asked.statusCode, asked.payload).toBe(200);
    const suggestion = await suggest(world.as.staff, world.personOf.member);
    expect(suggestion.statusCode, suggestion.payload).toBe(201);
    expect(suggestion.body.author.personId).toBe(world.personOf.member);
    expect(suggestion.body.enteredBy).toMatchObject({ personId: world.personOf.staff });
    // Someone without an account needs no such record.
    const paper = await world.as.staff.post(people, { displayName: 'Paper Form Resident' });
    const onPaper = await suggest(world.as.staff, paper.body.id);
    expect(onPaper.statusCode).toBe(201);
    expect(onPaper.body.enteredBy).toMatchObject({ personId: world.personOf.staff });
    // A member's own comment was typed by them: no "entered by".
    const own = await world.as.member.post(world.url(`/${formId}/threads`), { path: '/needs', text: 'Mine' });
    expect(own.body.enteredBy).toBeNull();
  });
});
