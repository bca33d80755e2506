import type { ConsentPurpose } from '@coproduce/contract';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * THE one place that writes a consent-purpose filter (issue #8, point 6). Every query that serves
 * a purpose — a listing asked for one, a partner's aggregates, an export — passes its households
 * query through `consentedFor`, which keeps only households whose consent ticks the purpose and
 * has not been withdrawn. A household without consent (refused, absent, vacant) never passes.
 *
 * It is a semi-join (`exists`), not a join: the query's columns and row count stay the same, and
 * the consents_household index (workspace, household, withdrawn_at) answers it per household.
 */
export const purposeColumns = {
  community_planning: 'community_planning',
  municipality_aggregates: 'municipality_aggregates',
  housing_list: 'housing_list',
  photos: 'photos',
  recontact: 'recontact',
} as const satisfies Record<ConsentPurpose, string>;

export function consentedFor<TB extends keyof Database, O>(
  query: SelectQueryBuilder<Database, TB | 'households', O>,
  purpose: ConsentPurpose,
): SelectQueryBuilder<Database, TB | 'households', O> {
  const column = sql.ref(`consents.${purposeColumns[purpose]}`);
  return query.where(
    sql<boolean>`exists (select 1 from consents where consents.workspace_id = households.workspace_id
      and consents.household_id = households.id and ${column} = 1 and consents.withdrawn_at is null)`,
  );
}
