import type { EntityDeclaration, Form, SurveyItem } from '../model.ts';
import { coded, type ImportProblemCode, type Problem, type ProblemParams } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';
import {
  type ContainerPath,
  type EntityRequest,
  type PlacementProblem,
  placeEntities,
  SURVEY_PATH,
} from './entity-placement.ts';
import { referencesInText } from './expression-check.ts';
import { isXmlName } from './names.ts';

export interface EntityPlaces {
  surveySheet: string;
  saveToHeader: string;
  rowOf: (item: SurveyItem) => number | null;
  entitiesSheet: string;
  entityRowOf: (entity: EntityDeclaration) => number | null;
  entityHeader: (field: 'label' | 'entityId' | 'createIf' | 'updateIf') => string;
  /** How many survey rows carry each name (with `instanceID`), to resolve `${name}`. */
  counts: Map<string, number>;
}

const REFERRING_FIELDS = ['label', 'entityId', 'createIf', 'updateIf'] as const;

const containerPath = (parents: SurveyItem[]): ContainerPath => [
  ...SURVEY_PATH,
  ...parents.map((p) => ({ name: p.name, type: p.kind === 'question' ? 'group' : p.kind })),
];

interface Collected {
  problems: Problem[];
  requests: EntityRequest[];
}

/** The `save_to` and `${}` references that tie questions to entities, with their problems. */
function collect(form: Form, places: EntityPlaces): Collected {
  const problems: Problem[] = [];
  const entities = form.entities ?? [];
  const lists = new Map(entities.map((e) => [e.list, e]));
  const surveyAt = (item: SurveyItem, code: ImportProblemCode, params: ProblemParams = {}) =>
    problems.push(coded(places.surveySheet, places.rowOf(item), places.saveToHeader, code, params));
  // Which entity lists refer to each question, through the entities sheet's expressions.
  const referredBy = new Map<string, string[]>();
  for (const entity of entities) {
    for (const field of REFERRING_FIELDS) {
      for (const name of referencesInText(entity[field] ?? '')) {
        const question = name.replace(/^last-saved#/, '');
        const count = places.counts.get(question) ?? 0;
        if (count !== 1) {
          const code =
            count === 0
              ? 'form.xlsform.entities.unknown_reference'
              : 'form.xlsform.entities.ambiguous_reference';
          problems.push(
            coded(places.entitiesSheet, places.entityRowOf(entity), places.entityHeader(field), code, {
              question: `\${${name}}`,
              count,
            }),
          );
          continue;
        }
        const by = referredBy.get(question) ?? [];
        if (!by.includes(entity.list)) referredBy.set(question, [...by, entity.list]);
      }
    }
  }
  const requests = new Map<string, EntityRequest>();
  const requestOf = (list: string) => {
    const request = requests.get(list) ?? {
      list,
      row: places.entityRowOf(lists.get(list)!) ?? 0,
      references: [],
    };
    requests.set(list, request);
    return request;
  };
  for (const { item, parents } of walkSurvey(form.survey)) {
    const path = containerPath(parents);
    const row = places.rowOf(item) ?? 0;
    const saveTo = item.kind === 'question' ? item.saveTo : undefined;
    if (saveTo !== undefined) {
      if (entities.length === 0) {
        surveyAt(item, 'form.xlsform.save_to.without_entities');
        continue;
      }
      const hashes = saveTo.split('#').length - 1;
      let list = entities[0]!.list;
      let property = saveTo;
      if (hashes > 1) {
        surveyAt(item, 'form.xlsform.save_to.several_hashes', { saveTo });
        continue;
      }
      if (hashes === 1) [list, property] = saveTo.split('#') as [string, string];
      else if (entities.length > 1) {
        surveyAt(item, 'form.xlsform.save_to.needs_list', { saveTo, example: entities[0]!.list });
        continue;
      }
      if (!lists.has(list)) {
        surveyAt(item, 'form.xlsform.save_to.unknown_list', { list });
        continue;
      }
      const earlier = requests.get(list)?.references.find((r) => r.property === property);
      if (property === '') surveyAt(item, 'form.xlsform.save_to.invalid', { saveTo });
      else if (['name', 'label'].includes(property.toLowerCase()))
        surveyAt(item, 'form.xlsform.save_to.reserved');
      else if (property.startsWith('__'))
        surveyAt(item, 'form.xlsform.save_to.reserved_prefix', { saveTo: property });
      else if (!isXmlName(property)) surveyAt(item, 'form.xlsform.save_to.invalid', { saveTo: property });
      else if (earlier)
        surveyAt(item, 'form.xlsform.save_to.duplicate', { saveTo: property, otherRow: earlier.row });
      else requestOf(list).references.push({ path, row, property });
    }
    for (const list of referredBy.get(item.name) ?? []) {
      requestOf(list).references.push({ path, row, question: item.name });
    }
  }
  return { problems, requests: [...requests.values()] };
}

function placementProblem(problem: PlacementProblem, places: EntityPlaces, form: Form): Problem {
  if (problem.kind === 'save_to_scope') {
    const { row, list, otherScope, scope } = problem;
    return coded(places.surveySheet, row, places.saveToHeader, 'form.xlsform.save_to.scope', {
      list,
      otherScope,
      scope,
    });
  }
  const list = problem.kind === 'variable_scope' ? problem.list : undefined;
  const entity =
    form.entities?.find((e) => e.list === list) ??
    form.entities?.find((e) => places.entityRowOf(e) === problem.row);
  const header = places.entityHeader('label');
  if (problem.kind === 'variable_scope') {
    const { list: name, otherScope, scope, question } = problem;
    return coded(
      places.entitiesSheet,
      entity ? places.entityRowOf(entity) : problem.row,
      header,
      'form.xlsform.entities.variable_scope',
      {
        list: name,
        otherScope,
        scope,
        question: `\${${question}}`,
      },
    );
  }
  return coded(places.entitiesSheet, problem.row, null, 'form.xlsform.entities.no_container', {
    scope: problem.scope,
    otherRow: problem.otherRow,
  });
}

/** pyxform's entity rules: save_to values, references, and a container for every entity. */
export function entityProblems(form: Form, places: EntityPlaces): Problem[] {
  const { problems, requests } = collect(form, places);
  if (problems.length > 0 || !form.entities || form.entities.length === 0) return problems;
  const declared = form.entities.map((e) => ({ list: e.list, row: places.entityRowOf(e) ?? 0 }));
  const placed = placeEntities(declared, requests);
  return 'problem' in placed ? [placementProblem(placed.problem, places, form)] : [];
}

/**
 * Where pyxform puts each entity of an accepted form: the container path (names from the
 * survey root, e.g. `['survey', 'household', 'members']`) whose `meta/entity` block declares it.
 */
export function entityPlacements(form: Form): Map<string, string[]> {
  const rows = new Map<SurveyItem, number>();
  let row = 2;
  for (const { item } of walkSurvey(form.survey)) rows.set(item, row++);
  const counts = new Map<string, number>([['instanceID', 1]]);
  for (const { item } of walkSurvey(form.survey)) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  const entities = form.entities ?? [];
  const places: EntityPlaces = {
    surveySheet: 'survey',
    saveToHeader: 'save_to',
    rowOf: (item) => rows.get(item) ?? null,
    entitiesSheet: 'entities',
    entityRowOf: (entity) => entities.indexOf(entity) + 2,
    entityHeader: (field) => field,
    counts,
  };
  const { requests } = collect(form, places);
  const placed = placeEntities(
    entities.map((e, i) => ({ list: e.list, row: i + 2 })),
    requests,
  );
  const out = new Map<string, string[]>();
  if ('placements' in placed)
    for (const [list, path] of placed.placements)
      out.set(
        list,
        path.map((n) => n.name),
      );
  return out;
}
