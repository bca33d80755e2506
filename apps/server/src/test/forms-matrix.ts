// The forms rows of the authorization matrix (apps/server/src/authorization.test.ts): for each
// forms endpoint, the outcome per role in the caller's own workspace. Builders make real rows
// with the workspace's coordinator (the admin who created it), fresh where a call uses one up.
import type { Role } from '@coproduce/contract';
import { exportXlsForm } from '@coproduce/forms';
import type { Agent } from './agent.ts';
import { form, question } from './form-models.ts';

type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
interface Call {
  url: string;
  body?: unknown;
}
interface Row {
  anonymous: Outcome;
  own: Record<Role, Outcome>;
  build: (place: { id: string }, actor: Agent) => Promise<Call>;
}

const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];
const only = (allowed: Role[]): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((role) => [role, allowed.includes(role) ? 'ok' : 403])) as Record<
    Role,
    Outcome
  >;
const everyone = only(roles);
const editors = only(['coordinator', 'staff']);
const readers = only(['coordinator', 'staff', 'researcher', 'member']);

const model = () => form([question('q', 'text', { default: 'How are you?' })], {}, 'matrix');
const csv = Buffer.from('name,label\na,A\n').toString('base64');

interface Shared {
  formId: string;
  versionId: string;
  attachmentId: string;
  threadId: string;
}

export function formsMatrix(admin: () => Agent): Record<string, Row> {
  let n = 0;
  const shared = new Map<string, Promise<Shared>>();
  const call = async (url: string, body?: unknown, method: 'POST' | 'PUT' = 'POST') => {
    const response = await admin().request(method, url, body ?? {});
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.payload}`);
    return response.body;
  };
  const forms = (place: { id: string }) => `/api/workspaces/${place.id}/forms`;
  const freshForm = async (place: { id: string }) =>
    (await call(forms(place), { model: model() })).id as string;
  const freshSuggestion = async (place: { id: string }) => {
    const { formId } = await sharedRows(place);
    const body = { path: '/q', field: 'label', language: 'default', text: `Wording ${++n}` };
    return (await call(`${forms(place)}/${formId}/suggestions`, body)).id as string;
  };
  // One published form per workspace (with an attachment published with it, and a thread).
  const sharedRows = (place: { id: string }) => {
    let rows = shared.get(place.id);
    if (!rows) {
      rows = (async () => {
        const formId = await freshForm(place);
        const attachment = await call(`${forms(place)}/${formId}/attachments`, {
          fileName: 'a.csv',
          contentBase64: csv,
        });
        const version = await call(`${forms(place)}/${formId}/publish`, {});
        const thread = await call(`${forms(place)}/${formId}/threads`, { path: '/q', text: 'A question' });
        return { formId, versionId: version.id, attachmentId: attachment.id, threadId: thread.id };
      })();
      shared.set(place.id, rows);
    }
    return rows;
  };
  const on =
    (path: (s: Shared) => string, body?: () => Promise<unknown> | unknown) =>
    async (place: { id: string }) => {
      const rows = await sharedRows(place);
      return { url: `${forms(place)}/${rows.formId}${path(rows)}`, ...(body ? { body: await body() } : {}) };
    };
  const xlsx = async () => ({
    fileName: 'matrix.xlsx',
    contentBase64: Buffer.from(await exportXlsForm(model())).toString('base64'),
  });
  const row = (own: Record<Role, Outcome>, build: Row['build']): Row => ({ anonymous: 401, own, build });

  return {
    listForms: row(everyone, async (p) => ({ url: forms(p) })),
    createForm: row(editors, async (p) => ({ url: forms(p), body: { model: model() } })),
    importForm: row(editors, async (p) => ({ url: `${forms(p)}/import`, body: await xlsx() })),
    listFormTemplates: row(readers, async (p) => ({ url: `/api/workspaces/${p.id}/form-templates` })),
    createFormFromTemplate: row(editors, async (p) => {
      const templates = await admin().get(`/api/workspaces/${p.id}/form-templates`);
      const templateId = templates.body?.items?.[0]?.id ?? 'household_enumeration';
      return { url: `${forms(p)}/from-template`, body: { templateId } };
    }),
    getForm: row(
      everyone,
      on(() => ''),
    ),
    updateFormDraft: row(
      editors,
      on(
        () => '/draft',
        () => ({ model: model() }),
      ),
    ),
    importFormDraft: row(
      editors,
      on(() => '/draft/xlsform', xlsx),
    ),
    downloadFormDraft: row(
      readers,
      on(() => '/draft/xlsform'),
    ),
    publishForm: row(
      editors,
      on(
        () => '/publish',
        () => ({}),
      ),
    ),
    // A fresh form is unpublished: a partner cannot know it exists.
    archiveForm: row({ ...editors, partner: 404 }, async (p) => ({
      url: `${forms(p)}/${await freshForm(p)}/archive`,
    })),
    listFormVersions: row(
      everyone,
      on(() => '/versions'),
    ),
    getFormVersion: row(
      everyone,
      on((s) => `/versions/${s.versionId}`),
    ),
    downloadFormVersion: row(
      everyone,
      on((s) => `/versions/${s.versionId}/xlsform`),
    ),
    getFormVersionManifest: row(
      everyone,
      on((s) => `/versions/${s.versionId}/manifest`),
    ),
    // Members and partners get an empty list (they do not collect), not a refusal.
    openRosaFormList: row(everyone, async (p) => ({ url: `/api/workspaces/${p.id}/formList` })),
    getFormVersionXForm: row(
      everyone,
      on((s) => `/versions/${s.versionId}/form.xml`),
    ),
    getFormChanges: row(
      readers,
      on(() => '/changes'),
    ),
    listFormAttachments: row(
      everyone,
      on(() => '/attachments'),
    ),
    uploadFormAttachment: row(
      editors,
      on(
        () => '/attachments',
        () => ({ fileName: `f${++n}.csv`, contentBase64: csv }),
      ),
    ),
    downloadFormAttachment: row(
      everyone,
      on((s) => `/attachments/${s.attachmentId}`),
    ),
    deleteFormAttachment: row(editors, async (p) => {
      const { formId } = await sharedRows(p);
      const fresh = await call(`${forms(p)}/${formId}/attachments`, {
        fileName: `d${++n}.csv`,
        contentBase64: csv,
      });
      return { url: `${forms(p)}/${formId}/attachments/${fresh.id}` };
    }),
    listFormThreads: row(
      readers,
      on(() => '/threads'),
    ),
    createFormComment: row(
      readers,
      on(
        () => '/threads',
        () => ({ path: '/q', text: 'Hmm' }),
      ),
    ),
    createFormSuggestion: row(
      readers,
      on(
        () => '/suggestions',
        () => ({ path: '/q', field: 'label', language: 'default', text: `Better ${++n}` }),
      ),
    ),
    replyToFormThread: row(
      readers,
      on(
        (s) => `/threads/${s.threadId}/replies`,
        () => ({ text: 'Agreed' }),
      ),
    ),
    acceptFormSuggestion: row(only(['coordinator']), async (p) => ({
      url: `${forms(p)}/${(await sharedRows(p)).formId}/threads/${await freshSuggestion(p)}/accept`,
    })),
    declineFormSuggestion: row(only(['coordinator']), async (p) => ({
      url: `${forms(p)}/${(await sharedRows(p)).formId}/threads/${await freshSuggestion(p)}/decline`,
      body: { reason: 'Not now' },
    })),
    resolveFormThread: row(only(['coordinator']), async (p) => {
      const { formId } = await sharedRows(p);
      const thread = await call(`${forms(p)}/${formId}/threads`, { path: '/q', text: `Resolve me ${++n}` });
      return { url: `${forms(p)}/${formId}/threads/${thread.id}/resolve` };
    }),
  };
}
