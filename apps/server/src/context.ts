import type { Role } from '@coproduce/contract';
import type { Logger } from 'pino';
import type { AuditAnchor } from './audit/checkpoints.ts';
import type { AuditKeys } from './audit/keys.ts';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { DatabaseKind, Db, Tx } from './db/connect.ts';
import type { ImportGate } from './forms/import-worker/run.ts';
import type { GroupCommit } from './http/group-commit.ts';
import type { Mailer } from './mail/mailer.ts';
import type { CompiledForms } from './submissions/compiled.ts';

/** What the server is made of; built once in main.ts (or a test) and passed down explicitly. */
export interface ServerDeps {
  db: Db;
  /** Reads that must not hold SQLite's writer (GET requests, exports): see db/connect.ts. */
  readDb: Db;
  databaseKind: DatabaseKind;
  clock: Clock;
  log: Logger;
  config: ServerConfig;
  secret: string;
  mailer: Mailer;
  /** Keys kept outside the database that seal the audit chain and sign its checkpoints. */
  auditKeys: AuditKeys;
  /** The newest signed chain heads, written beside the keys after commits. */
  auditAnchor: AuditAnchor;
  /** One transaction for many concurrent ingest requests (http/group-commit.ts). */
  groupCommit: GroupCommit;
  /** Published form versions compiled for validation, kept because versions never change. */
  compiledForms: CompiledForms;
  /** Reads uploaded workbooks in child processes, a bounded number at once (forms/import-worker/). */
  imports: ImportGate;
}

/** Who is calling: a signed-in account, through a session cookie or an API token. */
export interface Actor {
  accountId: string;
  displayName: string;
  isAdmin: boolean;
  sessionId: string | null;
  tokenId: string | null;
}

/** The caller's place in the workspace named by the path (API tokens may narrow the role). */
export interface Membership {
  workspaceId: string;
  /** For a phone's device access, the access's id: it is no member, and reaches no member endpoint. */
  membershipId: string;
  personId: string;
  role: Role;
  /** Set for a phone's device access: the forms it may collect, instead of assignments. */
  device: { id: string; formIds: string[] } | null;
}

/** One audit entry the request will append when it succeeds (ids and field names only). */
export interface AuditIntent {
  action: string;
  entityType: string;
  entityId: string | null;
  fields?: string[];
  /** Set when the event belongs to a workspace other than the path's, e.g. redeeming an invite. */
  workspaceId?: string | null;
  /** The person this one record was written for, when it differs from the request's on-behalf-of. */
  onBehalfOfPersonId?: string | null;
}

/** Passed to every handler: the transaction, the caller, and the request's own bookkeeping. */
export interface RequestContext {
  deps: ServerDeps;
  db: Tx;
  clock: Clock;
  now: string;
  actor: Actor | null;
  membership: Membership | null;
  onBehalfOfPersonId: string | null;
  address: string;
  userAgent: string | null;
  /** The revision for every row this request writes (one per transaction, in commit order). */
  revision(): Promise<string>;
  /** Record an audit entry for one record written; appended after the handler, in the same transaction, in order. */
  audit(intent: AuditIntent): void;
  /** Say that a write request changed nothing (e.g. a replayed create), so no audit entry is due. */
  unchanged(): void;
}
