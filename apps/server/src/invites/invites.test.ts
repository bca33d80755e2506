import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer, testPublicUrl } from '../test/server.ts';
import { startTestMailbox, type TestMailbox } from '../test/smtp-server.ts';
import { adminWithWorkspace, joinAs, memberPassword, type TestWorkspace } from '../test/workspace-world.ts';
import { codeAlphabet } from './codes.ts';

let server: TestServer;
let mailbox: TestMailbox;
let coordinator: Agent;
let workspace: TestWorkspace;
let offsetDays = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetDays * 86400_000) };
const invites = () => `/api/workspaces/${workspace.id}/invites`;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ clock, mailer: mailbox.mailer });
  ({ admin: coordinator, workspace } = await adminWithWorkspace(server.app));
});
afterAll(async () => {
  await server.close();
  await mailbox.close();
});

describe('invites', () => {
  it('makes a printable code that works typed in lower case with spaces', async () => {
    const created = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Nomvula',
    });
    expect(created.statusCode).toBe(201);
    const code = created.body.code as string;
    expect(code).toMatch(new RegExp(`^[${codeAlphabet}]{5}-[${codeAlphabet}]{5}$`));
    expect(created.body.link).toBe(`${testPublicUrl}/join?code=${code}`);
    expect(created.body.invite).toMatchObject({
      state: 'pending',
      personDisplayName: 'Nomvula',
      codeHint: code.slice(-3),
    });
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const preview = await new Agent(server.app).post('/api/invites/preview', { code: typed });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toMatchObject({
      role: 'member',
      personDisplayName: 'Nomvula',
      workspaceName: 'Sonop Shelter',
    });

    const newcomer = new Agent(server.app);
    const redeemed = await newcomer.post('/api/invites/redeem', {
      code: typed,
      username: 'nomvula',
      password: memberPassword,
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.body).toMatchObject({ workspaceId: workspace.id, role: 'member' });
    expect(newcomer.sessionCookie).toBeDefined();
    const mine = await newcomer.get('/api/workspaces');
    expect(mine.body.items[0]).toMatchObject({ id: workspace.id, role: 'member' });
    // The membership is linked to the invited person record.
    const self = await newcomer.get(`/api/workspaces/${workspace.id}/people/${mine.body.items[0].personId}`);
    expect(self.body).toMatchObject({ displayName: 'Nomvula', isSelf: true, accountId: expect.any(String) });
    // The new account signs in with its username and password.
    const signIn = await new Agent(server.app).post('/api/auth/sign-in', {
      login: 'nomvula',
      password: memberPassword,
    });
    expect(signIn.statusCode).toBe(200);
    // Single use.
    const again = await new Agent(server.app).post('/api/invites/redeem', {
      code,
      username: 'other',
      password: memberPassword,
    });
    expect(again.statusCode).toBe(409);
    expect(again.body.code).toBe('invite.used');
    const listed = await coordinator.get(invites());
    expect(listed.body.items.find((i: { id: string }) => i.id === created.body.invite.id).state).toBe(
      'redeemed',
    );
  });

  it('sends an email link built from PUBLIC_URL, never the Host header', async () => {
    const created = await coordinator.post(
      invites(),
      { role: 'staff', delivery: 'email', email: 'keyworker@example.org', displayName: 'Keyworker' },
      { headers: { host: 'evil.example' } },
    );
    expect(created.statusCode).toBe(201);
    expect(created.body.code).toBeNull();
    const mail = mailbox.received.at(-1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toContain('keyworker@example.org');
    expect(mail?.text).toContain(created.body.link);
    expect(created.body.link.startsWith(`${testPublicUrl}/join?code=`)).toBe(true);
    expect(mail?.text).not.toContain('evil.example');
  });

  it('joins a signed-in account (with CSRF) and refuses one already a member', async () => {
    const { admin: other } = { admin: await joinAs(server.app, workspace, 'researcher') };
    const created = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Twice',
    });
    const noCsrf = await other.post('/api/invites/redeem', { code: created.body.code }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const already = await other.post('/api/invites/redeem', { code: created.body.code });
    expect(already.statusCode).toBe(409);
    expect(already.body.code).toBe('conflict.already_member');
  });

  it('says clearly when a code is unknown, revoked or expired', async () => {
    const anonymous = new Agent(server.app);
    const unknown = await anonymous.post('/api/invites/preview', { code: 'ZZZZZ-ZZZZZ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.code).toBe('invite.not_found');
    expect(unknown.body.detail).toMatch(/code/);

    const revoked = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Revoked',
    });
    expect((await coordinator.delete(`${invites()}/${revoked.body.invite.id}`)).statusCode).toBe(204);
    const afterRevoke = await anonymous.post('/api/invites/redeem', {
      code: revoked.body.code,
      username: 'rev',
      password: memberPassword,
    });
    expect(afterRevoke.statusCode).toBe(410);
    expect(afterRevoke.body.code).toBe('invite.revoked');

    const expiring = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Late',
      expiresInDays: 1,
    });
    offsetDays = 2;
    try {
      const late = await anonymous.post('/api/invites/preview', { code: expiring.body.code });
      expect(late.statusCode).toBe(410);
      expect(late.body.code).toBe('invite.expired');
    } finally {
      offsetDays = 0;
    }
  });

  it('lets staff invite members only, and nobody else invite at all', async () => {
    const staff = await joinAs(server.app, workspace, 'staff');
    expect(
      (await staff.post(invites(), { role: 'member', delivery: 'code', displayName: 'M' })).statusCode,
    ).toBe(201);
    const coord = await staff.post(invites(), { role: 'coordinator', delivery: 'code', displayName: 'C' });
    expect(coord.statusCode).toBe(403);
    expect(coord.body.errors[0].path).toBe('body.role');
    const researcher = await joinAs(server.app, workspace, 'researcher');
    expect(
      (await researcher.post(invites(), { role: 'member', delivery: 'code', displayName: 'M' })).statusCode,
    ).toBe(403);
    expect((await researcher.get(invites())).statusCode).toBe(403);
    const staffList = await staff.get(invites());
    expect(staffList.body.items.every((i: { role: string }) => i.role === 'member')).toBe(true);
  });

  it('needs a username and password to make a new account, named in the error', async () => {
    const created = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'NoName',
    });
    const missing = await new Agent(server.app).post('/api/invites/redeem', { code: created.body.code });
    expect(missing.statusCode).toBe(400);
    expect(missing.body.errors[0].path).toBe('body.username');
    const short = await new Agent(server.app).post('/api/invites/redeem', {
      code: created.body.code,
      username: 'okname',
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body.errors[0].path).toBe('body.password');
    const badEmail = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'email',
      displayName: 'E',
    });
    expect(badEmail.statusCode).toBe(400);
    expect(JSON.stringify(badEmail.body.errors)).toContain('email');
  });
  it('refuses a person from another workspace, an existing member and a taken username', async () => {
    const elsewhere = await coordinator.post('/api/workspaces', { name: 'Elsewhere' });
    const stranger = await coordinator.post(`/api/workspaces/${elsewhere.body.id}/people`, {
      displayName: 'Stranger',
    });
    const foreignPerson = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: stranger.body.id,
      linkConsent: { method: 'in_person' },
    });
    expect(foreignPerson.statusCode).toBe(404);
    const member = await joinAs(server.app, workspace, 'member');
    const twice = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: member.personId,
      linkConsent: { method: 'in_person' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body.code).toBe('conflict.already_member');
    const created = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Taken',
    });
    const taken = await new Agent(server.app).post('/api/invites/redeem', {
      code: created.body.code,
      username: 'NOMVULA',
      password: memberPassword,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body.code).toBe('conflict.username_taken');
    // Nothing was half-written: the code still works with a free username.
    const retry = await new Agent(server.app).post('/api/invites/redeem', {
      code: created.body.code,
      username: 'taken-not',
      password: memberPassword,
    });
    expect(retry.statusCode).toBe(200);
    const unknownField = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'X',
      colour: 1,
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('links an account to an existing record only for a coordinator, with consent, audited as a link', async () => {
    const people = `/api/workspaces/${workspace.id}/people`;
    const existing = await coordinator.post(people, {
      displayName: 'Zanele',
      legalName: 'Zanele Mthembu',
      notes: 'sleeps at the day centre on Tuesdays',
      contactChannels: [{ kind: 'email', address: 'zanele@example.org' }],
    });
    expect(existing.statusCode).toBe(201);
    const staff = await joinAs(server.app, workspace, 'staff');
    // Staff inviting someone already in the register would hand a stranger their legal name.
    const byStaff = await staff.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: existing.body.id,
      linkConsent: { method: 'in_person' },
    });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.body.errors[0]).toMatchObject({
      path: 'body.personId',
      code: 'invite.link_coordinator_only',
    });
    const noConsent = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: existing.body.id,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body.errors[0].path).toBe('body.linkConsent');
    const noWitness = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: existing.body.id,
      linkConsent: { method: 'verbal_witnessed' },
    });
    expect(noWitness.body.errors[0].path).toBe('body.linkConsent.witness');
    // "By their own email" only counts for an address on their record.
    const otherEmail = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'email',
      email: 'attacker@example.org',
      personId: existing.body.id,
      linkConsent: { method: 'their_email' },
    });
    expect(otherEmail.statusCode).toBe(400);
    expect(otherEmail.body.errors[0]).toMatchObject({
      path: 'body.email',
      code: 'invite.link_email_not_theirs',
    });
    const invited = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      personId: existing.body.id,
      linkConsent: { method: 'verbal_witnessed', witness: 'Sipho (day centre)' },
    });
    expect(invited.statusCode).toBe(201);
    const stored = await server.deps.db
      .selectFrom('invites')
      .select('link_consent')
      .where('id', '=', invited.body.invite.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.link_consent ?? '{}')).toMatchObject({
      method: 'verbal_witnessed',
      witness: 'Sipho (day centre)',
    });
    const newcomer = new Agent(server.app);
    const redeemed = await newcomer.post('/api/invites/redeem', {
      code: invited.body.code,
      username: 'zanele-m',
      password: memberPassword,
    });
    expect(redeemed.statusCode).toBe(200);
    const log = await coordinator.get(`/api/workspaces/${workspace.id}/audit?action=person.account_linked`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ entityType: 'person', entityId: existing.body.id }),
    ]);
    // The linked account reads its own record as its own now.
    const own = await newcomer.get(`${people}/${existing.body.id}`);
    expect(own.body).toMatchObject({ isSelf: true, legalName: 'Zanele Mthembu' });
    // A new person named in the invite needs no consent (there is nothing of theirs to hand over).
    expect(
      (await staff.post(invites(), { role: 'member', delivery: 'code', displayName: 'New' })).statusCode,
    ).toBe(201);
  });

  // Last: every test request comes from one address, which this blocks.
  it('throttles guessing by address', async () => {
    const guesser = new Agent(server.app);
    let last = 0;
    for (let i = 0; i < 30 && last !== 429; i++) {
      last = (await guesser.post('/api/invites/preview', { code: `ABCDE-${String(i).padStart(5, 'X')}` }))
        .statusCode;
    }
    expect(last).toBe(429);
  });
});
