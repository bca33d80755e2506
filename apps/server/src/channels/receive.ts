// The webhook path every channel shares, pure: handshake, then verify, then parse. The caller has
// already stored the raw request; it then stores `inbound` (deduplicating on `dedupKey`) and
// answers with `adapter.ack(...)`. Rejections and malformed payloads come back with the answer the
// provider expects (a forged call is refused; a signed but unreadable one is acknowledged so the
// provider does not retry it for days) and a reason to log.
import type { ChannelAdapter, Inbound, RawRequest, RawResponse, RejectReason } from './types.ts';

export type WebhookOutcome =
  | { outcome: 'handshake'; response: RawResponse }
  | { outcome: 'rejected'; reason: RejectReason; response: RawResponse }
  | { outcome: 'malformed'; problem: string; response: RawResponse }
  | { outcome: 'accepted'; inbound: Inbound[] };

export function receiveWebhook(adapter: ChannelAdapter, request: RawRequest): WebhookOutcome {
  const handshake = adapter.handshake?.(request);
  if (handshake) return { outcome: 'handshake', response: handshake };
  const verification = adapter.verify(request);
  if (!verification.ok)
    return {
      outcome: 'rejected',
      reason: verification.reason,
      response: adapter.ack({ kind: 'rejected', reason: verification.reason }),
    };
  let parsed: ReturnType<ChannelAdapter['parse']>;
  try {
    parsed = adapter.parse(request);
  } catch (error) {
    // Parsers return typed results; a throw is a bug, still answered as malformed rather than a 500.
    parsed = { ok: false, problem: `parser failed: ${(error as Error).message}` };
  }
  if (!parsed.ok)
    return { outcome: 'malformed', problem: parsed.problem, response: adapter.ack({ kind: 'malformed' }) };
  return { outcome: 'accepted', inbound: parsed.inbound };
}

/** A RawRequest from what an HTTP server hands over (Node's IncomingMessage or Fastify's request.raw). */
export function rawRequestFrom(
  incoming: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> },
  body: Buffer,
  receivedAt: Date,
): RawRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers, body, receivedAt };
}
