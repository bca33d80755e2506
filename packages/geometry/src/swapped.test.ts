import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BBox, looksSwapped, type Position } from './index.ts';

const capeTown: BBox = [18.3, -34.1, 18.7, -33.8];

describe('looksSwapped', () => {
  it('sees a Cape Town file written as [lat, lon] against the settlement box', () => {
    expect(
      looksSwapped(
        [
          [-33.9, 18.4],
          [-33.91, 18.41],
        ],
        capeTown,
      ),
    ).toBe(true);
    expect(
      looksSwapped(
        [
          [18.4, -33.9],
          [18.41, -33.91],
        ],
        capeTown,
      ),
    ).toBe(false);
  });

  it('says false when only some positions would fit swapped, or the file is simply elsewhere', () => {
    expect(
      looksSwapped(
        [
          [-33.9, 18.4],
          [18.41, -33.91],
        ],
        capeTown,
      ),
    ).toBe(false);
    expect(looksSwapped([[28.04, -26.2]], capeTown)).toBe(false);
    expect(looksSwapped([], capeTown)).toBe(false);
  });

  it('without a box, only when a latitude beyond ±90 would become a valid longitude', () => {
    expect(looksSwapped([[-33.9, 18.4]])).toBe(false);
    expect(
      looksSwapped([
        [-6.2, 106.8],
        [-6.21, 106.81],
      ]),
    ).toBe(true);
    expect(looksSwapped([[120, 106.8]])).toBe(false);
    expect(
      looksSwapped([
        [-6.2, 106.8],
        [-6.21, 200],
      ]),
    ).toBe(false);
  });

  it('never calls valid positions inside the expected box swapped', () => {
    const inBox = fc.tuple(
      fc.double({ min: 18.3, max: 18.7, noNaN: true }),
      fc.double({ min: -34.1, max: -33.8, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(inBox as fc.Arbitrary<Position>, { minLength: 1 }), (positions) => {
        expect(looksSwapped(positions, capeTown)).toBe(false);
        expect(looksSwapped(positions)).toBe(false);
        expect(
          looksSwapped(
            positions.map(([lon, lat]): Position => [lat, lon]),
            capeTown,
          ),
        ).toBe(true);
      }),
    );
  });
});
