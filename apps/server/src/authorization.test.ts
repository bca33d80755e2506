// The authorization matrix (issue #2, points 5 and 12), generated from the routes the server
// actually registered: every endpoint × role × own/foreign workspace, plus anonymous callers.
// An endpoint without an expectation below fails the test, so a new route cannot skip this.
import { type Role, roles } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createAdmin, signIn } from './test/agent.ts';
import { collectionMatrix } from './test/collection-matrix.ts';
import { formsMatrix } from './test/forms-matrix.ts';
import { householdMatrix } from './test/household-matrix.ts';
import { seedAccount, seededPassword, seedMembership } from './test/seed-accounts.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { settlementMatrix } from './test/settlement-matrix.ts';

type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
interface Call {
  url: string;
  body?: unknown;
}
/** Real rows of one workspace, so that ids used from the other workspace exist. */
interface Place {
  id: string;
  personId: string;
  inviteId: string;
  membershipId: string;
  tokenId: string;
}
type Build = (place: Place, actor: Agent) => Promise<Call>;
interface Expectation {
  /** Null: the request needs a body only the owning domain's tests build (see formsGuard). */
  anonymous: Outcome | null;
  /** Workspace endpoints: the outcome per role in the caller's own workspace (foreign is always 404). */
  own?: Record<Role, Outcome>;
  /** Workspace endpoints whose per-role rows are checked by their domain's own HTTP tests. */
  foreignOnly?: boolean;
  /** Account endpoints: a signed-in account that is not a server admin. */
  signedIn?: Outcome;
  build: Build;
}

const all = (outcome: Outcome): Record<Role, Outcome> => ({
  coordinator: outcome,
  staff: outcome,
  researcher: outcome,
  member: outcome,
  partner: outcome,
});
const only = (allowed: Role[], otherwise: Outcome = 403): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((role) => [role, allowed.includes(role) ? 'ok' : otherwise])) as Record<
    Role,
    Outcome
  >;

let server: TestServer;
let admin: Agent;
let places: { own: Place; foreign: Place };
let counter = 0;

const ws = (place: Place) => `/api/workspaces/${place.id}`;
const at = (url: string, body?: unknown): Call => ({ url, ...(body === undefined ? {} : { body }) });

async function post(agent: Agent, url: string, body: unknown) {
  const response = await agent.post(url, body);
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.payload}`);
  return response.body;
}
const freshPerson = async (place: Place) =>
  (await post(admin, `${ws(place)}/people`, { displayName: `Person ${++counter}` })).id as string;
const freshInvite = async (place: Place) =>
  post(admin, `${ws(place)}/invites`, {
    role: 'member',
    delivery: 'code',
    displayName: `Invitee ${++counter}`,
  });
async function freshAccount(place: Place | null, role: Role | null) {
  const username = `matrix-${++counter}`;
  const accountId = await seedAccount(server.deps.db, username);
  const membership = place && role ? await seedMembership(server.deps.db, place.id, accountId, role) : null;
  const agent = await signIn(server.app, username, seededPassword);
  return { agent, accountId, membership };
}
const freshMembership = async (place: Place) =>
  (await freshAccount(place, 'member')).membership?.membershipId ?? '';
/** A token of the actor's own: a member-role one, or a partner-role one for partners (members and partners cover only themselves). */
async function ownToken(place: Place, actor: Agent): Promise<string> {
  const made = await actor.post(`${ws(place)}/tokens`, { name: `t${++counter}`, role: 'member' });
  if (made.statusCode === 201) return made.body.token.id as string;
  return (await post(actor, `${ws(place)}/tokens`, { name: `t${++counter}`, role: 'partner' })).token
    .id as string;
}

/** One row per endpoint id; builders make fresh rows so that each call can succeed once. */
const expectations: Record<string, Expectation> = {
  health: { anonymous: 'ok', build: async () => at('/health') },
  openapi: { anonymous: 'ok', build: async () => at('/api/openapi.json') },
  setupStatus: { anonymous: 'ok', build: async () => at('/api/setup') },
  setup: {
    anonymous: 409,
    build: async () =>
      at('/api/setup', { username: `late${++counter}`, password: seededPassword, displayName: 'Late' }),
  },
  signIn: {
    anonymous: 'ok',
    build: async () => at('/api/auth/sign-in', { login: 'admin', password: 'correct horse battery staple' }),
  },
  session: { anonymous: 401, signedIn: 'ok', build: async () => at('/api/auth/session') },
  signOut: {
    anonymous: 401,
    signedIn: 'ok',
    build: async () => at('/api/auth/sign-out', { everywhere: false }),
  },
  changePassword: {
    anonymous: 401,
    signedIn: 'ok',
    build: async () =>
      at('/api/auth/password', { currentPassword: seededPassword, newPassword: 'another long password' }),
  },
  updateAccount: {
    anonymous: 401,
    signedIn: 'ok',
    build: async () => at('/api/account', { displayName: 'Renamed' }),
  },
  listDevices: { anonymous: 401, signedIn: 'ok', build: async () => at('/api/account/sessions') },
  signOutDevice: {
    anonymous: 401,
    signedIn: 'ok',
    build: async (_place, actor) => {
      const devices = await actor.get('/api/account/sessions');
      const id = devices.body?.items?.[0]?.id ?? '0190f5d2-5c3a-7cc1-9c1e-3a1b2c3d4e5f';
      return at(`/api/account/sessions/${id}`);
    },
  },
  listWorkspaces: { anonymous: 401, signedIn: 'ok', build: async () => at('/api/workspaces') },
  createWorkspace: {
    anonymous: 401,
    signedIn: 403,
    build: async () => at('/api/workspaces', { name: 'Not an admin' }),
  },
  previewInvite: {
    anonymous: 'ok',
    build: async (place) => at('/api/invites/preview', { code: (await freshInvite(place)).code }),
  },
  redeemInvite: {
    anonymous: 'ok',
    build: async (place) =>
      at('/api/invites/redeem', {
        code: (await freshInvite(place)).code,
        username: `joiner${++counter}`,
        password: seededPassword,
      }),
  },
  getWorkspace: { anonymous: 401, own: all('ok'), build: async (p) => at(ws(p)) },
  updateWorkspace: {
    anonymous: 401,
    own: only(['coordinator']),
    build: async (p) => at(ws(p), { name: `Renamed ${++counter}` }),
  },
  listMembers: {
    anonymous: 401,
    own: only(['coordinator', 'staff', 'researcher']),
    build: async (p) => at(`${ws(p)}/members`),
  },
  changeMemberRole: {
    anonymous: 401,
    own: only(['coordinator']),
    build: async (p) =>
      at(`${ws(p)}/members/${p === places.own ? await freshMembership(p) : p.membershipId}`, {
        role: 'staff',
      }),
  },
  removeMember: {
    anonymous: 401,
    own: only(['coordinator']),
    build: async (p) =>
      at(`${ws(p)}/members/${p === places.own ? await freshMembership(p) : p.membershipId}`),
  },
  leaveWorkspace: { anonymous: 401, own: all('ok'), build: async (p) => at(`${ws(p)}/leave`, {}) },
  listInvites: {
    anonymous: 401,
    own: only(['coordinator', 'staff']),
    build: async (p) => at(`${ws(p)}/invites`),
  },
  createInvite: {
    anonymous: 401,
    own: only(['coordinator', 'staff']),
    build: async (p) => at(`${ws(p)}/invites`, { role: 'member', delivery: 'code', displayName: 'Matrix' }),
  },
  revokeInvite: {
    anonymous: 401,
    own: only(['coordinator', 'staff']),
    build: async (p) =>
      at(`${ws(p)}/invites/${p === places.own ? (await freshInvite(p)).invite.id : p.inviteId}`),
  },
  reissueInviteCode: {
    anonymous: 401,
    own: only(['coordinator', 'staff']),
    build: async (p) =>
      at(`${ws(p)}/invites/${p === places.own ? (await freshInvite(p)).invite.id : p.inviteId}/code`, {}),
  },
  listPeople: {
    anonymous: 401,
    own: only(['coordinator', 'staff', 'researcher', 'member']),
    build: async (p) => at(`${ws(p)}/people`),
  },
  createPerson: {
    anonymous: 401,
    own: only(['coordinator', 'staff']),
    build: async (p) => at(`${ws(p)}/people`, { displayName: 'Matrix' }),
  },
  getPerson: {
    anonymous: 401,
    own: { ...only(['coordinator', 'staff', 'researcher']), member: 404, partner: 404 },
    build: async (p) => at(`${ws(p)}/people/${p.personId}`),
  },
  updatePerson: {
    anonymous: 401,
    own: { ...only(['coordinator', 'staff']), member: 404, partner: 404 },
    build: async (p) => at(`${ws(p)}/people/${p.personId}`, { displayName: `Renamed ${++counter}` }),
  },
  deletePerson: {
    anonymous: 401,
    own: { ...only(['coordinator', 'staff']), member: 404, partner: 404 },
    build: async (p) => at(`${ws(p)}/people/${p === places.own ? await freshPerson(p) : p.personId}`),
  },
  listAudit: { anonymous: 401, own: only(['coordinator']), build: async (p) => at(`${ws(p)}/audit`) },
  exportAuditCsv: {
    anonymous: 401,
    own: only(['coordinator']),
    build: async (p) => at(`${ws(p)}/audit/export`, {}),
  },
  listApiTokens: { anonymous: 401, own: all('ok'), build: async (p) => at(`${ws(p)}/tokens`) },
  createApiToken: {
    anonymous: 401,
    // A member-role token: every role but partner covers member (a partner may make partner ones only).
    own: { ...all('ok'), partner: 403 },
    build: async (p) => at(`${ws(p)}/tokens`, { name: 'script', role: 'member' }),
  },
  revokeApiToken: {
    anonymous: 401,
    own: all('ok'),
    build: async (p, actor) =>
      at(`${ws(p)}/tokens/${p === places.own ? await ownToken(p, actor) : p.tokenId}`),
  },
};

// The forms rows live beside the forms domain; every forms endpoint × role is checked here.
Object.assign(
  expectations,
  formsMatrix(() => admin),
  collectionMatrix(() => admin),
  settlementMatrix(() => admin),
  householdMatrix(() => admin),
);

async function makePlace(name: string): Promise<Place> {
  const workspace = await post(admin, '/api/workspaces', { name });
  const place = { id: workspace.id as string, personId: '', inviteId: '', membershipId: '', tokenId: '' };
  place.personId = await freshPerson(place);
  place.inviteId = (await freshInvite(place)).invite.id;
  place.membershipId = await freshMembership(place);
  place.tokenId = (
    await post(admin, `${ws(place)}/tokens`, { name: 'admin script', role: 'staff' })
  ).token.id;
  return place;
}

function classify(status: number): Outcome | number {
  return status >= 200 && status < 300 ? 'ok' : status;
}

async function send(agent: Agent, method: string, call: Call) {
  const body = method === 'GET' || method === 'DELETE' ? undefined : (call.body ?? {});
  return agent.request(method as 'GET', call.url, body);
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await createAdmin(server.app);
  places = { own: await makePlace('Own federation'), foreign: await makePlace('Foreign federation') };
});
afterAll(() => server.close());

describe('authorization matrix', () => {
  it('has an expectation for every registered endpoint', () => {
    const missing = server.registrar.registered.map((e) => e.id).filter((id) => !(id in expectations));
    expect(missing, 'add these endpoints to the expectations in authorization.test.ts').toEqual([]);
  });

  it.each([...roles])(
    'matches the table for every endpoint as %s',
    async (role) => {
      const results: string[] = [];
      const record = (id: string, who: string, want: Outcome, status: number, payload: string) => {
        if (classify(status) !== want)
          results.push(`${id} as ${who}: expected ${want}, got ${status} ${payload.slice(0, 160)}`);
      };
      // One caller per role; only leaving uses up its caller, so that call gets a fresh one.
      const { agent: actor } = await freshAccount(places.own, role);
      const { agent: outsider } = await freshAccount(places.own, role);
      for (const definition of server.registrar.registered) {
        const expectation = expectations[definition.id];
        if (!expectation?.own && !expectation?.foreignOnly) continue;
        if (expectation.own) {
          const agent =
            definition.id === 'leaveWorkspace' ? (await freshAccount(places.own, role)).agent : actor;
          const own = await send(agent, definition.method, await expectation.build(places.own, agent));
          record(
            definition.id,
            `${role} (own workspace)`,
            expectation.own[role],
            own.statusCode,
            own.payload,
          );
        }
        const foreign = await send(
          outsider,
          definition.method,
          await expectation.build(places.foreign, outsider),
        );
        record(definition.id, `${role} (foreign workspace)`, 404, foreign.statusCode, foreign.payload);
      }
      expect(results).toEqual([]);
    },
    120_000,
  );

  it('matches the table for account endpoints and anonymous callers', async () => {
    const results: string[] = [];
    for (const definition of server.registrar.registered) {
      const expectation = expectations[definition.id];
      if (!expectation) continue;
      const anonymous = new Agent(server.app);
      // The foreign place: its rows already exist, so no builder needs a signed-in caller.
      const call = await expectation.build(places.foreign, anonymous);
      const response = await send(anonymous, definition.method, call);
      if (expectation.anonymous !== null && classify(response.statusCode) !== expectation.anonymous) {
        results.push(
          `${definition.id} anonymous: expected ${expectation.anonymous}, got ${response.statusCode}`,
        );
      }
      if (expectation.signedIn) {
        const { agent } = await freshAccount(null, null);
        const signed = await send(agent, definition.method, await expectation.build(places.own, agent));
        if (classify(signed.statusCode) !== expectation.signedIn) {
          results.push(
            `${definition.id} signed in: expected ${expectation.signedIn}, got ${signed.statusCode} ${signed.payload.slice(0, 160)}`,
          );
        }
      }
    }
    expect(results).toEqual([]);
  }, 120_000);
});
