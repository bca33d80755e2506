import type { ConsentPurpose, HouseholdCounts } from '@coproduce/contract';
import type { Tx } from '../db/connect.ts';
import { householdCountsOf, type RoundRow } from './queries.ts';

type Counts = HouseholdCounts['total'];
const zero = (): Counts => ({ households: 0, persons: 0, refused: 0, absent: 0, vacant: 0 });

/**
 * A round's households and persons by section, for one purpose: only households whose consent
 * covers it are counted (records/consent.ts), so a withdrawal leaves the figures at once. A
 * household without consent (refused, absent, vacant) is counted only when no purpose is asked.
 */
export async function householdCounts(
  db: Tx,
  round: RoundRow,
  purpose: ConsentPurpose | null,
): Promise<HouseholdCounts> {
  const { households, persons } = await householdCountsOf(db, round.workspace_id, round.id, purpose);
  const bySection = new Map<string | null, Counts>();
  const at = (sectionId: string | null) => {
    const known = bySection.get(sectionId);
    if (known) return known;
    const counts = zero();
    bySection.set(sectionId, counts);
    return counts;
  };
  for (const row of households) {
    const key = row.outcome === 'enumerated' ? 'households' : row.outcome;
    at(row.section_id)[key] += Number(row.n);
  }
  for (const row of persons) at(row.section_id).persons += Number(row.n);
  const total = zero();
  const sections = [...bySection].map(([sectionId, counts]) => {
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
    return { sectionId, ...counts };
  });
  sections.sort((a, b) => (a.sectionId ?? '~').localeCompare(b.sectionId ?? '~'));
  return { purpose, total, sections };
}
