// A researcher's phone syncing the change feed (issue #8): assigned one section of a settlement,
// their first download, then an incremental sync after 10 changes in that section and 10 elsewhere
// (which must not come down). Through the API as a researcher who joined by an invite code.
import { type BenchApp, expectStatus } from './_app.ts';
import { median, round } from './_lib.ts';

type Page = { items: Array<{ kind: string }>; cursor: string; hasMore: boolean };

async function syncAll(request: BenchApp['request'], ws: string, since: string | null) {
  const started = process.hrtime.bigint();
  let cursor = since;
  let items = 0;
  let structures = 0;
  let bytes = 0;
  for (;;) {
    const reply = expectStatus(
      await request('GET', `${ws}/changes?limit=500${cursor ? `&since=${encodeURIComponent(cursor)}` : ''}`),
      200,
      'changes',
    );
    const page = reply.body as Page;
    bytes += Buffer.byteLength(JSON.stringify(page));
    items += page.items.length;
    structures += page.items.filter((i) => i.kind === 'structure').length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, items, structures, kb: bytes / 1024, cursor };
}

export async function measureResearcherSync(
  app: BenchApp,
  workspaceId: string,
  settlementId: string,
  sectionId: string,
  runs: number,
) {
  const ws = `/api/workspaces/${workspaceId}`;
  const form = expectStatus(
    await app.request('POST', `${ws}/forms`, {
      model: {
        settings: { formId: 'bench_numbering', formTitle: 'Numbering', extra: {} },
        survey: [
          {
            kind: 'question',
            name: 'painted_number',
            type: 'text',
            label: { default: 'Painted number' },
            hint: {},
            guidanceHint: {},
            constraintMessage: {},
            requiredMessage: {},
            media: {},
            bind: {},
            parameters: {},
            extra: {},
          },
        ],
        choices: {},
        choiceColumns: [],
        otherSheets: [],
      },
    }),
    201,
    'form',
  ).body as { id: string };
  expectStatus(await app.request('POST', `${ws}/forms/${form.id}/publish`, {}), 201, 'publish');
  const invite = expectStatus(
    await app.request('POST', `${ws}/invites`, {
      role: 'researcher',
      delivery: 'code',
      displayName: 'Bench Researcher',
    }),
    201,
    'invite',
  ).body as { code: string };
  const phone = app.session();
  const joined = expectStatus(
    await phone.request('POST', '/api/invites/redeem', {
      code: invite.code,
      username: 'bench-researcher',
      password: 'a long benchmark password',
      displayName: 'Bench Researcher',
    }),
    200,
    'redeem',
  ).body as { csrfToken: string };
  phone.useCsrf(joined.csrfToken);
  const members = expectStatus(await app.request('GET', `${ws}/members`), 200, 'members').body as {
    items: Array<{ username: string | null; personId: string }>;
  };
  const personId = members.items.find((m) => m.username === 'bench-researcher')!.personId;
  expectStatus(
    await app.request('POST', `${ws}/assignments`, { formId: form.id, personId, settlementId, sectionId }),
    201,
    'assignment',
  );
  const firsts = [];
  for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++)
    firsts.push(await syncAll(phone.request, ws, null));
  const first = firsts.at(-1)!;
  const list = async (section: string | null) =>
    (
      expectStatus(
        await app.request(
          'GET',
          `${ws}/settlements/${settlementId}/structures?limit=5000${section ? `&sectionId=${section}` : ''}`,
        ),
        200,
        'structures',
      ).body as { items: Array<{ id: string; versionId: string; sectionId: string | null }> }
    ).items;
  const inSection = (await list(sectionId)).slice(0, 10);
  const elsewhere = (await list(null)).filter((s) => s.sectionId !== sectionId).slice(0, 10);
  for (const [i, s] of [...inSection, ...elsewhere].entries())
    expectStatus(
      await app.request('PATCH', `${ws}/structures/${s.id}`, {
        baseVersionId: s.versionId,
        wallMaterial: `bench ${i}`,
      }),
      200,
      'change',
    );
  const incrementals = [];
  for (let i = 0; i < 5; i++) incrementals.push(await syncAll(phone.request, ws, first.cursor));
  const incremental = incrementals.at(-1)!;
  if (incremental.structures !== inSection.length)
    throw new Error(`incremental sync brought ${incremental.structures} structures, not ${inSection.length}`);
  return {
    first_sync: {
      p50_ms: round(median(firsts.map((r) => r.ms))),
      items: first.items,
      structures: first.structures,
      kb: round(first.kb),
    },
    incremental_after_10: {
      p50_ms: round(median(incrementals.map((r) => r.ms))),
      items: incremental.items,
      structures: incremental.structures,
      kb: round(incremental.kb),
    },
  };
}
