import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, adminPassword, createAdmin } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { appendAuditEntry } from './append.ts';
import { canonicalText, genesisHash, sealCanonical, unkeyedHash } from './chain.ts';
import { type Checkpoint, readAnchor, signCheckpoint } from './checkpoints.ts';
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
    expect((await verifyAuditLog(server.deps.db, server.deps.auditKeys)).broken).toBeNull();
  });
});

describe('audit chains', () => {
  const append = (chain: string, n: number) =>
    server.deps.db.transaction().execute((trx) =>
      appendAuditEntry(trx, server.deps.databaseKind, server.deps.auditKeys.hmacKey, {
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
    const report = await verifyAuditLog(server.deps.db, server.deps.auditKeys);
    expect(report.broken).toBeNull();
    expect(report.entries).toBe((await entries()).length);
  });

  describe('verification names every kind of damage', () => {
    const chain = 'tamper';
    let rows: AuditRow[];
    beforeAll(async () => {
      for (let n = 1; n <= 5; n++) await append(chain, n);
      rows = (await entries()).filter((row) => row.chain === chain);
    });
    const verify = (checkpoints: Checkpoint[] = []) =>
      verifyAuditLog(server.deps.db, server.deps.auditKeys, checkpoints);

    /** Tampers with the table, checks what verify says, then puts the original rows back. */
    async function tampered(change: () => Promise<unknown>, checkpoints: Checkpoint[] = []) {
      await change();
      const report = await verify(checkpoints);
      await server.deps.db.deleteFrom('audit_entries').where('chain', '=', chain).execute();
      await server.deps.db.insertInto('audit_entries').values(rows).execute();
      const last = rows[rows.length - 1];
      await server.deps.db
        .insertInto('audit_chain_heads')
        .values({ chain, sequence: 0, hash: genesisHash })
        .onConflict((oc) => oc.column('chain').doNothing())
        .execute();
      await server.deps.db
        .updateTable('audit_chain_heads')
        .set({ sequence: last?.sequence ?? 0, hash: last?.hash ?? genesisHash })
        .where('chain', '=', chain)
        .execute();
      expect((await verify(checkpoints)).broken).toBeNull();
      return report;
    }
    const update = (sequence: number, set: Partial<AuditRow>) =>
      server.deps.db
        .updateTable('audit_entries')
        .set(set)
        .where('chain', '=', chain)
        .where('sequence', '=', sequence)
        .execute();
    const idOf = (sequence: number) => rows[sequence - 1]?.id;
    const row = (sequence: number) => rows[sequence - 1] as AuditRow;
    /** What an attacker with the database but not the key can compute: the v2 text, hashed or keyed wrongly. */
    const forged = (sequence: number, action: string, previousHash: string, key: Buffer) => {
      const canonical = canonicalText({
        chain,
        sequence,
        workspaceId: null,
        actorAccountId: null,
        onBehalfOfPersonId: null,
        action,
        entityType: 'test',
        entityId: null,
        fields: ['a', 'b'],
        occurredAt: row(sequence).occurred_at,
        previousHash,
      });
      return { action, canonical, hash: sealCanonical(canonical, key), previous_hash: previousHash };
    };

    it('a changed field', async () => {
      const report = await tampered(() => update(3, { entity_id: '01890000-0000-7000-8000-000000000001' }));
      expect(report.broken).toMatchObject({
        chain,
        sequence: 3,
        entryId: idOf(3),
        reason: expect.stringMatching(/columns were changed/),
      });
      const fields = await tampered(() => update(2, { fields: '["a"]' }));
      expect(fields.broken).toMatchObject({
        sequence: 2,
        reason: expect.stringMatching(/columns were changed/),
      });
    });

    it('a fields value that is not JSON is named, not a crash', async () => {
      const report = await tampered(() => update(2, { fields: '{not json' }));
      expect(report.damage).toEqual([
        { chain, sequence: 2, entryId: idOf(2), reason: 'the fields column is not JSON' },
      ]);
      const notList = await tampered(() => update(4, { fields: '{"a":1}' }));
      expect(notList.broken).toMatchObject({ sequence: 4, reason: expect.stringMatching(/not a list/) });
    });

    it('a changed hash', async () => {
      const report = await tampered(() => update(4, { hash: 'f'.repeat(64) }));
      expect(report.damage.map((d) => [d.sequence, d.reason])).toEqual([
        [4, expect.stringMatching(/seal does not match/)],
        [5, expect.stringMatching(/previous hash/)],
      ]);
    });

    it('a changed canonical text', async () => {
      const report = await tampered(() =>
        update(2, { canonical: row(2).canonical.replace('test.write_2', 'test.write_x') }),
      );
      expect(report.broken).toMatchObject({
        chain,
        sequence: 2,
        reason: expect.stringMatching(/columns were changed/),
      });
    });

    it('one entry and every later hash recomputed without the key', async () => {
      const wrongKey = Buffer.alloc(32, 7);
      const report = await tampered(async () => {
        let previous = row(2).previous_hash;
        for (let sequence = 2; sequence <= 5; sequence++) {
          const rewrite = forged(
            sequence,
            sequence === 2 ? 'test.rewritten' : row(sequence).action,
            previous,
            wrongKey,
          );
          await update(sequence, rewrite);
          previous = rewrite.hash;
        }
        await server.deps.db
          .updateTable('audit_chain_heads')
          .set({ hash: previous })
          .where('chain', '=', chain)
          .execute();
      });
      // Every rewritten entry is named: none can be sealed without the key.
      expect(report.damage.map((d) => [d.sequence, d.entryId])).toEqual(
        [2, 3, 4, 5].map((n) => [n, idOf(n)]),
      );
      for (const d of report.damage) expect(d.reason).toMatch(/without the audit key/);
    });

    it('an old-format (unkeyed) entry slipped in after keyed ones', async () => {
      const report = await tampered(async () => {
        const canonical = canonicalText(
          {
            chain,
            sequence: 5,
            workspaceId: null,
            actorAccountId: null,
            onBehalfOfPersonId: null,
            action: row(5).action,
            entityType: 'test',
            entityId: null,
            fields: ['a', 'b'],
            occurredAt: row(5).occurred_at,
            previousHash: row(5).previous_hash,
          },
          'coproduce-audit-v1',
        );
        const hash = unkeyedHash(canonical);
        await update(5, { canonical, hash });
        await server.deps.db
          .updateTable('audit_chain_heads')
          .set({ hash })
          .where('chain', '=', chain)
          .execute();
      });
      expect(report.damage).toEqual([
        { chain, sequence: 5, entryId: idOf(5), reason: 'an unkeyed (old format) entry follows keyed ones' },
      ]);
    });

    it('a changed sequence or a missing entry', async () => {
      const moved = await tampered(() => update(3, { sequence: 9 }));
      expect(moved.broken).toMatchObject({ chain, reason: 'entry 3 is missing' });
      const gap = await tampered(() =>
        server.deps.db
          .deleteFrom('audit_entries')
          .where('chain', '=', chain)
          .where('sequence', '=', 2)
          .execute(),
      );
      expect(gap.broken).toMatchObject({ chain, sequence: 2, reason: 'entry 2 is missing' });
    });

    it('a deleted tail, with the head left', async () => {
      const report = await tampered(() =>
        server.deps.db
          .deleteFrom('audit_entries')
          .where('chain', '=', chain)
          .where('sequence', '>=', 4)
          .execute(),
      );
      expect(report.broken).toMatchObject({
        chain,
        sequence: 4,
        entryId: null,
        reason: expect.stringMatching(/removed/),
      });
    });

    it('a deleted tail with the head rolled back shows against a checkpoint kept outside the database', async () => {
      const at = '2026-12-02T10:00:00.000Z';
      const kept = signCheckpoint(server.deps.auditKeys, { chain, sequence: 5, hash: row(5).hash }, at);
      const rollBack = async () => {
        await server.deps.db
          .deleteFrom('audit_entries')
          .where('chain', '=', chain)
          .where('sequence', '>=', 4)
          .execute();
        await server.deps.db
          .updateTable('audit_chain_heads')
          .set({ sequence: 3, hash: row(3).hash })
          .where('chain', '=', chain)
          .execute();
      };
      // Without a checkpoint the shorter chain is consistent in itself...
      expect((await tampered(rollBack)).broken).toBeNull();
      // ...and the checkpoint a partner kept names what was cut.
      const report = await tampered(rollBack, [kept]);
      expect(report.damage).toEqual([
        {
          chain,
          sequence: 5,
          entryId: null,
          reason: `entries after 3 were removed: a checkpoint of ${at} names entry 5`,
        },
      ]);
    });

    it('a whole chain rewritten consistently with the key still differs from its checkpoint', async () => {
      const at = '2026-12-02T10:00:00.000Z';
      const kept = signCheckpoint(server.deps.auditKeys, { chain, sequence: 3, hash: row(3).hash }, at);
      const report = await tampered(async () => {
        // An insider who stole the key too: the chain verifies by itself, the checkpoint does not.
        let previous = row(2).previous_hash;
        for (let sequence = 2; sequence <= 5; sequence++) {
          const rewrite = forged(sequence, `test.other_${sequence}`, previous, server.deps.auditKeys.hmacKey);
          await update(sequence, rewrite);
          previous = rewrite.hash;
        }
        await server.deps.db
          .updateTable('audit_chain_heads')
          .set({ hash: previous })
          .where('chain', '=', chain)
          .execute();
      }, [kept]);
      expect(report.damage).toEqual([
        {
          chain,
          sequence: 3,
          entryId: null,
          reason: `entry 3 differs from the checkpoint of ${at}: history was rewritten`,
        },
      ]);
    });

    it('a forged checkpoint is named', async () => {
      const real = signCheckpoint(
        server.deps.auditKeys,
        { chain, sequence: 5, hash: row(5).hash },
        '2026-12-02T10:00:00.000Z',
      );
      const report = await verify([{ ...real, sequence: 4 }]);
      expect(report.damage).toEqual([
        { chain, sequence: 4, entryId: null, reason: expect.stringMatching(/not signed by this server/) },
      ]);
    });
  });
});

describe('the anchor file beside the keys', () => {
  it('holds signed heads after commits, so a rolled-back database shows', async () => {
    expect((await admin.patch('/api/account', { displayName: 'Anchored' })).statusCode).toBe(200);
    server.deps.auditAnchor.flush();
    const anchored = readAnchor(server.deps.config.auditKeysDir).find((c) => c.chain === 'accounts');
    const head = await server.deps.db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('chain', '=', 'accounts')
      .executeTakeFirstOrThrow();
    expect(anchored).toMatchObject({ sequence: head.sequence, hash: head.hash });
    // The keys and the anchor are files outside the database, never rows in it.
    expect(readdirSync(server.deps.config.auditKeysDir)).toEqual(
      expect.arrayContaining(['audit-key', 'audit-signing-key.pem', 'audit-anchor.jsonl']),
    );
    const last = await server.deps.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('chain', '=', 'accounts')
      .orderBy('sequence', 'desc')
      .limit(2)
      .execute();
    const [newest, before] = last as [AuditRow, AuditRow];
    await server.deps.db.deleteFrom('audit_entries').where('id', '=', newest.id).execute();
    await server.deps.db
      .updateTable('audit_chain_heads')
      .set({ sequence: before.sequence, hash: before.hash })
      .where('chain', '=', 'accounts')
      .execute();
    const report = await verifyAuditLog(
      server.deps.db,
      server.deps.auditKeys,
      readAnchor(server.deps.config.auditKeysDir),
    );
    expect(report.damage).toEqual([
      expect.objectContaining({
        chain: 'accounts',
        sequence: newest.sequence,
        reason: expect.stringMatching(`entries after ${before.sequence} were removed`),
      }),
    ]);
  });
});
