import { CreateHouseholdInputSchema, consentPurposes } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import type { EntityWrite } from '../records/entities.ts';
import {
  answerPath,
  booleanOf,
  dateOf,
  integerOf,
  readProperties,
  textOf,
} from '../records/entity-values.ts';
import { EntityProblems, type EntityScope, type EntityTarget } from '../records/from-submission.ts';
import { structuresNumbered } from '../settlements/queries.ts';
import { createHousehold } from './enumerate.ts';

/**
 * Households from a form's `households` entity, with their members from the `household_members`
 * entities inside its repeat and their consent from its `consent_*` properties, written together
 * by the one enumeration verb. The structure is the submission's `structures` entity (or the
 * painted number or id in the `structure` property). Properties are the record's own words:
 * outcome, size_stated, years_in_settlement, tenure, head_sex; members' relationship, sex, age,
 * birth_date, disability, school_enrolled, employment; consent_notice, consent_language,
 * consent_method, consent_given_by, consent_witness and consent_purposes (the purposes ticked,
 * space-separated as a select_multiple answers).
 */
type Problem = { path: string; message: string };
const text = textOf;
const where = answerPath;
const read = readProperties;

const householdFields = {
  outcome: ['outcome', text],
  size_stated: ['sizeStated', integerOf],
  years_in_settlement: ['yearsInSettlement', integerOf],
  tenure: ['tenure', text],
  head_sex: ['headSex', text],
} as const;
const memberFields = {
  relationship: ['relationship', text],
  sex: ['sex', text],
  age: ['age', integerOf],
  birth_date: ['birthDate', dateOf],
  disability: ['disability', booleanOf],
  school_enrolled: ['schoolEnrolled', booleanOf],
  employment: ['employment', text],
} as const;
const consentFields = {
  consent_notice: ['noticeVersion', text],
  consent_language: ['language', text],
  consent_method: ['method', text],
  consent_given_by: ['givenBy', text],
  consent_witness: ['witness', text],
} as const;

function consentOf(write: EntityWrite, problems: Problem[], propOf: Map<string, string>) {
  const consent = read(write, consentFields, problems, propOf);
  if (Object.keys(consent).length === 0 && write.properties.consent_purposes === undefined) return null;
  const ticked = new Set((write.properties.consent_purposes ?? '').split(/\s+/).filter(Boolean));
  for (const name of ticked)
    if (!(consentPurposes as readonly string[]).includes(name))
      problems.push({
        path: where(write, 'consent_purposes'),
        message: 'is not a purpose of the consent notice',
      });
  propOf.set('purposes', 'consent_purposes');
  return { ...consent, purposes: Object.fromEntries(consentPurposes.map((p) => [p, ticked.has(p)])) };
}

async function structureOf(ctx: RequestContext, scope: EntityScope, write: EntityWrite, entity: Entity) {
  const parent = write.parent === null ? undefined : entity.all[write.parent];
  if (parent?.list === 'structures') return entity.written.get(write.parent!) ?? null;
  const named = write.properties.structure?.trim();
  if (!named) return null;
  const holders = await structuresNumbered(
    ctx.db,
    scope.round.workspace_id,
    scope.round.settlement_id,
    named,
  );
  if (holders.length === 1) return holders[0]!.id;
  if (holders.length > 1)
    throw new EntityProblems([
      { path: where(write, 'structure'), message: 'more than one structure has this painted number' },
    ]);
  return named; // an id: the enumeration verb says whether it is one of the settlement's
}

type Entity = Parameters<EntityTarget['write']>[2];

export const householdTarget: EntityTarget = {
  list: 'households',
  consumes: ['household_members'],
  async write(ctx, scope, entity) {
    const { write, all, index } = entity;
    const problems: Problem[] = [];
    const propOf = new Map<string, string>();
    const household = read(write, householdFields, problems, propOf);
    const consent = consentOf(write, problems, propOf);
    const memberWrites = all.filter((w) => w.list === 'household_members' && w.parent === index);
    const memberProps = memberWrites.map(() => new Map<string, string>());
    const members = memberWrites.map((m, i) => read(m, memberFields, problems, memberProps[i]!));
    const structureId = await structureOf(ctx, scope, write, entity);
    if (!structureId)
      problems.push({
        path: where(write, 'structure'),
        message: 'the household is not on a numbered structure',
      });
    if (problems.length) throw new EntityProblems(problems);
    const parsed = CreateHouseholdInputSchema.safeParse({
      ...household,
      outcome: household.outcome ?? 'enumerated',
      structureId,
      members,
      consent,
    });
    if (!parsed.success)
      throw new EntityProblems(
        parsed.error.issues.map((issue) => {
          const [field, n, memberField] = issue.path.map(String);
          if (field === 'members' && n !== undefined && memberWrites[Number(n)])
            return {
              path: where(
                memberWrites[Number(n)]!,
                memberProps[Number(n)]!.get(memberField ?? '') ?? memberField ?? '',
              ),
              message: issue.message,
            };
          const prop = field === 'consent' ? propOf.get(n ?? '') : propOf.get(field ?? '');
          return { path: where(write, prop ?? field ?? ''), message: issue.message };
        }),
      );
    const row = await createHousehold(ctx, scope.caller, scope.round.id, parsed.data, {
      submissionId: scope.submissionId,
    });
    return row.id;
  },
};
