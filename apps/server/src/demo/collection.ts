// The demo's collection: both templates published, assignments for the demo researcher and staff,
// a shared phone set up for ODK Collect, and a few hundred enumeration submissions (one per
// structure of the first settlement, see enumeration.ts) in every review state (some needing
// attention, some approved or rejected with comments, a correction and one conflict), so the
// collection, review and export screens show real work the moment the server starts. The
// submissions that are stored write their structure's households through the form's entities.
import type { Form } from '@coproduce/forms';
import { v7 } from 'uuid';
import { fillAnswers } from './answers.ts';
import type { Random } from './city/random.ts';
import type { DemoClient } from './client.ts';
import { type Visit, visitAnswers } from './enumeration.ts';

export interface Published {
  id: string;
  model: Form;
}

async function publishTemplate(admin: DemoClient, ws: string, templateId: string): Promise<Published> {
  const form = await admin.call<{ id: string; draft: Form }>('POST', `${ws}/forms/from-template`, {
    templateId,
  });
  await admin.call('POST', `${ws}/forms/${form.id}/publish`, {});
  return { id: form.id, model: form.draft };
}

/** Both templates, published: the enumeration's id goes on the first settlement's round. */
export async function publishTemplates(admin: DemoClient, workspaceId: string) {
  const ws = `/api/workspaces/${workspaceId}`;
  const enumeration = await publishTemplate(admin, ws, 'household-enumeration');
  const profile = await publishTemplate(admin, ws, 'settlement-profile');
  return { enumeration, profile };
}

export async function seedCollection(
  clients: { admin: DemoClient; staff: DemoClient; researcher: DemoClient },
  workspaceId: string,
  people: { researcher: string; staff: string },
  random: Random,
  { enumeration, profile }: { enumeration: Published; profile: Published },
  visits: Visit[],
) {
  const ws = `/api/workspaces/${workspaceId}`;
  const team = await clients.admin.call<{ id: string }>('POST', `${ws}/teams`, {
    name: 'Section B enumerators',
    memberPersonIds: [people.researcher],
  });
  await clients.admin.call('POST', `${ws}/assignments`, {
    formId: enumeration.id,
    teamId: team.id,
    targetCount: 300,
    dueOn: '2026-12-18',
    note: 'Sections A and B, door to door.',
  });
  await clients.admin.call('POST', `${ws}/assignments`, {
    formId: profile.id,
    personId: people.staff,
    targetCount: 3,
    note: 'One profile per settlement.',
  });
  // A shared phone set up for ODK Collect, so the members screen shows one (its secret is not kept).
  await clients.admin.call('POST', `${ws}/device-access`, {
    name: 'Shared phone, section B',
    personId: people.researcher,
    formIds: [enumeration.id],
  });

  const made: Array<{ id: string; answers: ReturnType<typeof fillAnswers>; complete: boolean }> = [];
  for (let start = 0; start < visits.length; start += 40) {
    const items = visits.slice(start, start + 40).map((visit) => {
      const answers = visitAnswers(enumeration.model, random, visit);
      // One in ten comes back with a required answer missing, as happens at a door in the rain.
      const complete = random() >= 0.1;
      if (!complete) {
        const structure = answers.structure;
        if (structure && typeof structure === 'object' && !Array.isArray(structure))
          delete structure.painted_number;
      }
      const item = {
        id: v7(),
        formId: enumeration.id,
        formVersion: 1,
        answers,
        finishedAt: new Date(
          Date.UTC(2026, 10, 2 + Math.floor(random() * 28), 8 + Math.floor(random() * 9)),
        ).toISOString(),
      };
      made.push({ id: item.id, answers, complete });
      return item;
    });
    await clients.researcher.call('POST', `${ws}/submissions`, { items });
  }
  for (const [n, sub] of made.entries()) {
    // A coordinator approves only what is whole; one missing its painted number waits for a fix.
    if (n % 4 === 0 && sub.complete)
      await clients.admin.call('POST', `${ws}/submissions/${sub.id}/review`, {
        state: 'approved',
        comment: n % 8 === 0 ? 'Checked at the section meeting.' : '',
      });
    else if (n % 23 === 0)
      await clients.admin.call('POST', `${ws}/submissions/${sub.id}/review`, {
        state: 'rejected',
        comment: 'Structure number does not match the painted one: please revisit.',
      });
  }
  // A household the researcher counted again offline: the server keeps both and flags it.
  const twice = made[1];
  if (twice) {
    const again = structuredClone(twice.answers);
    // The painted number, which every submission has, read differently the second time.
    const structure = again.structure;
    if (structure && typeof structure === 'object' && !Array.isArray(structure))
      structure.painted_number = 'B-0142';
    await clients.researcher.call('POST', `${ws}/submissions`, {
      items: [{ id: twice.id, formId: enumeration.id, formVersion: 1, answers: again }],
    });
  }
  for (let i = 0; i < 3; i++) {
    await clients.staff.call('POST', `${ws}/submissions`, {
      items: [{ id: v7(), formId: profile.id, formVersion: 1, answers: fillAnswers(profile.model, random) }],
    });
  }
  return { forms: { enumeration: enumeration.id, profile: profile.id }, submissions: made.length + 3 };
}
