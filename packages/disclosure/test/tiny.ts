// fast-check arbitraries for tiny publications (at most 9 inner cells), small enough for the
// brute-force oracle: one to three sections, one to three dimensions, and tables that share margins.
import fc from 'fast-check';
import type { PublicationInput, TableSpec } from '../src/index.ts';

type Shape = { sections: number; sizes: number[]; tables: number[][] };

const shapes: Shape[] = [
  { sections: 1, sizes: [3, 3], tables: [[0, 1]] },
  { sections: 3, sizes: [3], tables: [[0]] },
  { sections: 2, sizes: [2, 2], tables: [[0, 1]] },
  { sections: 3, sizes: [3], tables: [[0]] },
  {
    sections: 1,
    sizes: [2, 2, 2],
    tables: [
      [0, 1],
      [0, 2],
    ],
  },
  { sections: 2, sizes: [2, 2], tables: [[0], [1]] },
  { sections: 1, sizes: [2, 4], tables: [[0, 1]] },
  { sections: 2, sizes: [4], tables: [[0]] },
];

/** Counts up to `largest` (the oracle enumerates every completion, so keep it small there). */
export const tinyPublicationUpTo = (largest: number) =>
  fc
    .record({
      shape: fc.constantFrom(...shapes),
      counts: fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: largest })),
        { minLength: 9, maxLength: 9 },
      ),
      sensitive: fc.boolean(),
    })
    .map(({ shape, counts, sensitive }) => tiny(shape, counts, sensitive));

export const tinyPublication = tinyPublicationUpTo(14);

function tiny(shape: Shape, counts: number[], sensitive: boolean): PublicationInput {
  {
    const dimensions = shape.sizes.map((size, d) => ({
      id: `d${d}`,
      label: `D${d}`,
      categories: Array.from({ length: size }, (_, c) => ({ id: `c${c}`, label: `C${c}` })),
      // The last dimension carries the sensitive attribute when there is one.
      sensitive: sensitive && d === shape.sizes.length - 1,
    }));
    const sections = Array.from({ length: shape.sections }, (_, s) => ({
      id: `s${s}`,
      name: `S${s}`,
      households: 100,
      persons: 100,
    }));
    const inner: { section: string; categories: Record<string, string> }[] = [];
    for (const section of sections) {
      let combos: Record<string, string>[] = [{}];
      for (const dimension of dimensions)
        combos = combos.flatMap((combo) =>
          dimension.categories.map((c) => ({ ...combo, [dimension.id]: c.id })),
        );
      for (const categories of combos) inner.push({ section: section.id, categories });
    }
    const tables: TableSpec[] = shape.tables.map((dims, t) => ({
      id: `t${t}`,
      title: `T${t}`,
      population: 'p',
      dimensions: dims.map((d) => `d${d}`),
    }));
    return {
      settlement: { id: 'all', name: 'All' },
      sections,
      populations: [
        {
          id: 'p',
          unit: 'person',
          dimensions,
          counts: inner.map((cell, k) => ({ ...cell, count: counts[k]! })),
        },
      ],
      tables,
    };
  }
}

/** Rules for tiny tables: no section is merged, so the small hierarchy stays as generated. */
export const tinyRules = { minHouseholds: 0, minPersons: 0 };
