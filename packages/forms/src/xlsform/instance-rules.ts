import type { Form, Question } from '../model.ts';
import type { ImportProblemCode, ProblemParams } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';
import { checkExpression } from './expression-check.ts';

export interface InstanceProblem {
  item: Question;
  column: 'type' | 'appearance';
  code: ImportProblemCode;
  params: ProblemParams;
}

interface Source {
  item: Question;
  kind: 'external' | 'file' | 'pulldata' | 'choice';
  /** The file the data comes from; none for a choice list of the form. */
  uri: string | null;
}

const PULLDATA = /pulldata\s*\(\s*(['"])([^'"]+)\1/g;

/** The secondary instances pyxform writes for a question, with the id each gets. */
function sourcesOf(item: Question, form: Form): [string, Source][] {
  const sources: [string, Source][] = [];
  if (item.type === 'xml-external' || item.type === 'csv-external') {
    const csv = item.type === 'csv-external';
    sources.push([
      item.name,
      { item, kind: 'external', uri: `jr://file${csv ? '-csv' : ''}/${item.name}.${csv ? 'csv' : 'xml'}` },
    ]);
  }
  if (item.type.endsWith('_from_file') && item.list) {
    const id = item.list.replace(/\.[^.]+$/, '');
    sources.push([
      id,
      { item, kind: 'file', uri: `jr://file${/\.csv$/i.test(item.list) ? '-csv' : ''}/${item.list}` },
    ]);
  } else if (item.list && form.choices[item.list] && item.type.startsWith('select')) {
    sources.push([item.list, { item, kind: 'choice', uri: null }]);
  }
  for (const text of Object.values(item.bind)) {
    if (!text || !/pulldata/.test(text) || checkExpression(text).error) continue;
    for (const match of text.matchAll(PULLDATA))
      sources.push([match[2]!, { item, kind: 'pulldata', uri: `jr://file-csv/${match[2]}.csv` }]);
  }
  return sources;
}

const searchOf = (item: Question) => /\bsearch\s*\(/.test(item.bind.appearance ?? '');

/**
 * pyxform's rules for secondary instances (survey.py: instance ids must be unique, one id one
 * source) and for search() appearances, which read a choice list as an external file.
 */
export function instanceProblems(form: Form): InstanceProblem[] {
  const problems: InstanceProblem[] = [];
  const byId = new Map<string, Source[]>();
  const questions: Question[] = [];
  for (const { item } of walkSurvey(form.survey)) if (item.kind === 'question') questions.push(item);
  for (const item of questions) {
    for (const [id, source] of sourcesOf(item, form)) byId.set(id, [...(byId.get(id) ?? []), source]);
  }
  for (const [instance, sources] of byId) {
    const externals = sources.filter((s) => s.kind === 'external');
    if (externals.length > 1) {
      problems.push({
        item: externals[1]!.item,
        column: 'type',
        code: 'form.xlsform.instance.duplicate_external',
        params: { instance, count: externals.length },
      });
      continue;
    }
    const first = sources[0]!;
    const other = sources.find((s) => s.uri !== first.uri);
    if (other) {
      const describe = (s: Source) => s.uri ?? `the choice list "${instance}"`;
      problems.push({
        item: other.item,
        column: 'type',
        code: 'form.xlsform.instance.different_sources',
        params: { instance, first: describe(first), second: describe(other) },
      });
    }
  }
  for (const item of questions) {
    if (!searchOf(item)) continue;
    if (item.type.endsWith('_from_file')) {
      problems.push({ item, column: 'appearance', code: 'form.xlsform.search.from_file', params: {} });
      continue;
    }
    const others = questions.filter((q) => q !== item && q.list === item.list && !searchOf(q));
    if (item.list && others.length > 0) {
      problems.push({
        item,
        column: 'appearance',
        code: 'form.xlsform.search.shared_list',
        params: { list: item.list, others: others.map((q) => `"${q.name}"`).join(', ') },
      });
    }
  }
  return problems;
}
