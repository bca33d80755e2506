// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
// Enumeration forms whose entities sheet makes records, each published with a settlement and a
// round under way that uses it, on the collection tests' workspace. Everything goes through HTTP.
import type { EntityDeclaration, Form, SurveyItem } from '@coproduce/forms';
import { v7 } from 'uuid';
import { expect } from 'vitest';
import type { Agent } from './agent.ts';
import type { CollectionWorld } from './collection-world.ts';
import { form, group, question } from './form-models.ts';

const repeat = (name: string, children: SurveyItem[]): SurveyItem => ({
  ...question(name, 'begin_repeat', { default: name }),
  kind: 'repeat',
  children,
});
const saved = (name: string, type: string, saveTo: string) =>
  question(name, type, { default: name }, { saveTo });

/**
 * The structure (in a group), its households in a repeat, their members in a repeat inside it,
 * and the household's consent; `structure_id`, `visit` and `outcome` are plain questions an
 * entity_id, create_if or update_if may read.
 */
export function enumerationForm(
  formId = 'enumeration',
  declared: { structures?: Partial<EntityDeclaration>; households?: Partial<EntityDeclaration> } = {},
): Form {
  return {
    ...form(
      [
        group('structure', { default: 'Structure' }, [
          question('structure_id', 'text', { default: 'structure_id' }),
          question('visit', 'text', { default: 'visit' }),
          saved('painted_number', 'text', 'structures#number'),
          saved('location', 'geopoint', 'structures#point'),
          saved('rooms', 'integer', 'structures#rooms'),
        ]),
        repeat('household', [
          question('outcome', 'text', { default: 'outcome' }),
          saved('size', 'integer', 'households#size_stated'),
          saved('head_sex', 'text', 'households#head_sex'),
          saved('consent_method', 'text', 'households#consent_method'),
          saved('consent_given_by', 'text', 'households#consent_given_by'),
          saved('consent_notice', 'text', 'households#consent_notice'),
          saved('consent_language', 'text', 'households#consent_language'),
          saved('consent_purposes', 'text', 'households#consent_purposes'),
          repeat('member', [
            saved('age', 'integer', 'household_members#age'),
            saved('sex', 'text', 'household_members#sex'),
            saved('born', 'date', 'household_members#birth_date'),
          ]),
        ]),
      ],
      {},
      formId,
    ),
    entities: [
      { list: 'structures', label: '${painted_number}', extra: {}, ...declared.structures },
      { list: 'households', label: "concat('Household of ', ${size})", extra: {}, ...declared.households },
      { list: 'household_members', label: "concat('Member aged ', ${age})", extra: {} },
    ],
  };
}

export const consent = {
  consent_method: 'signed',
  consent_given_by: 'self',
  consent_notice: 'v1',
  consent_language: 'zu',
  consent_purposes: 'community_planning municipality_aggregates',
};

export interface Enumeration {
  formId: string;
  settlementId: string;
  roundId: string;
  /** A submission item of this form. */
  item(
    answers: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Record<string, unknown> & { id: string };
  ingest(
    items: unknown[],
    agent?: Agent,
  ): Promise<
    Array<{ status: string; issues: Array<{ code: string; path: string; repeatIndexes: number[] }> }>
  >;
  structures(): Promise<
    Array<{
      id: string;
      number: string;
      status: string;
      rooms: number | null;
      point: unknown;
      hasConflict: boolean;
    }>
  >;
  households(): Promise<Array<{ id: string; structureId: string; sizeStated: number | null }>>;
}

/** Publishes `model` and starts a round that uses it in a new settlement. */
export async function enumerationIn(
  world: CollectionWorld,
  model: Form,
  settlement = 'Sonop',
): Promise<Enumeration> {
  const c = world.as.coordinator;
  const made = await c.post(world.url('/forms'), { model });
  expect(made.statusCode, made.payload).toBe(201);
  const formId = made.body.id as string;
  expect((await c.post(world.url(`/forms/${formId}/publish`), {})).statusCode).toBe(201);
  const settlementId = (await c.post(world.url('/settlements'), { name: settlement, numberPrefix: 'B-' }))
    .body.id as string;
  const round = await c.post(world.url(`/settlements/${settlementId}/rounds`), { name: 'Round 1', formId });
  expect(round.statusCode, round.payload).toBe(201);
  let versionId = round.body.versionId;
  for (const status of ['numbering', 'enumerating']) {
    const moved = await c.post(world.url(`/rounds/${round.body.id}/status`), {
      baseVersionId: versionId,
      status,
    });
    expect(moved.statusCode, moved.payload).toBe(200);
    versionId = moved.body.versionId;
  }
  const roundId = round.body.id as string;
  return {
    formId,
    settlementId,
    roundId,
    item: (answers, extra = {}) => ({ id: v7(), formId, formVersion: 1, answers, files: [], ...extra }),
    async ingest(items, agent = c) {
      const res = await agent.post(world.url('/submissions'), { items });
      expect(res.statusCode, res.payload).toBe(200);
      return res.body.outcomes;
    },
    async structures() {
      return (await c.get(world.url(`/settlements/${settlementId}/structures`))).body.items;
    },
    async households() {
      return (await c.get(world.url(`/rounds/${roundId}/households`))).body.items;
    },
  };
}
