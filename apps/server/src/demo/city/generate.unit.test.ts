import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateCity, sonopDemo } from './generate.ts';
import { area, distanceToEdge, inside, type Point, simple } from './test/polygon.ts';
import type { CitySettlementBundle, Polygon } from './types.ts';

const ringOf = (shape: Polygon) => shape.coordinates[0] as Point[];
type ListKey = Exclude<keyof CitySettlementBundle, 'index' | 'settlement'>;
type Row<K extends ListKey> = CitySettlementBundle[K][number];
const all = <K extends ListKey>(city: CitySettlementBundle[], key: K): Array<Row<K>> =>
  city.flatMap((bundle) => bundle[key] as Array<Row<K>>);
const hashOf = (bundles: Iterable<CitySettlementBundle>) => {
  const hash = createHash('sha256');
  for (const bundle of bundles) hash.update(JSON.stringify(bundle));
  return hash.digest('hex');
};
/** Object.groupBy is Node 21+. */
function groupBy<T>(rows: T[], key: (row: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const row of rows) {
    const list = groups[key(row)] ?? [];
    list.push(row);
    groups[key(row)] = list;
  }
  return groups;
}
const share = (count: number, of: number) => count / of;

/** Whole years from an ISO date to another. */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

describe('a generated city of 20,000 structures', () => {
  let city: CitySettlementBundle[];
  beforeAll(() => {
    city = [...generateCity({ settlements: 60, structures: 20_000, seed: 42 })];
  });

  it('has the settlements and exactly the structures asked for, heavy-tailed in size', () => {
    expect(city).toHaveLength(60);
    expect(city.map((b) => b.index)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const sizes = city.map((b) => b.structures.length).sort((a, b) => a - b);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect((sizes[59] as number) / (sizes[30] as number)).toBeGreaterThan(4);
    expect(new Set(city.map((b) => b.settlement.name)).size).toBe(60);
  });

  it('gives every record a valid, unique UUID', () => {
    const ids = city.flatMap((b) => [
      b.settlement.id,
      ...[
        b.sections,
        b.structures,
        b.facilities,
        b.observations,
        b.rounds,
        b.households,
        b.members,
        b.consents,
      ].flatMap((rows) => rows.map((row) => row.id)),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const uuid = z.uuid();
    for (const id of ids) expect(uuid.safeParse(id).success).toBe(true);
  });

  it('draws simple counterclockwise boundaries round Cape Town that do not overlap', () => {
    const rings = city.map((b) => ringOf(b.settlement.boundary));
    rings.forEach((ring, i) => {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(simple(ring)).toBe(true);
      expect(area(ring)).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(lon > 18.35 && lon < 18.85).toBe(true);
        expect(lat > -34.15 && lat < -33.75).toBe(true);
      }
      rings.forEach((other, j) => {
        if (i !== j) for (const vertex of ring) expect(inside(vertex, other)).toBe(false);
      });
    });
  });

  it('cuts each settlement into sections A, B, C… that lie inside it and fill it', () => {
    for (const b of city) {
      const whole = ringOf(b.settlement.boundary);
      expect(b.sections.map((s) => s.code).join('')).toBe(
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, b.sections.length),
      );
      let sum = 0;
      for (const section of b.sections) {
        const ring = ringOf(section.boundary);
        expect(simple(ring)).toBe(true);
        expect(area(ring)).toBeGreaterThan(0);
        sum += area(ring);
        for (const vertex of ring)
          expect(inside(vertex, whole) || distanceToEdge(vertex, whole) < 1e-9).toBe(true);
      }
      expect(sum / area(whole)).toBeCloseTo(1, 7);
      expect(b.settlement.areaHa).toBeGreaterThan(0);
    }
  });

  it('puts every structure and facility inside its section, numbered uniquely in its settlement', () => {
    for (const b of city) {
      const sections = new Map(b.sections.map((s) => [s.id, s]));
      const numbers = new Set<string>();
      for (const structure of b.structures) {
        const section = sections.get(structure.sectionId);
        expect(section).toBeDefined();
        expect(inside([structure.lon, structure.lat], ringOf(section!.boundary))).toBe(true);
        expect(structure.number).toMatch(new RegExp(`^${section!.code}-\\d{4}$`));
        expect(structure.number.startsWith(b.settlement.numberPrefix)).toBe(true);
        numbers.add(structure.number);
      }
      expect(numbers.size).toBe(b.structures.length);
      for (const facility of b.facilities)
        expect(inside([facility.lon, facility.lat], ringOf(sections.get(facility.sectionId)!.boundary))).toBe(
          true,
        );
    }
  });

  it('has households as research §8 describes them', () => {
    const structures = all(city, 'structures');
    const households = all(city, 'households');
    const members = all(city, 'members');
    const perStructure = new Map<string, number>();
    for (const h of households) perStructure.set(h.structureId, (perStructure.get(h.structureId) ?? 0) + 1);
    const lived = structures.filter((s) => (perStructure.get(s.id) ?? 0) > 0);
    expect(share(lived.filter((s) => perStructure.get(s.id)! >= 2).length, lived.length)).toBeGreaterThan(
      0.05,
    );
    expect(share(lived.filter((s) => perStructure.get(s.id)! >= 2).length, lived.length)).toBeLessThan(0.15);
    for (const s of structures) expect(s.statedHouseholds).toBe(perStructure.get(s.id) ?? 0);
    const nonResidential = share(structures.filter((s) => s.use !== 'residential').length, structures.length);
    expect(nonResidential).toBeGreaterThan(0.03);
    expect(nonResidential).toBeLessThan(0.1);
    const enumerated = households.filter((h) => h.outcome === 'enumerated');
    expect(share(enumerated.length, households.length)).toBeGreaterThan(0.85);
    const refused = share(households.filter((h) => h.outcome === 'refused').length, households.length);
    const absent = share(households.filter((h) => h.outcome === 'absent').length, households.length);
    expect(refused > 0.01 && refused < 0.05).toBe(true);
    expect(absent > 0.03 && absent < 0.1).toBe(true);
    const meanSize = members.length / enumerated.length;
    expect(meanSize).toBeGreaterThan(2.5);
    expect(meanSize).toBeLessThan(3.3);
    for (const b of city) expect(new Set(b.households.map((h) => h.pseudoId)).size).toBe(b.households.length);
  });

  it('keeps structure → households → members → consent consistent', () => {
    for (const b of city) {
      const round = b.rounds[0]!;
      expect(b.rounds).toHaveLength(1);
      expect(['enumerating', 'verifying']).toContain(round.status);
      const byHousehold = groupBy(b.members, (m) => m.householdId);
      const consents = new Map(b.consents.map((c) => [c.householdId, c]));
      const structures = new Map(b.structures.map((s) => [s.id, s]));
      for (const h of b.households) {
        expect(h.roundId).toBe(round.id);
        expect(structures.get(h.structureId)?.sectionId).toBe(h.sectionId);
        const list = byHousehold[h.id] ?? [];
        if (h.outcome !== 'enumerated') {
          expect(list).toHaveLength(0);
          expect(consents.has(h.id)).toBe(false);
          continue;
        }
        expect(consents.has(h.id)).toBe(true);
        expect(list.map((m) => m.position)).toEqual(Array.from({ length: list.length }, (_, i) => i + 1));
        expect(h.sizeStated).toBe(list.length);
        const head = list[0]!;
        expect(head.relationship).toBe('head');
        expect(head.age).toBeGreaterThanOrEqual(18);
        expect(head.sex).toBe(h.headSex);
        for (const m of list) {
          expect(Number.isInteger(m.age) && m.age >= 0 && m.age <= 100).toBe(true);
          if (m.birthDate) expect(ageOn(m.birthDate, round.startDate)).toBe(m.age);
          if (m.relationship === 'child') expect(m.age).toBeLessThanOrEqual(head.age - 16);
        }
      }
    }
  });

  it('has people, consent and stated counts at plausible rates', () => {
    const members = all(city, 'members');
    const disability = share(members.filter((m) => m.disability === 1).length, members.length);
    expect(disability > 0.04 && disability < 0.09).toBe(true);
    const female = share(members.filter((m) => m.sex === 'female').length, members.length);
    expect(female > 0.45 && female < 0.55).toBe(true);
    expect(share(members.filter((m) => m.birthDate === null).length, members.length)).toBeLessThan(0.2);
    const consents = all(city, 'consents');
    expect(share(consents.filter((c) => c.withdrawnAt !== null).length, consents.length)).toBeLessThan(0.05);
    expect(consents.some((c) => c.withdrawnAt !== null)).toBe(true);
    expect(share(consents.filter((c) => c.photos).length, consents.length)).toBeLessThan(0.8);
    for (const c of consents) if (c.withdrawnAt) expect(c.withdrawnAt > c.givenAt).toBe(true);
    // Stated occupants against people enumerated, where every household of a structure answered.
    const counts = new Map<string, number>();
    const answered = new Map<string, boolean>();
    const perHousehold = groupBy(members, (m) => m.householdId);
    for (const h of all(city, 'households')) {
      counts.set(h.structureId, (counts.get(h.structureId) ?? 0) + (perHousehold[h.id]?.length ?? 0));
      answered.set(h.structureId, (answered.get(h.structureId) ?? true) && h.outcome === 'enumerated');
    }
    const full = all(city, 'structures').filter((s) => answered.get(s.id) === true);
    const differ = share(full.filter((s) => s.statedOccupants !== counts.get(s.id)).length, full.length);
    expect(differ > 0.02 && differ < 0.05).toBe(true);
  });

  it('serves households at Cape Town’s ratios, most facilities working', () => {
    const facilities = all(city, 'facilities');
    const households = all(city, 'households').length;
    const units = (types: string[]) =>
      facilities.filter((f) => types.includes(f.type)).reduce((sum, f) => sum + f.units, 0);
    const perToilet = households / units(['toilet', 'toilet_block']);
    const perTap = households / units(['tap', 'standpipe']);
    expect(perToilet > 3.5 && perToilet < 5.5).toBe(true);
    expect(perTap > 25 && perTap < 45).toBe(true);
    const working = share(facilities.filter((f) => f.functional).length, facilities.length);
    expect(working > 0.7 && working < 0.9).toBe(true);
    expect(facilities.some((f) => f.type === 'skip') && facilities.some((f) => f.type === 'light')).toBe(
      true,
    );
    for (const f of facilities) expect(f.toiletType === null).toBe(!f.type.startsWith('toilet'));
    const observations = groupBy(all(city, 'observations'), (o) => o.facilityId);
    for (const f of facilities) {
      const seen = observations[f.id] ?? [];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)?.functional).toBe(f.functional);
      expect(seen.at(-1)?.observedAt).toBe(f.observedAt);
    }
  });

  it('names a few conflicting answers of real households', () => {
    const conflicts = all(city, 'conflicts');
    const households = new Map(all(city, 'households').map((h) => [h.id, h]));
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.length).toBeLessThan(households.size * 0.01);
    for (const c of conflicts) {
      const h = households.get(c.recordId);
      expect(h?.outcome).toBe('enumerated');
      expect(c.values[0]).toBe(h?.[c.field]);
      expect(c.values[1]).not.toBe(c.values[0]);
    }
  });
});

describe('generation', () => {
  it('is the same for the same seed and sizes, and different for another seed', () => {
    const request = { settlements: 8, structures: 2_000, seed: 7 };
    const first = hashOf(generateCity(request));
    expect(hashOf(generateCity(request))).toBe(first);
    expect(hashOf(generateCity({ ...request, seed: 8 }))).not.toBe(first);
  });

  it('refuses fewer structures than settlements', () => {
    expect(() => [...generateCity({ settlements: 5, structures: 4, seed: 1 })]).toThrow(RangeError);
    expect(() => [...generateCity({ settlements: 0, structures: 4, seed: 1 })]).toThrow(RangeError);
  });

  it('makes the Sonop demo: one settlement of about 300 structures, the same for a seed', () => {
    const sonop = sonopDemo(3);
    expect(sonop.settlement.name).toBe('Sonop');
    expect(sonop.structures.length).toBeGreaterThanOrEqual(290);
    expect(sonop.structures.length).toBeLessThanOrEqual(310);
    expect(sonop.sections.length).toBeGreaterThan(1);
    expect(sonop.households.length).toBeGreaterThan(sonop.structures.length * 0.9);
    expect(hashOf([sonopDemo(3)])).toBe(hashOf([sonop]));
    expect(hashOf([sonopDemo(4)])).not.toBe(hashOf([sonop]));
  });
});
