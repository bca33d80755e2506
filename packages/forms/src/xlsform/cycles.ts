import { findCycle } from '../engine/index.ts';
import type { SurveyItem } from '../model.ts';
import { walkSurvey } from '../survey-tree.ts';
import { referencesInText } from './expression-check.ts';

export interface Cycle {
  names: string[];
  items: SurveyItem[];
  /** True when every step is a calculation; otherwise relevance or repeat counts take part. */
  calculationsOnly: boolean;
}

/**
 * Finds logic that depends on itself (a → b → a), which could never settle: through the
 * expression engine's dependency graph (calculations, relevance, repeat counts, groups).
 */
export function findCircularLogic(survey: SurveyItem[]): Cycle | null {
  const byName = new Map<string, SurveyItem>();
  const fields = [];
  for (const { item, parents } of walkSurvey(survey)) {
    byName.set(item.name, item);
    const repeat = [...parents].reverse().find((p) => p.kind === 'repeat');
    const path = `/${[...parents.map((p) => p.name), item.name].join('/')}`;
    const field: Parameters<typeof findCycle>[0][number] = {
      path,
      name: item.name,
      type: item.type,
      ...(repeat
        ? {
            repeat: `/${parents
              .slice(0, parents.indexOf(repeat) + 1)
              .map((p) => p.name)
              .join('/')}`,
          }
        : {}),
    };
    if (item.bind.calculation) field.calculate = item.bind.calculation;
    if (item.bind.relevant) field.relevant = item.bind.relevant;
    if (item.bind.repeatCount && !/^\d+$/.test(item.bind.repeatCount))
      field.repeatCount = item.bind.repeatCount;
    fields.push(field);
  }
  let names: string[] | null;
  try {
    // The engine lists a cycle along "is used by"; people read it along "uses".
    names = findCycle(fields)?.reverse() ?? null;
  } catch {
    // An expression the engine cannot compile (a function it does not know) was already
    // reported as a warning; fall back to calculations alone.
    names = calculationCycle(byName);
  }
  if (!names) return null;
  const items = names.map((n) => byName.get(n)!);
  return { names, items, calculationsOnly: items.every((i) => !!i.bind.calculation) };
}

function calculationCycle(byName: Map<string, SurveyItem>): string[] | null {
  const edges = new Map<string, string[]>();
  for (const [name, item] of byName) {
    const calc = item.bind.calculation;
    if (calc)
      edges.set(
        name,
        referencesInText(calc).filter((n) => byName.has(n)),
      );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const name of edges.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return null;
}
