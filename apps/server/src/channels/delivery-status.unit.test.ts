import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDeliveryStatus } from './delivery-status.ts';
import type { DeliveryStatus } from './types.ts';

const status = fc.constantFrom<DeliveryStatus>('queued', 'sent', 'delivered', 'read', 'failed');

describe('delivery statuses out of order', () => {
  it('keeps delivered when sent and queued arrive after it', () => {
    const merged = (['delivered', 'sent', 'queued'] as const).reduce<DeliveryStatus | undefined>(
      (current, next) => mergeDeliveryStatus(current, next),
      undefined,
    );
    expect(merged).toBe('delivered');
  });

  it('lets failed replace queued and sent, but not delivered or read', () => {
    expect(mergeDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(mergeDeliveryStatus('failed', 'sent')).toBe('failed');
    expect(mergeDeliveryStatus('delivered', 'failed')).toBe('delivered');
    expect(mergeDeliveryStatus('failed', 'read')).toBe('read');
  });

  it('property: any arrival order, with duplicates, gives the same final status', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 12 }), fc.integer(), (statuses, seed) => {
        const shuffled = [...statuses, ...statuses.slice(0, 3)]
          .map((s, i) => ({ s, key: (seed * (i + 7919)) % 1009 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.s);
        const fold = (list: DeliveryStatus[]) =>
          list.reduce<DeliveryStatus | undefined>(
            (current, next) => mergeDeliveryStatus(current, next),
            undefined,
          );
        expect(fold(shuffled)).toBe(fold(statuses));
      }),
    );
  });

  it('property: the merge is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(status, status, status, (a, b, c) => {
        expect(mergeDeliveryStatus(a, b)).toBe(mergeDeliveryStatus(b, a));
        expect(mergeDeliveryStatus(mergeDeliveryStatus(a, b), c)).toBe(
          mergeDeliveryStatus(a, mergeDeliveryStatus(b, c)),
        );
        expect(mergeDeliveryStatus(a, a)).toBe(a);
      }),
    );
  });
});
