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

/** A round that is over counts the structures numbered by its last day; one under way, all. */
function numberedBy(round: RoundRow): string | null {
  if (!round.end_date || !['published', 'closed'].includes(round.status)) return null;
  return `${round.end_date}T23:59:59.999Z`;
}

/**
 * Structures of the settlement per section by what the round's households say of them: none yet
 * ("numbered" only), some and none disputed nor all verified ("enumerated"), all confirmed or
 * corrected ("verified"), or one disputed ("disputed"). One grouped join of two covering indexes.
 */
async function structuresInRound(db: Tx, workspaceId: string, settlementId: string, round: RoundRow) {
  const households = db
    .selectFrom('households')
    .select((eb) => [
      'structure_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(
          eb.case().when('verification_status', 'in', ['confirmed', 'corrected']).then(1).else(0).end(),
        )
        .as('verified'),
      eb.fn
        .sum<number>(eb.case().when('verification_status', '=', 'disputed').then(1).else(0).end())
        .as('disputed'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', round.id)
    .where('deleted_at', 'is', null)
    .groupBy('structure_id')
    .as('h');
  const cutoff = numberedBy(round);
  let query = db
    .selectFrom('structures as s')
    .leftJoin(households, 'h.structure_id', 's.id')
    .select((eb) => [
      's.section_id',
      eb
        .case()
        .when('h.structure_id', 'is', null)
        .then('numbered')
        .when('h.disputed', '>', 0)
        .then('disputed')
        .when(eb.ref('h.verified'), '=', eb.ref('h.n'))
        .then('verified')
        .else('enumerated')
        .end()
        .$castTo<'numbered' | 'enumerated' | 'verified' | 'disputed'>()
        // Not "status": PostgreSQL would group by the structures' own column of that name.
        .as('in_round'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.settlement_id', '=', settlementId)
    .where('s.deleted_at', 'is', null)
    .groupBy(['s.section_id', 'in_round']);
  if (cutoff)
    query = query.where((eb) => eb.or([eb('s.numbered_at', 'is', null), eb('s.numbered_at', '<=', cutoff)]));
  return (await query.execute()).map((r) => ({ section_id: r.section_id, status: r.in_round, n: r.n }));
}

/** Structures per section by their status as it stands now (a settlement with no round yet). */
function structuresNow(db: Tx, workspaceId: string, settlementId: string) {
  return db
    .selectFrom('structures')
    .select(['section_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .groupBy(['section_id', 'status'])
    .execute();
}

/**
 * Coverage of one round per section, from two grouped counts: structures by what the round's
 * households say of them (structuresInRound; by their status now when there is no round), and the
 * round's households by section, outcome and verification, each answered from indexes. With a
 * purpose (a partner's or member's read), households count only when their consent covers it;
 * the structure columns are the structures' own facts and are not narrowed.
 */
export async function coverageOf(
  db: Tx,
  workspaceId: string,
  settlementId: string,
  round: RoundRow | null,
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
  const structures = round
    ? await structuresInRound(db, workspaceId, settlementId, round)
    : await structuresNow(db, workspaceId, settlementId);
  for (const row of structures) {
    const counts = at(row.section_id);
    const n = Number(row.n);
    counts.structures += n;
    counts[row.status] += n;
  }
  if (round) {
    let query = db
      .selectFrom('households')
      .select(['section_id', 'outcome', 'verification_status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('round_id', '=', round.id)
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
