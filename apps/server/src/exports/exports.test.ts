import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobKind } from '../jobs/runner.ts';
import { type CollectionWorld, collectionWorld, household } from '../test/collection-world.ts';
import { jobKinds } from './routes.ts';

let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
  const items = [
    household(world, {
      answers: {
        structure: 'B-1',
        size: '2',
        tenure: 'owner',
        where: '-33.9 18.4',
        members: [
          { age: '40', sex: 'female' },
          { age: '9', sex: 'male' },
        ],
      },
    }),
    household(world, {
      answers: {
        structure: '=cmd|calc',
        size: '1',
        tenure: 'tenant',
        members: [{ age: '70', sex: 'female' }],
      },
    }),
  ];
  await world.as.coordinator.post(world.url('/submissions'), { items });
});
afterAll(() => world.server.close());

/** Reads every file of a zip (central directory, then each entry), as a test-side check of our writer. */
function unzip(bytes: Buffer): Record<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const locator = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]));
  const zip64End = Number(bytes.readBigUInt64LE(locator + 8));
  const count = Number(bytes.readBigUInt64LE(zip64End + 32));
  let at = Number(bytes.readBigUInt64LE(zip64End + 48));
  expect(end).toBeGreaterThan(0);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const compressed = Number(extra.readBigUInt64LE(12));
    const local = Number(extra.readBigUInt64LE(20));
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    files[name] = inflateRawSync(bytes.subarray(dataStart, dataStart + compressed)).toString('utf8');
    at += 46 + nameLength + extraLength;
  }
  return files;
}

async function runExport(body: Record<string, unknown>) {
  const created = await world.as.coordinator.post(world.url(`/forms/${world.formId}/exports`), body);
  expect(created.statusCode, created.payload).toBe(201);
  expect(created.body.status).toBe('queued');
  await createJobRunner(world.server.deps, jobKinds).drain();
  const job = await world.as.coordinator.get(world.url(`/jobs/${created.body.id}`));
  expect(job.body).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
  const file = await world.as.coordinator.get(world.url(`/jobs/${created.body.id}/file`));
  expect(file.statusCode).toBe(200);
  return { job: job.body, bytes: Buffer.from(file.rawPayload) };
}

describe('exports', () => {
  it('writes a zip of CSV files, one per repeat, joined by submission and entry keys', async () => {
    const { job, bytes } = await runExport({ format: 'csv' });
    expect(job.file).toMatchObject({
      name: expect.stringMatching(/^household_count-\d{4}-\d{2}-\d{2}\.zip$/),
      contentType: 'application/zip',
    });
    const files = unzip(bytes);
    expect(Object.keys(files).sort()).toEqual(['household_count.csv', 'members.csv']);
    const main = (files['household_count.csv'] ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(main[0]).toBe(
      'submission_id,state,received_at,has_conflict,/structure,/size,/tenure,/where,/where#lat,/where#lon,/door',
    );
    expect(main.length).toBe(3);
    // A cell that a spreadsheet would run as a formula is quoted.
    expect(main.some((line) => line.includes('"=cmd|calc"'))).toBe(true);
    const members = (files['members.csv'] ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(members[0]).toBe('submission_id,entry,parent_entry,/members/age,/members/sex');
    expect(members.length).toBe(4);
    // Each member row names the household it belongs to.
    const households = new Set(main.slice(1).map((line) => line.split(',')[0]));
    for (const line of members.slice(1)) expect(households.has(line.split(',')[0])).toBe(true);
    // Every export is in the audit log.
    const audit = await world.as.coordinator.get(world.url('/audit?action=export.create'));
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('writes an XLSX with labels in a chosen language, one sheet per repeat', async () => {
    const { bytes } = await runExport({ format: 'xlsx', headers: 'labels', language: 'isiZulu (zu)' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['household_count', 'members']);
    const sheet = workbook.getWorksheet('household_count');
    expect(sheet?.getRow(1).values).toEqual(expect.arrayContaining(['Abantu', 'Location (latitude)']));
    const tenure = sheet?.getColumn(7).values.slice(2);
    expect(tenure).toEqual(expect.arrayContaining(['owner (zu)', 'tenant (zu)']));
    expect(sheet?.getColumn(5).values).toContain("'=cmd|calc");
  });

  it('keeps jobs to their creator, and refuses exports to those who may not', async () => {
    const created = await world.as.coordinator.post(world.url(`/forms/${world.formId}/exports`), {
      format: 'csv',
    });
    expect((await world.as.staff.get(world.url(`/jobs/${created.body.id}`))).statusCode).toBe(404);
    expect(
      (await world.as.researcher.post(world.url(`/forms/${world.formId}/exports`), { format: 'csv' }))
        .statusCode,
    ).toBe(403);
    await createJobRunner(world.server.deps, jobKinds).drain();
  });
});

describe('the job runner', () => {
  it('takes up a job whose worker died, retries a failing one with back-off, then gives up', async () => {
    const db = world.server.deps.db;
    const base = {
      workspace_id: world.workspaceId,
      params: '{}',
      progress_done: 0,
      attempts: 0,
      max_attempts: 2,
      created_by_account_id: null,
    };
    const past = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('jobs')
      .values({
        ...base,
        id: '01a00000-0000-7000-8000-0000000000a1',
        kind: 'count',
        status: 'running',
        attempts: 1,
        heartbeat_at: past,
        run_after: past,
        created_at: past,
        updated_at: past,
      })
      .execute();
    await db
      .insertInto('jobs')
      .values({
        ...base,
        id: '01a00000-0000-7000-8000-0000000000a2',
        kind: 'broken',
        status: 'queued',
        run_after: past,
        created_at: past,
        updated_at: past,
      })
      .execute();
    const ran: string[] = [];
    const kinds: JobKind[] = [
      {
        name: 'count',
        run: async (tools) => {
          ran.push(tools.job.id);
          return { result: { counted: true } };
        },
      },
      {
        name: 'broken',
        run: async () => {
          throw new Error('the disk is full');
        },
      },
    ];
    await createJobRunner(world.server.deps, kinds).drain();
    const jobs = await db
      .selectFrom('jobs')
      .selectAll()
      .where('id', 'in', ['01a00000-0000-7000-8000-0000000000a1', '01a00000-0000-7000-8000-0000000000a2'])
      .orderBy('id')
      .execute();
    expect(ran).toEqual(['01a00000-0000-7000-8000-0000000000a1']);
    expect(jobs[0]).toMatchObject({ status: 'done', attempts: 2 });
    expect(jobs[1]).toMatchObject({ status: 'queued', attempts: 1, error: 'the disk is full' });
    expect(Date.parse(jobs[1]?.run_after ?? '')).toBeGreaterThan(Date.now());
    await db
      .updateTable('jobs')
      .set({ run_after: past })
      .where('id', '=', '01a00000-0000-7000-8000-0000000000a2')
      .execute();
    await createJobRunner(world.server.deps, kinds).drain();
    const failed = await db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', '01a00000-0000-7000-8000-0000000000a2')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
