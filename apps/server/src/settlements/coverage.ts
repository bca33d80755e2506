import type { ConsentPurpose, Coverage } from '@coproduce/contract';
import type { Selectable } from 'kysely';
import type { Tx } from '../db/connect.ts';
import type { RoundsTable } from '../db/settlement-schema.ts';
import { consentedFor } from '../records/consent.ts';
import type { SectionRow } from './queries.ts';

export type RoundRow = Selectable<RoundsTable>;
type Counts = Coverage['total'];
const zero = (): Counts => ({
  structures: 0,
  numbered: 0,
  enumerated: 0,
  verified: 0,
  disputed: 0,
  households: 0,
  refused: 0,
  absent: 0,
  vacant: 0,
  householdsVerified: 0,
});

export function roundsOf(db: Tx, workspaceId: string, settlementId: string) {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The newest round under way (numbering, enumerating or verifying) that uses this form. */
export function openRoundOfForm(db: Tx, workspaceId: string, formId: string) {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('status', 'in', ['numbering', 'enumerating', 'verifying'])
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Coverage of one round per section, from two grouped counts (structures by section and status,
 * households of the round by section, outcome and verification), each answered by an index. With
 * a purpose (a partner's or member's read), households count only when their consent covers it.
 */
export async function coverageOf(
  db: Tx,
  workspaceId: string,
  settlementId: string,
  roundId: string | null,
  sections: SectionRow[],
  purpose: ConsentPurpose | null = null,
) {
  const bySection = new Map<string | null, Counts>();
  const at = (sectionId: string | null) => {
    const known = bySection.get(sectionId);
    if (known) return known;
    const counts = zero();
    bySection.set(sectionId, counts);
    return counts;
  };
  for (const section of sections) at(section.id);
  const structures = await db
    .selectFrom('structures')
    .select(['section_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .groupBy(['section_id', 'status'])
    .execute();
  for (const row of structures) {
    const counts = at(row.section_id);
    const n = Number(row.n);
    counts.structures += n;
    counts[row.status] += n;
  }
  if (roundId) {
    let query = db
      .selectFrom('households')
      .select(['section_id', 'outcome', 'verification_status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('round_id', '=', roundId)
      .where('deleted_at', 'is', null)
      .groupBy(['section_id', 'outcome', 'verification_status']);
    if (purpose) query = consentedFor(query, purpose);
    const households = await query.execute();
    for (const row of households) {
      const counts = at(row.section_id);
      const n = Number(row.n);
      if (row.outcome === 'enumerated') counts.households += n;
      else counts[row.outcome] += n;
      if (row.verification_status === 'confirmed' || row.verification_status === 'corrected')
        counts.householdsVerified += n;
    }
  }
  const codes = new Map(sections.map((s) => [s.id, s.code]));
  const total = zero();
  const rows = [...bySection].map(([sectionId, counts]) => {
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
    return { sectionId, code: sectionId ? (codes.get(sectionId) ?? null) : null, ...counts };
  });
  rows.sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~'));
  return { total, sections: rows };
}
