import type { Choice, Form, Question } from '../model.ts';
import type { ImportProblemCode, ProblemParams } from '../problems.ts';
import { walkSurvey } from '../survey-tree.ts';
import { referencesInText } from './expression-check.ts';

export interface TypeProblem {
  item: Question;
  column: 'name' | 'parameters' | 'trigger' | 'calculation';
  code: ImportProblemCode;
  params?: ProblemParams;
}

const AUDIT_BOOLEANS = ['track-changes', 'identify-user'];
const LOCATION = ['location-priority', 'location-min-interval', 'location-max-age'];

/** pyxform's rules for an audit's parameters (xls2json: the audit branch). */
function auditProblems(item: Question): TypeProblem[] {
  const at = (code: ImportProblemCode, params?: ProblemParams): TypeProblem => ({
    item,
    column: 'parameters',
    code,
    ...(params ? { params } : {}),
  });
  const p = item.parameters;
  const problems: TypeProblem[] = [];
  if (item.name !== 'audit') problems.push({ item, column: 'name', code: 'form.xlsform.audit.name' });
  for (const parameter of AUDIT_BOOLEANS) {
    const value = p[parameter];
    if (value !== undefined && value !== 'true' && value !== 'false')
      problems.push(at('form.xlsform.audit.parameter_boolean', { parameter, value }));
  }
  const reasons = p['track-changes-reasons'];
  if (reasons !== undefined && reasons !== 'on-form-edit')
    problems.push(at('form.xlsform.audit.track_changes_reasons'));
  const given = LOCATION.filter((k) => p[k] !== undefined);
  if (given.length > 0 && given.length < LOCATION.length)
    problems.push(at('form.xlsform.audit.location_incomplete'));
  else if (given.length === LOCATION.length) {
    const priority = p['location-priority']!;
    if (!['no-power', 'low-power', 'balanced', 'high-accuracy'].includes(priority))
      problems.push(at('form.xlsform.audit.location_priority', { value: priority }));
    const whole = (parameter: string) => {
      const value = p[parameter]!;
      if (/^[+-]?\d+$/.test(value) && Number(value) >= 0) return Number(value);
      problems.push(at('form.xlsform.audit.location_number', { parameter, value }));
      return null;
    };
    const interval = whole('location-min-interval');
    const age = whole('location-max-age');
    if (interval !== null && age !== null && age < interval)
      problems.push(at('form.xlsform.audit.location_max_age'));
  }
  return problems;
}

/** pyxform's tick_labelset checks for a range (question_types/range.py). */
function rangeProblems(item: Question, choices: Record<string, Choice[]>): TypeProblem[] {
  const list = item.parameters.tick_labelset;
  if (!list) return [];
  const at = (code: ImportProblemCode, params: ProblemParams = {}): TypeProblem[] => [
    { item, column: 'parameters', code, params: { list, ...params } },
  ];
  const ticks = choices[list];
  if (!ticks) return at('form.xlsform.range.tick_labelset_missing');
  const number = (key: string, fallback: number) => {
    const value = Number(item.parameters[key] ?? fallback);
    return Number.isFinite(value) ? value : fallback;
  };
  const start = number('start', 1);
  const end = number('end', 10);
  const step = number('step', 1);
  const interval = item.parameters.tick_interval === undefined ? null : number('tick_interval', step);
  // Multiples compared with a tolerance: the parameters are decimals in pyxform.
  const multiple = (value: number, of: number) =>
    of === 0 || Math.abs(value / of - Math.round(value / of)) < 1e-9;
  const noTicks = /\bno-ticks\b/.test(item.bind.appearance ?? '');
  const labelled = new Set<number>();
  for (const choice of ticks) {
    const value = Number(choice.name);
    if (choice.name.trim() === '' || !Number.isFinite(value))
      return at('form.xlsform.range.tick_label_not_number');
    if (value < Math.min(start, end) || value > Math.max(start, end))
      return at('form.xlsform.range.tick_label_outside');
    if (!multiple(value - start, interval ?? step))
      return at('form.xlsform.range.tick_label_off_step', {
        parameter: interval === null ? 'step' : 'tick_interval',
      });
    labelled.add(value);
  }
  if (
    noTicks &&
    (labelled.size > 2 || [...labelled].some((v) => v !== start && v !== end) || labelled.size < 2)
  )
    return at('form.xlsform.range.no_ticks_labels');
  return [];
}

/** A question with no control in pyxform's XForm: a calculate, or computed with no label or hint. */
function isHidden(item: Question): boolean {
  const shown = Object.keys(item.label).length > 0 || Object.keys(item.hint).length > 0;
  return item.type === 'calculate' || ((!!item.bind.calculation || !!item.bind.trigger) && !shown);
}

/** Rules pyxform applies to particular types: audit, background-geopoint, range, triggers. */
export function typeProblems(form: Form): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const byName = new Map<string, Question>();
  for (const { item } of walkSurvey(form.survey)) if (item.kind === 'question') byName.set(item.name, item);
  for (const { item } of walkSurvey(form.survey)) {
    if (item.kind !== 'question') continue;
    if (item.type === 'audit') problems.push(...auditProblems(item));
    if (item.type === 'range') problems.push(...rangeProblems(item, form.choices));
    if (item.type === 'background-geopoint') {
      if (!item.bind.trigger)
        problems.push({ item, column: 'trigger', code: 'form.xlsform.background_geopoint.trigger' });
      if (item.bind.calculation)
        problems.push({ item, column: 'calculation', code: 'form.xlsform.background_geopoint.calculation' });
    }
    for (const target of referencesInText(item.bind.trigger ?? '')) {
      const triggering = byName.get(target);
      if (triggering && isHidden(triggering))
        problems.push({
          item,
          column: 'trigger',
          code: 'form.xlsform.trigger.hidden_target',
          params: { target: `\${${target}}` },
        });
    }
  }
  return problems;
}
