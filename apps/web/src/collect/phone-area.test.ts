import type { Assignment, Boundary, Section, Structure } from '@coproduce/contract';
import { expect, it } from 'vitest';
import { type CollectCache, emptyCache } from '../offline/download.ts';
import { areaOf } from './phone-area.ts';

const square = (lon: number, lat: number, size: number): Boundary =>
  ({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  }) as Boundary;
const section = (id: string, settlementId: string, boundary: Boundary | null) =>
  ({ id, settlementId, code: id.toUpperCase(), boundary }) as Section;
const structure = (id: string, point: Structure['point']) =>
  ({ id, settlementId: 'sonop', number: id, point }) as Structure;
const assignment = (settlementId: string | null, sectionId: string | null) =>
  ({ id: 'as1', formId: 'f1', settlementId, sectionId, status: 'active' }) as Assignment;

function cache(boundary: Boundary | null): CollectCache {
  const c = emptyCache();
  c.settlements = {
    sonop: { id: 'sonop', name: 'Sonop', boundary } as CollectCache['settlements'][string],
  };
  c.sections = {
    a: section('a', 'sonop', square(18.6, -33.9, 0.001)),
    b: section('b', 'sonop', null),
    elsewhere: section('elsewhere', 'kosovo', square(18.5, -34, 0.001)),
  };
  return c;
}

it('draws the settlement and its own sections, and opens on the assigned section', () => {
  const placed = [structure('s1', { lat: -33.8995, lon: 18.6005 })];
  const area = areaOf(cache(square(18.6, -33.9, 0.002)), assignment('sonop', 'a'), placed);
  expect(area?.sections.map((s) => s.id).sort()).toEqual(['a', 'b']);
  expect(area?.focus).toEqual(square(18.6, -33.9, 0.001));
  expect(area?.boundary).toEqual(square(18.6, -33.9, 0.002));
  expect(area?.structures).toBe(placed);
});

it('opens on the whole settlement when the assignment names no section', () => {
  expect(areaOf(cache(null), assignment('sonop', null), [])?.focus).toBeNull();
});

it('has no map without a settlement on the phone, or with nothing of it to draw', () => {
  expect(areaOf(cache(null), undefined, [])).toBeNull();
  expect(areaOf(cache(null), assignment(null, null), [])).toBeNull();
  expect(areaOf(cache(null), assignment('kosovo', null), [])).toBeNull();
  const bare = cache(null);
  bare.sections = { b: section('b', 'sonop', null) };
  expect(areaOf(bare, assignment('sonop', 'b'), [structure('s1', null)])).toBeNull();
  // A structure with a point is enough to draw around.
  expect(areaOf(bare, assignment('sonop', 'b'), [structure('s2', { lat: -33.9, lon: 18.6 })])).not.toBeNull();
});
