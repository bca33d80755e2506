import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cityId, pseudonym } from './ids.ts';

describe('city ids', () => {
  it('are valid UUIDs (version 8), the same for the same inputs and different otherwise', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('structure', 'member'),
        fc.array(fc.nat(), { maxLength: 3 }),
        (seed, kind, position) => {
          const id = cityId(seed, kind, ...position);
          expect(z.uuid().safeParse(id).success).toBe(true);
          expect(id[14]).toBe('8');
          expect('89ab').toContain(id[19]);
          expect(cityId(seed, kind, ...position)).toBe(id);
          expect(cityId(seed + 1, kind, ...position)).not.toBe(id);
          expect(cityId(seed, `${kind}s`, ...position)).not.toBe(id);
        },
      ),
    );
    expect(cityId(1, 'member', 1, 23)).not.toBe(cityId(1, 'member', 12, 3));
  });

  it('household pseudonyms never repeat within a round', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => pseudonym(i, 48_271, 12_345));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes.slice(0, 50)) expect(code).toMatch(/^H-[0-9A-Z]{8}$/);
  });
});
