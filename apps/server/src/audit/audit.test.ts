import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, adminPassword, createAdmin } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { appendAuditEntry } from './append.ts';
import { genesisHash } from './chain.ts';
import type { AuditRow } from './queries.ts';
import { verifyAuditLog } from './verify.ts';

let server: TestServer;
let admin: Agent;
beforeAll(async () => {
  server = await startTestServer();
  admin = await createAdmin(server.app, { email: 'admin@example.org' });
});
afterAll(() => server.close());

const entries = () =>
  server.deps.db.selectFrom('audit_entries').selectAll().orderBy('chain').orderBy('sequence').execute();

/** Runs a request and returns the audit entries it added. */
async function added(request: () => Promise<unknown>) {
  const before = (await entries()).length;
  await request();
  return (await entries()).slice(before);
}

describe('audit entries of account requests', () => {
  it('appends exactly one entry per successful write, with field names and no values', async () => {
    const update = await added(async () => {
      const response = await admin.patch('/api/account', { displayName: 'Thandi', phone: '+27 82 000 0000' });
      expect(response.statusCode).toBe(200);
    });
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ chain: 'accounts', workspace_id: null, action: 'account.updated' });
    expect(JSON.parse(update[0]?.fields ?? '[]')).toEqual(['displayName', 'phone']);
    expect(update[0]?.canonical).not.toMatch(/Thandi|\+27/);

    const same = await added(async () => {
      expect((await admin.patch('/api/account', { displayName: 'Thandi' })).statusCode).toBe(200);
    });
    expect(same).toHaveLength(0); // nothing changed, nothing to record

    const password = await added(async () => {
      const response = await admin.post('/api/auth/password', {
        currentPassword: adminPassword,
        newPassword: 'a brand new password',
      });
      expect(response.statusCode).toBe(204);
    });
    expect(password.map((entry) => entry.action)).toEqual(['account.password_changed']);

    const other = new Agent(server.app);
    const signIn = await added(async () => {
      expect(
        (await other.post('/api/auth/sign-in', { login: 'admin', password: 'a brand new password' }))
          .statusCode,
      ).toBe(200);
    });
    expect(signIn.map((entry) => entry.action)).toEqual(['auth.signed_in']);
    const signOut = await added(async () => {
      expect((await other.post('/api/auth/sign-out', {})).statusCode).toBe(204);
    });
    expect(signOut.map((entry) => entry.action)).toEqual(['auth.signed_out']);
  });

  it('appends nothing for a failed request', async () => {
    const second = new Agent(server.app);
    const failures = await added(async () => {
      // wrong password at sign-in
      expect(
        (await second.post('/api/auth/sign-in', { login: 'admin', password: 'wrong password' })).statusCode,
      ).toBe(401);
      // wrong current password
      const wrong = await admin.post('/api/auth/password', {
        currentPassword: 'nope',
        newPassword: 'whatever long enough',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body.code).toBe('auth.wrong_password');
      // missing CSRF token
      expect((await admin.patch('/api/account', { displayName: 'X' }, { csrf: false })).statusCode).toBe(403);
      // invalid body
      expect((await admin.patch('/api/account', { locale: 'fr' })).statusCode).toBe(400);
      // setup again
      expect(
        (await second.post('/api/setup', { username: 'again', password: 'long enough pw', displayName: 'A' }))
          .statusCode,
      ).toBe(409);
      // a device id that is not ours
      expect(
        (await admin.delete('/api/account/sessions/01890000-0000-7000-8000-000000000000')).statusCode,
      ).toBe(404);
    });
    expect(failures).toEqual([]);
    expect((await verifyAuditLog(server.deps.db)).broken).toBeNull();
  });
});

describe('audit chains', () => {
  const append = (chain: string, n: number) =>
    server.deps.db.transaction().execute((trx) =>
      appendAuditEntry(trx, server.deps.databaseKind, {
        chain,
        workspaceId: null,
        actorAccountId: null,
        onBehalfOfPersonId: null,
        action: `test.write_${n}`,
        entityType: 'test',
        entityId: null,
        fields: ['b', 'a'],
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      }),
    );

  it('stay one linear chain under 50 concurrent writers', { timeout: 60_000 }, async () => {
    const chain = 'workspace:01890000-0000-7000-8000-0000000000aa';
    await Promise.all(Array.from({ length: 50 }, (_, n) => append(chain, n)));
    const rows = (await entries()).filter((row) => row.chain === chain);
    expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    let previous = genesisHash;
    for (const row of rows) {
      expect(row.previous_hash).toBe(previous);
      previous = row.hash;
    }
    expect(new Set(rows.map((row) => row.action)).size).toBe(50);
    const head = await server.deps.db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('chain', '=', chain)
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({ sequence: 50, hash: previous });
    const report = await verifyAuditLog(server.deps.db);
    expect(report.broken).toBeNull();
    expect(report.entries).toBe((await entries()).length);
  });

  describe('verification finds the first broken link', () => {
    const chain = 'tamper';
    let rows: AuditRow[];
    beforeAll(async () => {
      for (let n = 1; n <= 5; n++) await append(chain, n);
      rows = (await entries()).filter((row) => row.chain === chain);
    });

    /** Tampers with the table, checks what verify says, then puts the original rows back. */
    async function tampered(change: () => Promise<unknown>) {
      await change();
      const report = await verifyAuditLog(server.deps.db);
      await server.deps.db.deleteFrom('audit_entries').where('chain', '=', chain).execute();
      await server.deps.db.insertInto('audit_entries').values(rows).execute();
      const last = rows[rows.length - 1];
      await server.deps.db
        .updateTable('audit_chain_heads')
        .set({ sequence: last?.sequence ?? 0, hash: last?.hash ?? genesisHash })
        .where('chain', '=', chain)
        .execute();
      expect((await verifyAuditLog(server.deps.db)).broken).toBeNull();
      return report.broken;
    }
    const update = (sequence: number, set: Partial<AuditRow>) =>
      server.deps.db
        .updateTable('audit_entries')
        .set(set)
        .where('chain', '=', chain)
        .where('sequence', '=', sequence)
        .execute();
    const idOf = (sequence: number) => rows[sequence - 1]?.id;

    it('a changed field', async () => {
      const broken = await tampered(() => update(3, { entity_id: '01890000-0000-7000-8000-000000000001' }));
      expect(broken).toMatchObject({
        chain,
        sequence: 3,
        entryId: idOf(3),
        reason: expect.stringMatching(/columns were changed/),
      });
      const fields = await tampered(() => update(2, { fields: '["a"]' }));
      expect(fields).toMatchObject({ sequence: 2, reason: expect.stringMatching(/columns were changed/) });
    });

    it('a changed hash', async () => {
      const broken = await tampered(() => update(4, { hash: 'f'.repeat(64) }));
      expect(broken).toMatchObject({
        chain,
        sequence: 4,
        reason: expect.stringMatching(/hash does not match/),
      });
    });

    it('a changed canonical text', async () => {
      const row = rows[1] as AuditRow;
      const broken = await tampered(() =>
        update(2, { canonical: row.canonical.replace('test.write_2', 'test.write_x') }),
      );
      expect(broken).toMatchObject({
        chain,
        sequence: 2,
        reason: expect.stringMatching(/columns were changed/),
      });
    });

    it('an entry rewritten consistently breaks the link to the next one', async () => {
      const { canonicalText, hashCanonical } = await import('./chain.ts');
      const row = rows[1] as AuditRow;
      const canonical = canonicalText({
        chain,
        sequence: 2,
        workspaceId: null,
        actorAccountId: null,
        onBehalfOfPersonId: null,
        action: 'test.rewritten',
        entityType: 'test',
        entityId: null,
        fields: ['a', 'b'],
        occurredAt: row.occurred_at,
        previousHash: row.previous_hash,
      });
      const broken = await tampered(() =>
        update(2, { action: 'test.rewritten', canonical, hash: hashCanonical(canonical) }),
      );
      expect(broken).toMatchObject({ chain, sequence: 3, reason: expect.stringMatching(/previous hash/) });
    });

    it('a changed sequence or a missing entry', async () => {
      const moved = await tampered(() => update(3, { sequence: 9 }));
      expect(moved).toMatchObject({ chain, reason: 'entry 3 is missing' });
      const gap = await tampered(() =>
        server.deps.db
          .deleteFrom('audit_entries')
          .where('chain', '=', chain)
          .where('sequence', '=', 2)
          .execute(),
      );
      expect(gap).toMatchObject({ chain, reason: 'entry 2 is missing' });
    });

    it('a deleted tail', async () => {
      const broken = await tampered(() =>
        server.deps.db
          .deleteFrom('audit_entries')
          .where('chain', '=', chain)
          .where('sequence', '>=', 4)
          .execute(),
      );
      expect(broken).toMatchObject({
        chain,
        sequence: 4,
        entryId: null,
        reason: expect.stringMatching(/removed/),
      });
    });
  });
});
