import { type SurveyItem, walkSurvey } from '../model.ts';
import { referencesInText } from './expression-check.ts';

/**
 * Finds calculations that depend on themselves (a → b → a): they could never settle.
 * Only `calculation` edges count, as in ODK, where relevance cycles are also errors but rarer.
 */
export function findCalculationCycle(survey: SurveyItem[]): { names: string[]; items: SurveyItem[] } | null {
  const byName = new Map<string, SurveyItem>();
  for (const { item } of walkSurvey(survey)) byName.set(item.name, item);
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
    const names = visit(name);
    if (names) return { names, items: names.map((n) => byName.get(n)!) };
  }
  return null;
}
