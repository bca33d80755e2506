import {
  type Boundary,
  type GeojsonKind,
  geojsonKinds,
  geojsonLimits,
  geojsonProperties,
  issueParams,
  type ProblemLocation,
} from '@coproduce/contract';
import { type BBox, type Feature, readFeatureCollection } from '@coproduce/geometry';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * Checking an uploaded settlement file before anything is written: its geometry in depth
 * (@coproduce/geometry), each feature's kind and properties, and that sections named by
 * structures exist. Every problem names where it is (`body.features.12.properties.rooms`); one
 * problem refuses the whole file, so an import is all or nothing.
 */
type Props = { [K in GeojsonKind]: z.infer<(typeof geojsonProperties)[K]> };

export type PlannedFeature = {
  [K in GeojsonKind]: {
    kind: K;
    index: number;
    id: string | null;
    properties: Props[K];
    geometry: Feature['geometry'];
  };
}[GeojsonKind];

const polygonal = new Set(['Polygon', 'MultiPolygon']);
const needs: Record<GeojsonKind, string> = {
  settlement: 'Polygon or MultiPolygon',
  section: 'Polygon or MultiPolygon',
  structure: 'Point',
  facility: 'Point',
};
const dotted = (path: string) => ['body', ...path.split('/').filter(Boolean)].join('.');
const maxListed = 100;

export function readSettlementFile(
  input: unknown,
  expectedBbox: BBox | undefined,
  knownSectionCodes: ReadonlySet<string>,
): PlannedFeature[] {
  const read = readFeatureCollection(input, { maxFeatures: geojsonLimits.features, expectedBbox });
  const problems: ProblemLocation[] = read.problems.map((p) => ({
    path: dotted(p.path),
    message: p.message,
    code: p.code,
  }));
  let leftOut = read.problemsLeftOut;
  const add = (problem: ProblemLocation) => {
    if (problems.length < maxListed) problems.push(problem);
    else leftOut++;
  };
  const planned: PlannedFeature[] = [];
  read.features.forEach((feature, n) => {
    const index = read.indexes[n] ?? n;
    const at = `body.features.${index}`;
    const kind = feature.properties.kind;
    if (typeof kind !== 'string' || !(geojsonKinds as readonly string[]).includes(kind)) {
      add({
        path: `${at}.properties.kind`,
        message: `properties.kind must be one of ${geojsonKinds.join(', ')}`,
        code: 'geojson.kind_unknown',
      });
      return;
    }
    const k = kind as GeojsonKind;
    const type = feature.geometry.type;
    if (k === 'settlement' || k === 'section' ? !polygonal.has(type) : type !== 'Point') {
      add({
        path: `${at}.geometry.type`,
        message: `a ${k} is a ${needs[k]}, not a ${type}`,
        code: 'geojson.geometry_kind',
        params: { expected: needs[k] },
      });
      return;
    }
    const parsed = geojsonProperties[k].safeParse(feature.properties);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        add({
          path: [at, 'properties', ...issue.path.map(String)].join('.'),
          message: issue.message,
          code: issue.code,
          ...issueParams(issue),
        });
      return;
    }
    const id = typeof feature.id === 'string' ? feature.id : null;
    planned.push({
      kind: k,
      index,
      id,
      properties: parsed.data,
      geometry: feature.geometry,
    } as PlannedFeature);
  });
  checkAcrossFeatures(planned, knownSectionCodes, add);
  const total = problems.length + leftOut;
  if (total > 0)
    throw new AppError(
      'settlement.geojson_invalid',
      400,
      `The file cannot be imported: ${total} ${total === 1 ? 'problem' : 'problems'}, the first at ${problems[0]!.path}: ${problems[0]!.message}`,
      leftOut > 0
        ? [
            ...problems,
            {
              path: 'body',
              message: `and ${leftOut} more`,
              code: 'geojson.more_problems',
              params: { count: leftOut },
            },
          ]
        : problems,
    );
  return planned;
}

/** One settlement per file, each section code once, and every structure's section known. */
function checkAcrossFeatures(
  planned: PlannedFeature[],
  knownSectionCodes: ReadonlySet<string>,
  add: (problem: ProblemLocation) => void,
) {
  const settlements = planned.filter((f) => f.kind === 'settlement');
  for (const extra of settlements.slice(1))
    add({
      path: `body.features.${extra.index}`,
      message: 'a file describes one settlement; this is a second settlement feature',
      code: 'geojson.settlement_repeated',
    });
  const codes = new Set(knownSectionCodes);
  const inFile = new Set<string>();
  for (const f of planned) {
    if (f.kind !== 'section') continue;
    if (inFile.has(f.properties.code))
      add({
        path: `body.features.${f.index}.properties.code`,
        message: `section ${f.properties.code} appears twice in the file`,
        code: 'geojson.section_repeated',
      });
    inFile.add(f.properties.code);
    codes.add(f.properties.code);
  }
  for (const f of planned) {
    if (f.kind !== 'structure' && f.kind !== 'facility') continue;
    const code = f.properties.sectionCode;
    if (code && !codes.has(code))
      add({
        path: `body.features.${f.index}.properties.sectionCode`,
        message: `no section ${code} in this settlement or in the file`,
        code: 'geojson.section_unknown',
      });
  }
}

export const boundaryOf = (geometry: Feature['geometry']) => geometry as unknown as Boundary;
export const pointOf = (geometry: Feature['geometry']) => {
  const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : [0, 0];
  return { lon, lat };
};
