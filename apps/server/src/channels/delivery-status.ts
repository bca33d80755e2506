// Delivery statuses arrive late, twice and out of order (a `sent` after its `delivered`). Keeping
// the furthest one makes the result independent of arrival order: the merge is commutative,
// associative and idempotent. `failed` beats queued and sent but not delivered or read, which are
// proof that the person got the message.
import type { DeliveryStatus } from './types.ts';

const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, failed: 2, delivered: 3, read: 4 };

export function mergeDeliveryStatus(
  current: DeliveryStatus | undefined,
  incoming: DeliveryStatus,
): DeliveryStatus {
  if (current === undefined) return incoming;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/** Whether a later status can still change this one. */
export const isFinalStatus = (status: DeliveryStatus): boolean => status === 'read';
