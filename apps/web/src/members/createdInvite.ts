import type { CreatedInvite } from '@coproduce/contract';

/**
 * The invite just created, with its code. The server keeps only a hash of the code, so the slip
 * can be printed only now: this lives in memory and is gone after a reload, on purpose.
 */
let latest: CreatedInvite | null = null;

export function keepCreatedInvite(invite: CreatedInvite): void {
  latest = invite;
}

export function createdInvite(): CreatedInvite | null {
  return latest;
}
