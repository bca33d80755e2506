// Test setup shared by the forms tests: one workspace with every role, a foreign one, and helpers
// to upload files. Rows are seeded straight into the tables; every request goes through HTTP.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Role } from '@coproduce/contract';
import { repositoryRoot } from '../config.ts';
import { type Agent, signIn } from './agent.ts';
import { seedAccount, seededPassword, seedMembership, seedWorkspace } from './seed-accounts.ts';
import { startTestServer, type TestServer } from './server.ts';

// ../shared sits beside the repository: resolved from its root, never from this machine's paths.
export const conformanceDir =
  process.env.XLSFORM_CONFORMANCE_DIR ??
  resolve(repositoryRoot, '../shared/conformance/xlsform-pyxform/example_xls');

export const conformanceFile = (name: string) => new Uint8Array(readFileSync(`${conformanceDir}/${name}`));

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export interface FormsWorld {
  server: TestServer;
  workspaceId: string;
  otherWorkspaceId: string;
  as: Record<Role, Agent> & { outsider: Agent };
  personOf: Record<Role, string>;
  url: (path?: string, workspaceId?: string) => string;
}

export async function formsWorld(): Promise<FormsWorld> {
  const server = await startTestServer();
  const db = server.deps.db;
  const workspaceId = await seedWorkspace(db);
  const otherWorkspaceId = await seedWorkspace(db, 'Elsewhere');
  const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];
  const as = {} as FormsWorld['as'];
  const personOf = {} as Record<Role, string>;
  for (const role of roles) {
    const accountId = await seedAccount(db, `${role}-one`);
    personOf[role] = (await seedMembership(db, workspaceId, accountId, role)).personId;
    as[role] = await signIn(server.app, `${role}-one`, seededPassword);
  }
  const outsiderId = await seedAccount(db, 'outsider');
  await seedMembership(db, otherWorkspaceId, outsiderId, 'coordinator');
  as.outsider = await signIn(server.app, 'outsider', seededPassword);
  const url = (path = '', id = workspaceId) => `/api/workspaces/${id}/forms${path}`;
  return { server, workspaceId, otherWorkspaceId, as, personOf, url };
}

/** Uploads a conformance workbook as a new form; returns the response. */
export async function importFile(
  world: FormsWorld,
  agent: Agent,
  name: string,
  bytes = conformanceFile(name),
) {
  return agent.post(world.url('/import'), { fileName: name, contentBase64: base64(bytes) });
}

/** Counts rows of the forms tables, to prove a failed request wrote nothing. */
export async function tableCounts(world: FormsWorld) {
  const count = async (table: string) => {
    const row = await world.server.deps.db
      .selectFrom(table as 'audit_entries')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    forms: await count('forms'),
    versions: await count('form_versions'),
    attachments: await count('form_attachments'),
    threads: await count('form_threads'),
    audit: await count('audit_entries'),
  };
}
