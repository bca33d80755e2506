// What a publication is made of, as the records layer hands it over: the settlement and its
// sections, one or more populations (households, persons) with their finest counts, and the tables
// to publish from them. Every problem found is reported with where it is, never thrown one by one.

export type Category = { id: string; label: string };

export type Dimension = {
  id: string;
  label: string;
  categories: Category[];
  /** A special-category attribute (health, disability, nationality…): threshold 10, zeros protected. */
  sensitive?: boolean;
};

/** A finest count: one section, one category of every dimension of its population. */
export type InnerCount = { section: string; categories: Record<string, string>; count: number };

export type Population = {
  id: string;
  unit: 'household' | 'person';
  dimensions: Dimension[];
  /** Combinations not listed count 0. The same combination listed twice is added up. */
  counts: InnerCount[];
};

export type Section = { id: string; name: string; households: number; persons: number };

export type AreaLevel = 'settlement' | 'section';

export type TableSpec = {
  id: string;
  title: string;
  population: string;
  /** Dimensions cross-classified by the table; every combination and every margin is published. */
  dimensions: string[];
  /** Levels published; both by default. */
  levels?: AreaLevel[];
  /** Publish each cell as a share of its total over this dimension (e.g. % disabled by sex). */
  rateOf?: string;
};

export type PublicationInput = {
  settlement: { id: string; name: string };
  sections: Section[];
  populations: Population[];
  tables: TableSpec[];
};

export type DisclosureRules = {
  /** Sections with fewer households than this are merged. */
  minHouseholds: number;
  /** Sections with fewer persons than this are merged. */
  minPersons: number;
  /** Counts 0 < n < threshold are primary suppressions… */
  threshold: number;
  /** …and 0 < n < sensitiveThreshold for sensitive attributes, whose zeros are protected too. */
  sensitiveThreshold: number;
  /** No rate over a denominator below this. */
  minRateDenominator: number;
  /** Audit-and-repair rounds before giving up (then the publication cannot be published). */
  maxRepairRounds: number;
  /** Refuse publications whose model matrix would have more inner cells than this. */
  maxInnerCells: number;
};

export const DEFAULT_RULES: DisclosureRules = {
  minHouseholds: 20,
  minPersons: 50,
  threshold: 5,
  sensitiveThreshold: 10,
  minRateDenominator: 20,
  maxRepairRounds: 25,
  maxInnerCells: 200_000,
};

/** The one symbol shown for every hidden count or rate, whatever the reason. */
export const HIDDEN_SYMBOL = 'c';

export type InputProblem = {
  code: string;
  path: (string | number)[];
  message: string;
  params?: Record<string, string | number>;
};

export class PublicationInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`invalid publication: ${problems.map((problem) => problem.message).join('; ')}`);
  }
}

export function checkInput(input: PublicationInput, rules: DisclosureRules): InputProblem[] {
  const problems: InputProblem[] = [];
  const report = (
    code: string,
    path: (string | number)[],
    message: string,
    params?: InputProblem['params'],
  ) => problems.push(params ? { code, path, message, params } : { code, path, message });
  const unique = (ids: string[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id))
        report('publication.duplicate_id', [...path, index, 'id'], `${what} "${id}" twice`, { id });
      // Ids starting with "_" are the engine's own (margins, the other-sections group).
      if (id.length === 0 || id.startsWith('_'))
        report(
          'publication.reserved_id',
          [...path, index, 'id'],
          `${what} id "${id}" is empty or starts with "_"`,
          {
            id,
          },
        );
      seen.add(id);
    });
  };
  const sections = new Set(input.sections.map((section) => section.id));
  if (input.sections.length === 0)
    report('publication.no_sections', ['sections'], 'a settlement needs a section');
  unique(
    input.sections.map((section) => section.id),
    ['sections'],
    'section',
  );
  input.sections.forEach((section, index) => {
    for (const field of ['households', 'persons'] as const)
      if (!(Number.isInteger(section[field]) && section[field] >= 0))
        report('publication.bad_count', ['sections', index, field], `${field} must be a whole number ≥ 0`);
  });
  unique(
    input.populations.map((population) => population.id),
    ['populations'],
    'population',
  );
  const populations = new Map(input.populations.map((population) => [population.id, population]));
  input.populations.forEach((population, p) => {
    const at = ['populations', p];
    unique(
      population.dimensions.map((dimension) => dimension.id),
      [...at, 'dimensions'],
      'dimension',
    );
    let cube = input.sections.length;
    population.dimensions.forEach((dimension, d) => {
      if (dimension.categories.length === 0)
        report(
          'publication.no_categories',
          [...at, 'dimensions', d],
          `dimension "${dimension.id}" has no category`,
        );
      unique(
        dimension.categories.map((category) => category.id),
        [...at, 'dimensions', d, 'categories'],
        'category',
      );
      cube *= Math.max(1, dimension.categories.length);
    });
    if (cube > rules.maxInnerCells)
      report('publication.too_large', at, `${cube} inner cells exceed the limit of ${rules.maxInnerCells}`, {
        cells: cube,
        limit: rules.maxInnerCells,
      });
    population.counts.forEach((count, c) => {
      const where = [...at, 'counts', c];
      if (!sections.has(count.section))
        report('publication.unknown_section', [...where, 'section'], `unknown section "${count.section}"`);
      if (!(Number.isInteger(count.count) && count.count >= 0))
        report('publication.bad_count', [...where, 'count'], 'a count must be a whole number ≥ 0');
      for (const dimension of population.dimensions) {
        const category = count.categories[dimension.id];
        if (category === undefined || !dimension.categories.some((known) => known.id === category))
          report(
            'publication.unknown_category',
            [...where, 'categories', dimension.id],
            'unknown or missing category',
            {
              dimension: dimension.id,
            },
          );
      }
    });
  });
  unique(
    input.tables.map((table) => table.id),
    ['tables'],
    'table',
  );
  input.tables.forEach((table, t) => {
    const population = populations.get(table.population);
    if (!population) {
      report(
        'publication.unknown_population',
        ['tables', t, 'population'],
        `unknown population "${table.population}"`,
      );
      return;
    }
    const known = new Set(population.dimensions.map((dimension) => dimension.id));
    table.dimensions.forEach((dimension, d) => {
      if (!known.has(dimension))
        report(
          'publication.unknown_dimension',
          ['tables', t, 'dimensions', d],
          `unknown dimension "${dimension}"`,
        );
    });
    if (new Set(table.dimensions).size !== table.dimensions.length)
      report('publication.duplicate_id', ['tables', t, 'dimensions'], 'a dimension is listed twice');
    if (table.rateOf !== undefined && !table.dimensions.includes(table.rateOf))
      report(
        'publication.unknown_dimension',
        ['tables', t, 'rateOf'],
        'rates must be over one of the table’s dimensions',
      );
    if (table.levels && table.levels.length === 0)
      report('publication.no_levels', ['tables', t, 'levels'], 'a table needs a level');
  });
  return problems;
}
