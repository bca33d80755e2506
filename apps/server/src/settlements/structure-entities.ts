import { CreateStructureInputSchema, type Point, UpdateStructureInputSchema } from '@coproduce/contract';
import type { z } from 'zod';
import type { RequestContext } from '../context.ts';
import type { EntityWrite } from '../records/entities.ts';
import {
  answerPath,
  integerOf,
  numberOf,
  type PropertyReaders,
  pointOf,
  readProperties,
  textOf,
} from '../records/entity-values.ts';
import { EntityProblems, type EntityScope, type EntityTarget } from '../records/from-submission.ts';
import { versionCurrentAt } from '../records/queries.ts';
import { sectionsOf, structuresNumbered } from './queries.ts';
import { numberStructure, photographStructure, readableStructure, updateStructure } from './structures.ts';

/**
 * Structures from a form's `structures` entity: a numbering form creates one (or finds the one
 * with that painted number), an enumeration form updates the structure it names (or, when its
 * create_if decided so, creates one under that id). Properties are the record's own words in
 * snake_case: number, point, section (its code), use, wall_material,
 * roof_material, rooms, floor_area_m2, stated_occupants, stated_households, and photo (an image
 * question's answer, the file's name: the structure shows that file of the submission).
 */
type Fields = {
  number?: string;
  point?: Point;
  sectionId?: string | null;
  use?: string;
  wallMaterial?: string;
  roofMaterial?: string;
  rooms?: number;
  floorAreaM2?: number;
  statedOccupants?: number;
  statedHouseholds?: number;
  photoName?: string;
};

const text = textOf;
const readers: PropertyReaders = {
  number: ['number', text],
  point: ['point', pointOf],
  use: ['use', text],
  wall_material: ['wallMaterial', text],
  roof_material: ['roofMaterial', text],
  rooms: ['rooms', integerOf],
  floor_area_m2: ['floorAreaM2', numberOf],
  stated_occupants: ['statedOccupants', integerOf],
  stated_households: ['statedHouseholds', integerOf],
  photo: ['photoName', text],
};

const where = answerPath;

async function fieldsOf(ctx: RequestContext, scope: EntityScope, write: EntityWrite) {
  const problems: Array<{ path: string; message: string }> = [];
  const propOf = new Map<string, string>();
  const fields = readProperties(write, readers, problems, propOf) as Fields;
  const code = write.properties.section;
  if (code !== undefined) {
    const sections = await sectionsOf(ctx.db, scope.round.workspace_id, scope.round.settlement_id);
    const section = sections.find((s) => s.code === code.trim());
    if (section) fields.sectionId = section.id;
    else
      problems.push({ path: where(write, 'section'), message: 'no section of the settlement has this code' });
  }
  return { fields, problems, propOf };
}

/** The contract's own checks (ranges, choices), said at the question the value came from. */
function checked<T extends z.ZodType>(
  schema: T,
  input: unknown,
  write: EntityWrite,
  propOf: Map<string, string>,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new EntityProblems(
    parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return { path: where(write, propOf.get(field) ?? field), message: issue.message };
    }),
  );
}

async function matching(
  ctx: RequestContext,
  scope: EntityScope,
  write: EntityWrite,
  number: string | undefined,
) {
  const { caller, round } = scope;
  if (write.entityId && write.action === 'update') {
    const named = await readableStructure(ctx, caller, write.entityId).catch(() => null);
    if (named && named.settlement_id === round.settlement_id) return named.id;
    throw new EntityProblems([
      { path: '/', message: 'the structure this form names is not one of the settlement' },
    ]);
  }
  if (write.entityId || !number) return null;
  const holders = await structuresNumbered(ctx.db, caller.workspaceId, round.settlement_id, number);
  return holders.length === 1 ? holders[0]!.id : null;
}

export const structureTarget: EntityTarget = {
  list: 'structures',
  async write(ctx, scope, { write }) {
    const { fields: all, problems, propOf } = await fieldsOf(ctx, scope, write);
    if (problems.length) throw new EntityProblems(problems);
    // The photo is not part of the record's versioned content: it names a file of this submission.
    const { photoName, ...fields } = all;
    const photo = photoName ? { submissionId: scope.submissionId, fileName: photoName } : null;
    const source = { submissionId: scope.submissionId };
    const existing = await matching(ctx, scope, write, fields.number);
    if (existing) {
      const current = await readableStructure(ctx, scope.caller, existing);
      const ref = { workspaceId: current.workspace_id, kind: 'structure' as const, id: current.id };
      const base =
        (scope.startedAt && (await versionCurrentAt(ctx.db, ref, scope.startedAt))) ||
        current.current_version_id;
      const input = checked(UpdateStructureInputSchema, { baseVersionId: base, ...fields }, write, propOf);
      const updated = await updateStructure(ctx, scope.caller, current.id, input, source);
      if (photo) await photographStructure(ctx, scope.caller, updated.id, photo);
      return updated.id;
    }
    if (!fields.number)
      throw new EntityProblems([
        { path: where(write, 'number'), message: 'a new structure needs its painted number' },
      ]);
    // Created under the id the form names (create_if held where update_if did not), as ODK does.
    const id = write.action === 'create' && write.entityId ? { id: write.entityId } : {};
    const input = checked(CreateStructureInputSchema, { ...id, ...fields }, write, propOf);
    const made = await numberStructure(
      ctx,
      scope.caller,
      scope.round.settlement_id,
      input,
      source,
      photoName,
    );
    return made.id;
  },
};
