// Synthetic publications for the tests and the benchmark: a settlement of n sections whose persons
// are classified by sex (2) × age band (8) × disability (2, sensitive) = 32 categories, published
// as sex × age and sex × disability (with % disabled) tables at section and settlement level, and
// households by tenure. A seeded generator, so every run sees the same counts.
import type { InnerCount, PublicationInput } from '../src/index.ts';

/** mulberry32: small, seeded, good enough for test data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ageBands = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-59', '60-69', '70+'];
const ageWeights = [0.14, 0.2, 0.2, 0.17, 0.12, 0.1, 0.05, 0.02];
const tenures = ['owner', 'tenant', 'informal', 'other'];

function pick(random: () => number, weights: number[]): number {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

export type SyntheticOptions = {
  sections: number;
  seed?: number;
  /** Persons per section between these (inclusive). */
  persons?: [number, number];
  /** Also publish age × disability, a third table sharing margins. */
  ageByDisability?: boolean;
};

export function syntheticPublication(options: SyntheticOptions): PublicationInput {
  const random = seeded(options.seed ?? 1);
  const [least, most] = options.persons ?? [60, 220];
  const sections = [];
  const persons = new Map<string, InnerCount>();
  const households = new Map<string, InnerCount>();
  const add = (map: Map<string, InnerCount>, section: string, categories: Record<string, string>) => {
    const key = `${section}|${JSON.stringify(categories)}`;
    const known = map.get(key);
    if (known) known.count++;
    else map.set(key, { section, categories, count: 1 });
  };
  for (let s = 0; s < options.sections; s++) {
    const id = `s${String(s + 1).padStart(2, '0')}`;
    const people = least + Math.floor(random() * (most - least + 1));
    const homes = Math.max(1, Math.round(people / (2.5 + random() * 2)));
    for (let p = 0; p < people; p++) {
      const age = pick(random, ageWeights);
      const disabled = random() < 0.03 + 0.04 * age;
      add(persons, id, {
        sex: random() < 0.51 ? 'f' : 'm',
        age: ageBands[age]!,
        disability: disabled ? 'yes' : 'no',
      });
    }
    for (let h = 0; h < homes; h++)
      add(households, id, { tenure: tenures[pick(random, [0.2, 0.3, 0.45, 0.05])]! });
    sections.push({ id, name: `Section ${s + 1}`, households: homes, persons: people });
  }
  const categories = (ids: string[]) => ids.map((id) => ({ id, label: id }));
  const tables: PublicationInput['tables'] = [
    {
      id: 'persons-sex-age',
      title: 'Persons by sex and age',
      population: 'persons',
      dimensions: ['sex', 'age'],
    },
    {
      id: 'persons-sex-disability',
      title: 'Persons by sex and disability',
      population: 'persons',
      dimensions: ['sex', 'disability'],
      rateOf: 'disability',
    },
    {
      id: 'households-tenure',
      title: 'Households by tenure',
      population: 'households',
      dimensions: ['tenure'],
    },
  ];
  if (options.ageByDisability)
    tables.push({
      id: 'persons-age-disability',
      title: 'Persons by age and disability',
      population: 'persons',
      dimensions: ['age', 'disability'],
    });
  return {
    settlement: { id: 'settlement', name: 'Synthetic settlement' },
    sections,
    populations: [
      {
        id: 'persons',
        unit: 'person',
        dimensions: [
          { id: 'sex', label: 'Sex', categories: categories(['f', 'm']) },
          { id: 'age', label: 'Age band', categories: categories(ageBands) },
          { id: 'disability', label: 'Disability', categories: categories(['yes', 'no']), sensitive: true },
        ],
        counts: [...persons.values()],
      },
      {
        id: 'households',
        unit: 'household',
        dimensions: [{ id: 'tenure', label: 'Tenure', categories: categories(tenures) }],
        counts: [...households.values()],
      },
    ],
    tables,
  };
}
