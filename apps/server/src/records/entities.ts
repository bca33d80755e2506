import type { AnswerTree } from '@coproduce/contract';
import { type EntityDeclaration, entityPlacements, type Form, type SurveyItem } from '@coproduce/forms';
import type { FormEngine } from '@coproduce/forms/engine';
import { toBoolean } from '@coproduce/forms/expr';
import { compileForm } from '@coproduce/forms/submission';

/**
 * What one submission creates or updates, read from its form's `entities` sheet and `save_to`
 * column (ODK entities): one entity per instance of the repeat the entity is placed in (or one
 * for the whole form), its properties the answers saved to it. Extended beyond ODK so that a
 * repeat's entities know the entity of the instance around them: a household's members point at
 * the household, the household at the structure. Pure; the domains write the records.
 *
 * `create_if` and `update_if` are evaluated per instance by the form engine, where pyxform puts
 * the entity's `meta/entity` (so `${name}` resolves as relevance does there), with ODK's rules:
 * without an entity id (none declared, or its answer blank) the entity is created when create_if
 * holds or there is none; with one it is updated when update_if holds or there is none, else
 * created when create_if holds; otherwise that instance writes nothing. Entities inside a repeat
 * entry that writes nothing write nothing either (their record would belong to one that does not
 * exist); an entity that would only have pointed at one outside its instance (a household at the
 * submission's structure) points as if that one were absent.
 */
export interface EntityWrite {
  list: string;
  /** Where the instance is, e.g. `/household/members[2]` (1-based, as ODK numbers repeats). */
  path: string;
  /** The entity id the form names (`entity_id` cell); null when none is named. */
  entityId: string | null;
  /** What create_if/update_if decided: update the entity `entityId` names, or create one. */
  action: 'create' | 'update';
  label: string | null;
  properties: Record<string, string>;
  /** The question each property was answered in, by property (to say where a problem is). */
  questions: Record<string, string>;
  /** Index in the returned list of the entity whose instance encloses this one. */
  parent: number | null;
}

interface Scope {
  /** Answers visible here by question name: this instance's, then those around it. */
  values: Map<string, string>;
  path: string;
}

const isTree = (value: unknown): value is AnswerTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Answers of one instance by question name, through groups but not into nested repeats. */
function valuesOf(tree: AnswerTree, into: Map<string, string>) {
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(name, value);
    else if (isTree(value)) valuesOf(value, into);
  }
  return into;
}

/**
 * Every instance of the container `name` reachable from `tree` through groups, with its path: a
 * repeat's entries, or a group (one instance, the group itself).
 */
function instancesOf(
  tree: AnswerTree,
  name: string,
  path: string,
): Array<{ tree: AnswerTree; path: string }> {
  const out: Array<{ tree: AnswerTree; path: string }> = [];
  for (const [key, value] of Object.entries(tree)) {
    if (key === name && Array.isArray(value))
      value.forEach((entry, i) => {
        if (isTree(entry)) out.push({ tree: entry, path: `${path}/${key}[${i + 1}]` });
      });
    else if (key === name && isTree(value)) out.push({ tree: value, path: `${path}/${key}` });
    else if (isTree(value)) out.push(...instancesOf(value, name, `${path}/${key}`));
  }
  return out;
}

/** The question names saved to each list's properties: `prop`, or `list#prop` with several lists. */
function savedTo(form: Form): Map<string, Map<string, string>> {
  const lists = form.entities ?? [];
  const out = new Map(lists.map((e) => [e.list, new Map<string, string>()]));
  const walk = (items: SurveyItem[]) => {
    for (const item of items) {
      if (item.kind !== 'question') walk(item.children);
      else if (item.saveTo) {
        const [list, prop] = item.saveTo.includes('#')
          ? (item.saveTo.split('#', 2) as [string, string])
          : [lists[0]?.list ?? '', item.saveTo];
        out.get(list)?.set(item.name, prop);
      }
    }
  };
  walk(form.survey);
  return out;
}

/** `${name}` → the answer to `name` in scope; any other expression is not evaluated here. */
function reference(cell: string | undefined, scope: Scope): string | null {
  const match = cell?.trim().match(/^\$\{([A-Za-z_][\w.-]*)\}$/);
  if (!match) return null;
  const value = scope.values.get(match[1]!);
  return value === undefined || value === '' ? null : value;
}

/** A create_if or update_if the form engine could not evaluate (a typo, an unsupported function). */
export class EntityConditionError extends Error {
  constructor(
    readonly path: string,
    readonly column: 'create_if' | 'update_if',
    readonly list: string,
    cause: unknown,
  ) {
    super(`the ${column} of the entity list "${list}" could not be evaluated: ${(cause as Error).message}`);
  }
}

/** Whether a condition holds in the instance at `path` (e.g. `/household[2]/member[1]`). */
type Holds = (expression: string, path: string) => boolean;

// A given engine is the version's cached one: entityWrites loads and evaluates within one
// synchronous call, so no other submission's answers can come in between.
function conditionsIn(form: Form, answers: AnswerTree, given: FormEngine | undefined): Holds {
  let engine: FormEngine | null = null;
  return (expression, path) => {
    if (!engine) {
      engine = given ?? compileForm(form).engine;
      engine.loadAnswers(answers);
    }
    const indexes = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1);
    return toBoolean(engine.evaluateIn(expression, path.replace(/\[\d+\]/g, ''), indexes));
  };
}

/** ODK's rules for one instance: what it does to its entity, or nothing (null). */
export function entityAction(
  declaration: EntityDeclaration,
  entityId: string | null,
  holds: (column: 'create_if' | 'update_if', expression: string) => boolean,
): EntityWrite['action'] | null {
  const { createIf, updateIf } = declaration;
  const creates = () => (createIf === undefined || holds('create_if', createIf) ? 'create' : null);
  if (entityId === null) return creates();
  if (updateIf === undefined || holds('update_if', updateIf)) return 'update';
  return createIf !== undefined && holds('create_if', createIf) ? 'create' : null;
}

/**
 * The writes one submission makes. `engine`: the form's compiled engine (the answers are loaded
 * into it when a create_if or update_if needs evaluating); without one, the form is compiled here.
 */
export function entityWrites(form: Form, answers: AnswerTree, engine?: FormEngine): EntityWrite[] {
  const declarations = form.entities ?? [];
  if (declarations.length === 0) return [];
  const conditions = conditionsIn(form, answers, engine);
  // Repeat entries whose entity wrote nothing: the entities inside them write nothing either.
  const skipped: string[] = [];
  const placements = entityPlacements(form);
  const saved = savedTo(form);
  // Shallowest first, so that an entity's parent is already in the list.
  const ordered = [...declarations].sort(
    (a, b) => (placements.get(a.list)?.length ?? 0) - (placements.get(b.list)?.length ?? 0),
  );
  const writes: EntityWrite[] = [];
  const top: Scope = { values: valuesOf(answers, new Map()), path: '' };
  for (const declaration of ordered) {
    // Placements start at the survey itself ("survey"), then the groups and repeats inside it.
    const repeats = (placements.get(declaration.list) ?? []).slice(1);
    let scopes: Array<{ scope: Scope; tree: AnswerTree }> = [{ scope: top, tree: answers }];
    for (const repeat of repeats)
      scopes = scopes.flatMap(({ scope, tree }) =>
        instancesOf(tree, repeat, scope.path).map((instance) => ({
          tree: instance.tree,
          scope: { path: instance.path, values: valuesOf(instance.tree, new Map(scope.values)) },
        })),
      );
    const props = saved.get(declaration.list) ?? new Map<string, string>();
    for (const { scope, tree } of scopes) {
      if (skipped.some((path) => scope.path.startsWith(`${path}/`))) continue;
      const entityId = reference(declaration.entityId, scope);
      const action = entityAction(declaration, entityId, (column, expression) => {
        try {
          return conditions(expression, scope.path);
        } catch (error) {
          throw new EntityConditionError(scope.path, column, declaration.list, error);
        }
      });
      if (!action) {
        if (scope.path.includes('[')) skipped.push(scope.path);
        continue;
      }
      const own = valuesOf(tree, new Map());
      const properties: Record<string, string> = {};
      const questions: Record<string, string> = {};
      for (const [question, prop] of props) {
        const value = own.get(question) ?? scope.values.get(question);
        if (value === undefined || value === '') continue;
        properties[prop] = value;
        questions[prop] = question;
      }
      // The entity whose instance encloses this one; else the one the whole submission has once
      // (in no repeat), e.g. the structure around a repeat of households.
      const encloses = (w: EntityWrite) => w.path === '' || scope.path.startsWith(`${w.path}/`);
      const once = (w: EntityWrite) => !w.path.includes('[');
      const pick = (test: (w: EntityWrite) => boolean) =>
        writes.reduce<number | null>(
          (best, w, i) =>
            test(w) && w.path !== scope.path && (best === null || w.path.length >= writes[best]!.path.length)
              ? i
              : best,
          null,
        );
      const parent = pick(encloses) ?? (scope.path.includes('[') ? pick(once) : null);
      writes.push({
        list: declaration.list,
        path: scope.path,
        entityId,
        action,
        label: reference(declaration.label, scope),
        properties,
        questions,
        parent,
      });
    }
  }
  return writes;
}
