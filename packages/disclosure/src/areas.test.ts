import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeSmallSections, OTHER_SECTIONS, type Section } from './index.ts';

const section = (id: string, households: number, persons: number): Section => ({
  id,
  name: id,
  households,
  persons,
});

describe('mergeSmallSections', () => {
  it('keeps sections big enough and merges the others into one group', () => {
    const areas = mergeSmallSections(
      [
        section('a', 30, 90),
        section('b', 19, 90),
        section('c', 40, 49),
        section('d', 25, 60),
        section('e', 30, 80),
      ],
      DEFAULT_RULES,
    );
    expect(areas.map((area) => [area.id, area.sections])).toEqual([
      ['a', ['a']],
      ['d', ['d']],
      ['e', ['e']],
      [OTHER_SECTIONS, ['b', 'c']],
    ]);
    expect(areas.at(-1)).toMatchObject({ kind: 'other-sections', households: 59, persons: 139 });
  });

  it('adds the smallest remaining section while the group is still too small', () => {
    const areas = mergeSmallSections(
      [section('a', 5, 10), section('b', 50, 200), section('c', 21, 51)],
      DEFAULT_RULES,
    );
    expect(areas.map((area) => area.id)).toEqual(['b', OTHER_SECTIONS]);
    expect(areas[1]!.sections).toEqual(['a', 'c']);
  });

  it('never leaves an area below the minimum unless it is the whole settlement, in any input order', () => {
    const sections = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        households: fc.nat(60),
        persons: fc.nat(150),
      }),
      { selector: (s) => s.id, minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(sections, (list) => {
        const areas = mergeSmallSections(
          list.map((s) => ({ ...s, name: s.id })),
          DEFAULT_RULES,
        );
        expect(areas.flatMap((area) => area.sections).sort()).toEqual(list.map((s) => s.id).sort());
        const small = areas.filter((area) => area.households < 20 || area.persons < 50);
        if (small.length > 0) expect(areas).toHaveLength(1);
        expect(
          mergeSmallSections(
            [...list].reverse().map((s) => ({ ...s, name: s.id })),
            DEFAULT_RULES,
          ),
        ).toEqual(areas);
      }),
    );
  });
});
