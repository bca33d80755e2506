import type { ColumnType } from 'kysely';
import type { FormTables } from '../forms/tables.ts';
import type { CollectionTables } from './collection-schema.ts';
import type { SettlementTables } from './settlement-schema.ts';

/**
 * Column conventions that let one query run on SQLite and PostgreSQL:
 * timestamps are ISO-8601 UTC text (they sort as text), booleans are 0/1 integers,
 * JSON is text, revisions are bigint (pg returns them as strings, SQLite as numbers).
 */
type Timestamp = string;
type Flag = number;
export type Revision = ColumnType<
  string | number | bigint,
  string | number | bigint,
  string | number | bigint
>;

/** Rows of workspace-owned tables: client-suppliable UUIDv7 id, revision, tombstone. */
export interface Syncable {
  workspace_id: string;
  id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  revision: Revision;
  deleted_at: Timestamp | null;
}

export interface AccountsTable {
  id: string;
  username: string | null;
  username_key: string | null;
  email: string | null;
  email_key: string | null;
  phone: string | null;
  phone_key: string | null;
  display_name: string;
  locale: string;
  password_hash: string;
  is_admin: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  address: string | null;
}

export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  workspace_id: string;
  person_id: string;
  role: string;
  delivery: string;
  email: string | null;
  secret_hash: string;
  code_hint: string | null;
  created_by_account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  redeemed_at: Timestamp | null;
  redeemed_by_account_id: string | null;
  revoked_at: Timestamp | null;
  /** JSON {method, witness?, note?, recordedBy}: set when the invite links an existing person record. */
  link_consent: string | null;
}

export interface ApiTokensTable {
  id: string;
  secret_hash: string;
  account_id: string;
  workspace_id: string;
  name: string;
  role: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RevisionCounterTable {
  id: number;
  value: Revision;
}

export interface AuditChainHeadsTable {
  chain: string;
  sequence: number;
  hash: string;
}

export interface AuditEntriesTable {
  id: string;
  chain: string;
  sequence: number;
  workspace_id: string | null;
  actor_account_id: string | null;
  on_behalf_of_person_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  fields: string;
  occurred_at: Timestamp;
  canonical: string;
  previous_hash: string;
  hash: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  default_locale: string;
  time_zone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  revision: Revision;
  deleted_at: Timestamp | null;
}

export interface MembershipsTable extends Syncable {
  account_id: string;
  person_id: string;
  role: string;
}

export interface PeopleTable extends Syncable {
  display_name: string;
  display_name_key: string;
  legal_name: string | null;
  legal_name_key: string | null;
  languages: string;
  contact_channels: string;
  access_needs: string;
  notes: string;
  account_id: string | null;
  created_by_account_id: string | null;
  updated_by_account_id: string | null;
}

/** Every table: the foundation's below, the forms' (forms/tables.ts) and collection's (collection-schema.ts). */
export interface Database extends CollectionTables, FormTables, SettlementTables {
  accounts: AccountsTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  invites: InvitesTable;
  api_tokens: ApiTokensTable;
  revision_counter: RevisionCounterTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_entries: AuditEntriesTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  people: PeopleTable;
}
