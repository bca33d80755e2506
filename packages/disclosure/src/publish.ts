// The publication pipeline: merge small sections, build one model matrix, primary suppression,
// secondary suppression, linear and interval audits with repair, then rates. The result carries
// only what may be shown (hidden counts are null, shown as HIDDEN_SYMBOL); why each cell is hidden
// and the audit's figures are for the people who review the publication, never for the public.
import type { PublishedArea } from './areas.ts';
import {
  type AreaLevel,
  checkInput,
  DEFAULT_RULES,
  type DisclosureRules,
  type PublicationInput,
  PublicationInputError,
} from './input.ts';
import { buildModel, TOTAL } from './model.ts';
import { protect } from './protect.ts';

export type PublishedCell = {
  level: AreaLevel;
  area: string;
  categories: Record<string, string>;
  /** null when hidden. */
  count: number | null;
  /** Share of the total over the table's `rateOf` dimension (0…1); null when hidden; absent for totals. */
  rate?: number | null;
};

export type PublishedTable = {
  id: string;
  title: string;
  population: string;
  dimensions: string[];
  rateOf?: string;
  cells: PublishedCell[];
};

export type HiddenReason = 'primary' | 'secondary' | 'rate';

/** Why a count or a rate is hidden. For review screens only: a public "primary" says "fewer than 5". */
export type HiddenNote = {
  table: string;
  level: AreaLevel;
  area: string;
  categories: Record<string, string>;
  what: 'count' | 'rate';
  reason: HiddenReason;
  /** For rates: which of the rate rules hid it. */
  rule?: 'numerator-hidden' | 'denominator-hidden' | 'denominator-too-small';
};

export type AuditReport = {
  ok: boolean;
  rounds: number;
  /** Model cells hidden by the repair loop (keys; pass back as `alsoHide` to reproduce the result). */
  repairs: string[];
  /** Every secondary's key: `alsoHide: secondaries` reproduces the same publication. */
  secondaries: string[];
  cells: { model: number; inner: number; primary: number; secondary: number; published: number };
  linear: { checked: number; rank: number; leaks: string[] };
  interval: {
    checked: number;
    failures: string[];
    intervals: { key: string; low: number; high: number }[];
    programs: number;
    pivots: number;
  };
  timings: { suppressionMs: number; auditMs: number };
};

export type PublicationResult = {
  /** False when the audit still fails after the repair rounds: such a publication cannot be published. */
  ok: boolean;
  areas: PublishedArea[];
  tables: PublishedTable[];
  hidden: HiddenNote[];
  audit: AuditReport;
};

export type PublishOptions = { rules?: Partial<DisclosureRules>; alsoHide?: string[] };

export function suppressPublication(
  input: PublicationInput,
  options: PublishOptions = {},
): PublicationResult {
  const rules = { ...DEFAULT_RULES, ...options.rules };
  const problems = checkInput(input, rules);
  if (problems.length > 0) throw new PublicationInputError(problems);
  const model = buildModel(input, rules);
  const { cells } = model.problem;
  const indexOfKey = new Map(cells.map((cell, index) => [cell.key, index]));
  const alsoHide = (options.alsoHide ?? []).map((key) => indexOfKey.get(key)).filter((i) => i !== undefined);
  const result = protect(model.problem, { maxRounds: rules.maxRepairRounds, alsoHide });
  const { status } = result;
  const keysOf = (indices: number[]) => indices.map((index) => cells[index]!.key);

  const hidden: HiddenNote[] = [];
  const tables = model.tables.map(({ spec, positions, cells: layout }): PublishedTable => {
    const placeOf = (level: string, area: string, categories: Record<string, string>) =>
      JSON.stringify([level, area, categories]);
    const cellAt = new Map(positions.map((p, k) => [placeOf(p.level, p.area, p.categories), k]));
    const published = positions.map((position, k): PublishedCell => {
      const index = layout[k]!;
      const shown = status[index] === 'published';
      const out: PublishedCell = {
        level: position.level,
        area: position.area,
        categories: position.categories,
        count: shown ? cells[index]!.value : null,
      };
      const note = {
        table: spec.id,
        level: position.level,
        area: position.area,
        categories: position.categories,
      };
      if (!shown) hidden.push({ ...note, what: 'count', reason: status[index] as HiddenReason });
      if (spec.rateOf !== undefined && position.categories[spec.rateOf] !== TOTAL) {
        const whole = { ...position.categories, [spec.rateOf]: TOTAL };
        const denominator = layout[cellAt.get(placeOf(position.level, position.area, whole))!]!;
        const rule = !shown
          ? 'numerator-hidden'
          : status[denominator] !== 'published'
            ? 'denominator-hidden'
            : cells[denominator]!.value < rules.minRateDenominator
              ? 'denominator-too-small'
              : undefined;
        out.rate = rule ? null : cells[index]!.value / cells[denominator]!.value;
        if (rule) hidden.push({ ...note, what: 'rate', reason: 'rate', rule });
      }
      return out;
    });
    const table: PublishedTable = {
      id: spec.id,
      title: spec.title,
      population: spec.population,
      dimensions: spec.dimensions,
      cells: published,
    };
    if (spec.rateOf !== undefined) table.rateOf = spec.rateOf;
    return table;
  });

  const count = (wanted: string) => status.filter((s) => s === wanted).length;
  const audit: AuditReport = {
    ok: result.ok,
    rounds: result.rounds,
    repairs: keysOf(result.repairs),
    secondaries: keysOf(status.flatMap((s, index) => (s === 'secondary' ? [index] : []))),
    cells: {
      model: cells.length,
      inner: model.problem.innerCount,
      primary: count('primary'),
      secondary: count('secondary'),
      published: count('published'),
    },
    linear: { checked: result.linear.checked, rank: result.linear.rank, leaks: keysOf(result.linear.leaks) },
    interval: {
      checked: result.interval.checked,
      failures: keysOf(result.interval.failures),
      intervals: result.interval.intervals.map(({ cell, low, high }) => ({
        key: cells[cell]!.key,
        low,
        high,
      })),
      programs: result.interval.programs,
      pivots: result.interval.pivots,
    },
    timings: result.timings,
  };
  return { ok: result.ok, areas: model.areas, tables, hidden, audit };
}
