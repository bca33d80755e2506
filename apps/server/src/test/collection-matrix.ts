// The collection rows of the authorization matrix (authorization.test.ts): for each endpoint of
// offline collection, the outcome per role in the caller's own workspace. Builders make real rows
// with the workspace's coordinator (the admin who made it): a published form with a photo
// question, submissions, assignments, teams and an export job.
import { createHash } from 'node:crypto';
import type { Role } from '@coproduce/contract';
import { v7 } from 'uuid';
import type { Agent } from './agent.ts';
import { form, question } from './form-models.ts';

type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
interface Call {
  url: string;
  body?: unknown;
}
interface Row {
  anonymous: Outcome;
  own?: Record<Role, Outcome>;
  foreignOnly?: boolean;
  build: (place: { id: string }, actor: Agent) => Promise<Call>;
}

const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];
const outcomes = (table: Partial<Record<Role, Outcome>>, otherwise: Outcome = 403) =>
  Object.fromEntries(roles.map((role) => [role, table[role] ?? otherwise])) as Record<Role, Outcome>;
const reviewers = outcomes({ coordinator: 'ok', staff: 'ok' });
const collectors = outcomes({ coordinator: 'ok', staff: 'ok', researcher: 'ok' });

export const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('a small jpeg for tests')]);
const photoRef = () => ({
  name: 'door.jpg',
  size: photo.length,
  sha256: createHash('sha256').update(photo).digest('hex'),
  contentType: 'image/jpeg',
});

interface Shared {
  formId: string;
  teamId: string;
  jobId: string;
}

export function collectionMatrix(admin: () => Agent): Record<string, Row> {
  let n = 0;
  const shared = new Map<string, Promise<Shared>>();
  const ws = (place: { id: string }) => `/api/workspaces/${place.id}`;
  const call = async (method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown) => {
    const response = await admin().request(method, url, method === 'GET' ? undefined : (body ?? {}));
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.payload}`);
    return response.body;
  };
  const sharedRows = (place: { id: string }) => {
    let rows = shared.get(place.id);
    if (!rows) {
      rows = (async () => {
        const model = form(
          [
            question('door', 'image', { default: 'Door' }),
            question('rooms', 'integer', { default: 'Rooms' }),
          ],
          {},
          'matrix_collect',
        );
        const created = await call('POST', `${ws(place)}/forms`, { model });
        await call('POST', `${ws(place)}/forms/${created.id}/publish`, {});
        const team = await call('POST', `${ws(place)}/teams`, { name: 'Team A' });
        const job = await call('POST', `${ws(place)}/forms/${created.id}/exports`, { format: 'csv' });
        return { formId: created.id, teamId: team.id, jobId: job.id };
      })();
      shared.set(place.id, rows);
    }
    return rows;
  };
  /** A fresh submission by the coordinator, with one declared photo (sent when `withPhoto`). */
  const freshSubmission = async (
    place: { id: string },
    options: { withPhoto?: boolean; conflict?: boolean } = {},
  ) => {
    const { formId } = await sharedRows(place);
    const item = {
      id: v7(),
      formId,
      formVersion: 1,
      answers: { door: 'door.jpg', rooms: String(++n) },
      files: [photoRef()],
    };
    const stored = await call('POST', `${ws(place)}/submissions`, { items: [item] });
    if (stored.outcomes[0].status !== 'stored')
      throw new Error(`ingest: ${JSON.stringify(stored.outcomes[0])}`);
    if (options.withPhoto) {
      await call('PUT', `${ws(place)}/submissions/${item.id}/files/door.jpg`, {
        offset: 0,
        contentBase64: photo.toString('base64'),
      });
    }
    if (options.conflict) {
      await call('POST', `${ws(place)}/submissions`, {
        items: [{ ...item, answers: { ...item.answers, rooms: '99' } }],
      });
    }
    return item.id;
  };
  const freshAssignment = async (place: { id: string }) => {
    const { teamId, formId } = await sharedRows(place);
    return (await call('POST', `${ws(place)}/assignments`, { formId, teamId, targetCount: 5 })).id as string;
  };
  const row = (own: Record<Role, Outcome>, build: Row['build']): Row => ({ anonymous: 401, own, build });

  return {
    listChanges: row(outcomes({}, 'ok'), async (p) => ({ url: `${ws(p)}/changes` })),
    ingestSubmissions: row(collectors, async (p) => {
      const { formId } = await sharedRows(p);
      return {
        url: `${ws(p)}/submissions`,
        body: { items: [{ id: v7(), formId, formVersion: 1, answers: { rooms: '2' } }] },
      };
    }),
    openRosaSubmissionCheck: row(collectors, async (p) => ({ url: `${ws(p)}/submission` })),
    // The matrix sends JSON: a collector is told it is not multipart (400), anyone else is refused first.
    openRosaSubmission: row(outcomes({ coordinator: 400, staff: 400, researcher: 400 }), async (p) => ({
      url: `${ws(p)}/submission`,
      body: {},
    })),
    // Researchers may add files to their own submissions only: the coordinator's is not theirs (404).
    uploadSubmissionFilePart: row(
      outcomes({ coordinator: 'ok', staff: 'ok', researcher: 404 }),
      async (p) => ({
        url: `${ws(p)}/submissions/${await freshSubmission(p)}/files/door.jpg`,
        body: { offset: 0, contentBase64: photo.toString('base64') },
      }),
    ),
    getSubmissionFileProgress: row(
      outcomes({ coordinator: 'ok', staff: 'ok', researcher: 404 }),
      async (p) => ({
        url: `${ws(p)}/submissions/${await freshSubmission(p)}/files/door.jpg`,
      }),
    ),
    downloadSubmissionFile: row(outcomes({ coordinator: 'ok', staff: 'ok', researcher: 404 }), async (p) => ({
      url: `${ws(p)}/submissions/${await freshSubmission(p, { withPhoto: true })}/files/door.jpg/content`,
    })),
    listSubmissions: row(collectors, async (p) => ({
      url: `${ws(p)}/submissions?formId=${(await sharedRows(p)).formId}`,
    })),
    getSubmission: row(outcomes({ coordinator: 'ok', staff: 'ok' }, 404), async (p) => ({
      url: `${ws(p)}/submissions/${await freshSubmission(p)}`,
    })),
    reviewSubmission: row(reviewers, async (p) => ({
      url: `${ws(p)}/submissions/${await freshSubmission(p)}/review`,
      body: { state: 'approved', comment: 'Checked at the door' },
    })),
    editSubmission: row(reviewers, async (p) => {
      const id = await freshSubmission(p);
      const detail = await call('GET', `${ws(p)}/submissions/${id}`);
      return {
        url: `${ws(p)}/submissions/${id}/versions`,
        body: { baseVersionId: detail.currentVersionId, answers: { rooms: '3' }, reason: 'counted again' },
      };
    }),
    resolveSubmissionConflict: row(reviewers, async (p) => {
      const id = await freshSubmission(p, { conflict: true });
      const detail = await call('GET', `${ws(p)}/submissions/${id}`);
      return {
        url: `${ws(p)}/submissions/${id}/resolve`,
        body: { chosenVersionId: detail.versions[1].id, reason: 'the later count' },
      };
    }),
    myWork: row(collectors, async (p) => ({ url: `${ws(p)}/my-work` })),
    listAssignments: row(collectors, async (p) => ({ url: `${ws(p)}/assignments` })),
    createAssignment: row(reviewers, async (p) => {
      const { formId, teamId } = await sharedRows(p);
      return { url: `${ws(p)}/assignments`, body: { formId, teamId, targetCount: 10 } };
    }),
    updateAssignment: row(reviewers, async (p) => ({
      url: `${ws(p)}/assignments/${await freshAssignment(p)}`,
      body: { targetCount: 20 },
    })),
    deleteAssignment: row(reviewers, async (p) => ({
      url: `${ws(p)}/assignments/${await freshAssignment(p)}`,
    })),
    listTeams: row(collectors, async (p) => ({ url: `${ws(p)}/teams` })),
    createTeam: row(reviewers, async (p) => ({ url: `${ws(p)}/teams`, body: { name: `Team ${++n}` } })),
    updateTeam: row(reviewers, async (p) => ({
      url: `${ws(p)}/teams/${(await sharedRows(p)).teamId}`,
      body: { name: `Renamed ${++n}` },
    })),
    createExport: row(reviewers, async (p) => ({
      url: `${ws(p)}/forms/${(await sharedRows(p)).formId}/exports`,
      body: { format: 'xlsx' },
    })),
    // A job is its creator's (and coordinators'): the admin made this one.
    getJob: row(outcomes({ coordinator: 'ok' }, 404), async (p) => ({
      url: `${ws(p)}/jobs/${(await sharedRows(p)).jobId}`,
    })),
    // The file exists once a runner has run the job: collection.test.ts checks it per role.
    downloadJobFile: {
      anonymous: 401,
      foreignOnly: true,
      build: async (p) => ({ url: `${ws(p)}/jobs/${(await sharedRows(p)).jobId}/file` }),
    },
  };
}
