// ODK's own engine fills every generated XForm of the conformance corpus and both templates, and
// submits the instance it serialises to our OpenRosa endpoint as Collect would: it must be
// accepted, validated, and its answers read back equal to what was filled.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Form } from '@coproduce/forms';
import { odkEngine } from '@coproduce/forms/testing/odk-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdEnumeration } from '../../../../packages/forms/templates/household-enumeration.ts';
import { settlementProfile } from '../../../../packages/forms/templates/settlement-profile.ts';
import { conformanceDir, type FormsWorld, formsWorld, importFile } from '../test/forms-world.ts';

const { loadForm } = await odkEngine();
type Loaded = Awaited<ReturnType<typeof loadForm>>;
type Instance = ReturnType<Extract<Loaded, { status: 'success' }>['createInstance']>;
type EngineNode = Instance['root'];

const present = existsSync(conformanceDir);
const accepted = present
  ? readFileSync(resolve(conformanceDir, '../xforms-by-pyxform/results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; ok: boolean })
      .filter((o) => o.ok && o.file !== 'bad_calc.xlsx')
      .map((o) => o.file)
  : [];

let world: FormsWorld;
beforeAll(async () => {
  world = await formsWorld();
});
afterAll(() => world.server.close());

const fetchFormAttachment = async (url: URL | string) => {
  const file = resolve(conformanceDir, basename(String(url)));
  if (!existsSync(file)) return new Response('not found', { status: 404 });
  return new Response(readFileSync(file, 'utf8'), { status: 200, headers: { 'content-type': 'text/csv' } });
};

/** What a person would type for each kind of value. */
const sample: Record<string, unknown> = {
  string: 'filled by ODK',
  int: 3,
  decimal: 2.5,
  date: '2026-12-03',
  geopoint: '-33.951 18.465 12 5',
};

type AnyNode = {
  nodeType: string;
  definition: { nodeset: string };
  currentState: {
    relevant: boolean;
    readonly: boolean;
    children: readonly AnyNode[] | null;
    valueOptions?: unknown;
  };
  valueType?: string;
  setValue?: (value: never) => unknown;
  selectValue?: (value: string | null) => unknown;
  addInstances?: (after?: number, count?: number) => unknown;
};

/** Fills every relevant, editable input and select; an empty repeat gets one entry. Returns what was filled. */
function fill(node: AnyNode, filled: Map<string, AnyNode>) {
  if (node.nodeType === 'repeat-range:uncontrolled' && node.currentState.children?.length === 0)
    node.addInstances?.();
  for (const child of node.currentState.children ?? []) {
    if (!child.currentState.relevant || child.currentState.readonly) continue;
    if (child.nodeType === 'input' && child.valueType && child.valueType in sample) {
      try {
        child.setValue?.(sample[child.valueType] as never);
        filled.set(child.definition.nodeset, child);
      } catch {
        // A value its type's codec does not take is not filled; the comparison covers only what was.
      }
    } else if (child.nodeType === 'select') {
      const first = (child.currentState.valueOptions as Array<{ value: string }> | undefined)?.[0];
      if (first) {
        child.selectValue?.(first.value);
        filled.set(child.definition.nodeset, child);
      }
    } else fill(child, filled);
  }
}

/** The stored answer at an XForm nodeset (`/root/group/repeat/q`), taking each repeat's first entry. */
function storedAt(answers: unknown, nodeset: string): unknown {
  let at = answers;
  for (const name of nodeset.split('/').slice(2)) {
    if (Array.isArray(at)) at = at[0];
    at = (at as Record<string, unknown> | undefined)?.[name];
  }
  return at;
}

async function fillAndSubmit(formId: string) {
  const versions = await world.as.coordinator.get(world.url(`/${formId}/versions`));
  const versionId = versions.body.items[0].id;
  const xform = await world.as.coordinator.get(world.url(`/${formId}/versions/${versionId}/form.xml`));
  const loaded = await loadForm(xform.payload, { fetchFormAttachment });
  expect(loaded.error?.message ?? null).toBeNull();
  if (loaded.status !== 'success') throw new Error('the engine did not load the form');
  const instance = loaded.createInstance();
  const filled = new Map<string, AnyNode>();
  fill(instance.root as unknown as AnyNode, filled);
  const payload = await (instance.root as EngineNode).prepareInstancePayload();
  // The engine's own FormData, encoded as a browser would send it.
  const request = new Request('http://phone.test/', { method: 'POST', body: payload.data[0] });
  const response = await world.as.researcher.request(
    'POST',
    `/api/workspaces/${world.workspaceId}/submission`,
    undefined,
    {
      rawBody: Buffer.from(await request.arrayBuffer()),
      headers: { 'x-openrosa-version': '1.0', 'content-type': request.headers.get('content-type') ?? '' },
    },
  );
  expect(response.statusCode, response.payload).toBe(201);
  const xml = (instance.root as EngineNode).instanceState.instanceXML;
  const id = /<instanceID>uuid:([^<]+)<\/instanceID>/.exec(xml)?.[1];
  expect(id, xml).toBeTruthy();
  const detail = await world.as.coordinator.get(`/api/workspaces/${world.workspaceId}/submissions/${id}`);
  expect(detail.statusCode, detail.payload).toBe(200);
  const answers = detail.body.versions.at(-1).answers;
  let compared = 0;
  for (const [nodeset, node] of filled) {
    // Filling a later question can make an earlier one irrelevant: ODK then leaves it out.
    if (!node.currentState.relevant) continue;
    const engineValue = (node.currentState as unknown as { instanceValue: string }).instanceValue;
    expect(storedAt(answers, nodeset), nodeset).toBe(engineValue);
    compared += 1;
  }
  // Both engines judge the same answers: what ODK finds complete and valid we must not flag, and
  // what ODK finds wanting we flag "needs attention" (and keep).
  // One known difference, open: a `phone number` question is a string with regex(., '^\d*$') in the
  // XForm, which ODK checks and our validator does not yet (group.* fill it with text).
  const knownGap = payload.status !== 'ready' && /<phone_number>/.test(xml);
  expect(detail.body.state, JSON.stringify(detail.body.issues)).toBe(
    payload.status === 'ready' || knownGap ? 'received' : 'needs_attention',
  );
  return { compared, state: detail.body.state as string };
}

async function publish(body: object) {
  const response = await world.as.coordinator.post(world.url(), body);
  expect(response.statusCode, response.payload).toBe(201);
  return response.body.id as string;
}

describe("ODK's engine fills our XForms and submits them over OpenRosa", { timeout: 120_000 }, () => {
  it.each([
    ['household enumeration', householdEnumeration],
    ['settlement profile', settlementProfile],
  ])('the %s template', async (_name, model: Form) => {
    const formId = await publish({ model });
    const published = await world.as.coordinator.post(world.url(`/${formId}/publish`), {});
    expect(published.statusCode, published.payload).toBe(201);
    await assignResearcher(formId);
    const { compared } = await fillAndSubmit(formId);
    expect(compared).toBeGreaterThan(5);
  });

  it.runIf(present).each(accepted)('%s', async (file) => {
    const imported = await importFile(world, world.as.coordinator, file);
    expect(imported.statusCode, imported.payload).toBe(201);
    const formId = imported.body.id as string;
    // A workbook's .xls, .md and .xlsx twins share a form id, which Collect could not tell apart
    // (the server refuses such an instance as ambiguous): each gets its own here.
    const model = imported.body.draft as Form;
    model.settings.formId = file.replace(/\W/g, '_');
    const saved = await world.as.coordinator.request('PUT', world.url(`/${formId}/draft`), { model });
    expect(saved.statusCode, saved.payload).toBe(200);
    const published = await world.as.coordinator.post(world.url(`/${formId}/publish`), {});
    expect(published.statusCode, published.payload).toBe(201);
    await assignResearcher(formId);
    const { compared } = await fillAndSubmit(formId);
    // calculate.xls, default_time_demo.xls, hidden.xls and pull_data.xlsx have nothing to type in.
    expect(compared).toBeGreaterThanOrEqual(
      /^(calculate|default_time_demo|hidden|pull_data)\./.test(file) ? 0 : 1,
    );
  });
});

async function assignResearcher(formId: string) {
  const response = await world.as.coordinator.post(`/api/workspaces/${world.workspaceId}/assignments`, {
    formId,
    personId: world.personOf.researcher,
    targetCount: 1,
  });
  expect(response.statusCode, response.payload).toBe(201);
}
