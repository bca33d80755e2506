// The households rows of the authorization matrix (authorization.test.ts): for each endpoint of
// enumeration, the outcome per role in the caller's own workspace. Builders make real rows with
// the workspace's coordinator: a settlement with a structure, a round moved to enumerating, and
// fresh households, members and conflicts as each call needs.
import type { Agent } from './agent.ts';
import { outcomes, type Row, row, setupCall } from './matrix-rows.ts';

const everyone = outcomes({}, 'ok');
const planners = outcomes({ coordinator: 'ok', staff: 'ok' });
const enumerators = outcomes({ coordinator: 'ok', staff: 'ok', researcher: 'ok' });

const purposes = {
  community_planning: true,
  municipality_aggregates: true,
  housing_list: false,
  photos: false,
  recontact: true,
};

export function householdMatrix(admin: () => Agent): Record<string, Row> {
  let n = 0;
  const ws = (place: { id: string }) => `/api/workspaces/${place.id}`;
  const call = setupCall(admin);
  const shared = new Map<string, Promise<{ settlement: string; structure: string; round: string }>>();
  const freshRound = async (place: { id: string }, settlement: string) =>
    call('POST', `${ws(place)}/settlements/${settlement}/rounds`, { name: `Round ${++n}` });
  const worldOf = (place: { id: string }) => {
    let made = shared.get(place.id);
    if (!made) {
      made = (async () => {
        const settlement = (await call('POST', `${ws(place)}/settlements`, { name: 'Households matrix' })).id;
        const structure = (
          await call('POST', `${ws(place)}/settlements/${settlement}/structures`, { number: 'H-1' })
        ).id;
        let round = await freshRound(place, settlement);
        for (const status of ['numbering', 'enumerating'])
          round = await call('POST', `${ws(place)}/rounds/${round.id}/status`, {
            baseVersionId: round.versionId,
            status,
          });
        return { settlement, structure, round: round.id as string };
      })();
      shared.set(place.id, made);
    }
    return made;
  };
  const freshHousehold = async (place: { id: string }) => {
    const { structure, round } = await worldOf(place);
    return call('POST', `${ws(place)}/rounds/${round}/households`, {
      structureId: structure,
      outcome: 'enumerated',
      members: [{ relationship: 'head', age: 30 }],
      consent: { noticeVersion: 'v1', language: 'en', method: 'signed', givenBy: 'self', purposes },
    });
  };
  const freshMember = async (place: { id: string }) =>
    call('POST', `${ws(place)}/households/${(await freshHousehold(place)).id}/members`, { age: 4 });
  const conflicted = async (place: { id: string }) => {
    const made = await freshHousehold(place);
    const url = `${ws(place)}/households/${made.id}`;
    const one = await call('PATCH', url, { baseVersionId: made.versionId, sizeStated: 1 });
    await call('PATCH', url, { baseVersionId: made.versionId, sizeStated: 2 });
    return { id: made.id as string, versionId: one.versionId as string };
  };
  const conflictedRound = async (place: { id: string }) => {
    const made = await freshRound(place, (await worldOf(place)).settlement);
    const url = `${ws(place)}/rounds/${made.id}`;
    const one = await call('PATCH', url, { baseVersionId: made.versionId, name: `A ${++n}` });
    await call('PATCH', url, { baseVersionId: made.versionId, name: `B ${++n}` });
    return { id: made.id as string, versionId: one.versionId as string };
  };
  const conflictedMember = async (place: { id: string }) => {
    const made = await freshMember(place);
    const url = `${ws(place)}/household-members/${made.id}`;
    const one = await call('PATCH', url, { baseVersionId: made.versionId, age: 5 });
    await call('PATCH', url, { baseVersionId: made.versionId, age: 6 });
    return { id: made.id as string, versionId: one.versionId as string };
  };
  const round = async (p: { id: string }, tail = '') => `${ws(p)}/rounds/${(await worldOf(p)).round}${tail}`;

  return {
    createRound: row(planners, async (p) => ({
      url: `${ws(p)}/settlements/${(await worldOf(p)).settlement}/rounds`,
      body: { name: `R ${++n}` },
    })),
    getRound: row(everyone, async (p) => ({ url: await round(p) })),
    updateRound: row(planners, async (p) => {
      const made = await freshRound(p, (await worldOf(p)).settlement);
      return {
        url: `${ws(p)}/rounds/${made.id}`,
        body: { baseVersionId: made.versionId, name: `Renamed ${++n}` },
      };
    }),
    moveRound: row(planners, async (p) => {
      const made = await freshRound(p, (await worldOf(p)).settlement);
      return {
        url: `${ws(p)}/rounds/${made.id}/status`,
        body: { baseVersionId: made.versionId, status: 'numbering' },
      };
    }),
    resolveRound: row(planners, async (p) => {
      const { id, versionId } = await conflictedRound(p);
      return {
        url: `${ws(p)}/rounds/${id}/resolution`,
        body: { baseVersionId: versionId, reason: 'checked' },
      };
    }),
    listHouseholds: row(enumerators, async (p) => ({ url: await round(p, '/households') })),
    listStructureHouseholds: row(enumerators, async (p) => ({
      url: `${ws(p)}/structures/${(await worldOf(p)).structure}/households`,
    })),
    householdCounts: row(everyone, async (p) => ({ url: await round(p, '/household-counts') })),
    createHousehold: row(enumerators, async (p) => ({
      url: await round(p, '/households'),
      body: { structureId: (await worldOf(p)).structure, outcome: 'absent' },
    })),
    getHousehold: row(enumerators, async (p) => ({
      url: `${ws(p)}/households/${(await freshHousehold(p)).id}`,
    })),
    updateHousehold: row(enumerators, async (p) => {
      const made = await freshHousehold(p);
      return {
        url: `${ws(p)}/households/${made.id}`,
        body: { baseVersionId: made.versionId, sizeStated: 3 },
      };
    }),
    householdHistory: row(enumerators, async (p) => ({
      url: `${ws(p)}/households/${(await freshHousehold(p)).id}/versions`,
    })),
    resolveHousehold: row(planners, async (p) => {
      const { id, versionId } = await conflicted(p);
      return {
        url: `${ws(p)}/households/${id}/resolution`,
        body: { baseVersionId: versionId, reason: 'checked' },
      };
    }),
    addHouseholdMember: row(enumerators, async (p) => ({
      url: `${ws(p)}/households/${(await freshHousehold(p)).id}/members`,
      body: { age: 7 },
    })),
    updateHouseholdMember: row(enumerators, async (p) => {
      const member = await freshMember(p);
      return {
        url: `${ws(p)}/household-members/${member.id}`,
        body: { baseVersionId: member.versionId, age: 5 },
      };
    }),
    resolveHouseholdMember: row(planners, async (p) => {
      const { id, versionId } = await conflictedMember(p);
      return {
        url: `${ws(p)}/household-members/${id}/resolution`,
        body: { baseVersionId: versionId, age: 6, reason: 'asked again' },
      };
    }),
    removeHouseholdMember: row(enumerators, async (p) => {
      const member = await freshMember(p);
      return { url: `${ws(p)}/household-members/${member.id}?baseVersionId=${member.versionId}` };
    }),
    withdrawConsent: row(enumerators, async (p) => ({
      url: `${ws(p)}/households/${(await freshHousehold(p)).id}/consent/withdrawal`,
      body: {},
    })),
  };
}
