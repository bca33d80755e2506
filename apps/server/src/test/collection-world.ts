// A workspace for the collection tests: a member in every role, a second researcher, and a
// published household form with a repeat, a geopoint, selects and a photo. Everything after the
// seeding goes through HTTP.
import { createHash } from 'node:crypto';
import type { Role } from '@coproduce/contract';
import type { Form } from '@coproduce/forms';
import { v7 } from 'uuid';
import { type Agent, signIn } from './agent.ts';
import { form, question } from './form-models.ts';
import { seedAccount, seededPassword, seedMembership, seedWorkspace } from './seed-accounts.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface CollectionWorld {
  server: TestServer;
  workspaceId: string;
  as: Record<Role | 'researcher2', Agent>;
  personOf: Record<Role | 'researcher2', string>;
  accountOf: Record<Role | 'researcher2', string>;
  formId: string;
  url: (path: string) => string;
}

const choice = (name: string) => ({
  name,
  label: { default: name, 'isiZulu (zu)': `${name} (zu)` },
  media: {},
  extra: {},
});

export function householdForm(): Form {
  const members = {
    ...question('members', 'begin_repeat', { default: 'Members' }),
    kind: 'repeat' as const,
    children: [
      question('age', 'integer', { default: 'Age' }, { bind: { required: 'yes' } }),
      question('sex', 'select_one', { default: 'Sex' }, { list: 'sex' }),
    ],
  };
  return form(
    [
      question('structure', 'text', { default: 'Structure number' }, { bind: { required: 'yes' } }),
      question(
        'size',
        'integer',
        { default: 'People', 'isiZulu (zu)': 'Abantu' },
        { bind: { constraint: '. > 0' } },
      ),
      question('tenure', 'select_one', { default: 'Tenure' }, { list: 'tenure' }),
      question('where', 'geopoint', { default: 'Location' }),
      question('door', 'image', { default: 'Photo of the door' }),
      members,
    ],
    { tenure: ['owner', 'tenant', 'rent_free'].map(choice), sex: ['female', 'male'].map(choice) },
    'household_count',
  );
}

export async function collectionWorld(): Promise<CollectionWorld> {
  const server = await startTestServer();
  const db = server.deps.db;
  const workspaceId = await seedWorkspace(db);
  const as = {} as CollectionWorld['as'];
  const personOf = {} as CollectionWorld['personOf'];
  const accountOf = {} as CollectionWorld['accountOf'];
  for (const role of ['coordinator', 'staff', 'researcher', 'member', 'partner', 'researcher2'] as const) {
    const accountId = await seedAccount(db, `${role}-c`);
    accountOf[role] = accountId;
    personOf[role] = (
      await seedMembership(db, workspaceId, accountId, role === 'researcher2' ? 'researcher' : role)
    ).personId;
    as[role] = await signIn(server.app, `${role}-c`, seededPassword);
  }
  const url = (path: string) => `/api/workspaces/${workspaceId}${path}`;
  const created = await as.coordinator.post(url('/forms'), { model: householdForm() });
  if (created.statusCode !== 201) throw new Error(created.payload);
  const published = await as.coordinator.post(url(`/forms/${created.body.id}/publish`), {});
  if (published.statusCode !== 201) throw new Error(published.payload);
  return { server, workspaceId, as, personOf, accountOf, formId: created.body.id, url };
}

export const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function household(world: CollectionWorld, overrides: Record<string, unknown> = {}) {
  return {
    id: v7(),
    formId: world.formId,
    formVersion: 1,
    answers: {
      structure: 'B-0142',
      size: '3',
      tenure: 'tenant',
      where: '-33.9510 18.4650 12 5',
      members: [
        { age: '34', sex: 'female' },
        { age: '7', sex: 'male' },
      ],
    },
    files: [] as Array<{ name: string; size: number; sha256: string; contentType: string }>,
    ...overrides,
  };
}
