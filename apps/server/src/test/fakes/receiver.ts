// The side of a webhook that Coproduce will be: a loopback HTTP server that hands each request to
// an adapter through `receiveWebhook` and answers with the adapter's `ack`. Tests and the transport
// benchmark point the provider fakes at it; it keeps what it received so they can check it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawRequestFrom, receiveWebhook, type WebhookOutcome } from '../../channels/receive.ts';
import type { ChannelAdapter, RawRequest, RawResponse, Reply, UssdHop } from '../../channels/types.ts';
import type { Clock } from '../../clock.ts';

export interface Received {
  request: RawRequest;
  outcome: WebhookOutcome;
  response: RawResponse;
  /** Time spent in handshake, verify, parse and ack, in milliseconds. */
  handlingMs: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Adapters by path prefix, e.g. { '/hooks/twilio': adapter }. */
  routes: Record<string, ChannelAdapter>;
  clock: Clock;
  /** The next USSD screen; without it a hop is answered with an END. */
  screen?: (hop: UssdHop) => { text: string; end: boolean };
  /** Called for every webhook instead of keeping it in `received` (the benchmark counts as it goes). */
  onReceived?: (received: Received) => void;
}

function replyFor(
  outcome: Extract<WebhookOutcome, { outcome: 'accepted' }>,
  options: ReceiverOptions,
): Reply {
  const hop = outcome.inbound.find((inbound): inbound is UssdHop => inbound.kind === 'ussd');
  if (!hop) return { kind: 'accepted' };
  const next = options.screen?.(hop) ?? { text: '', end: true };
  return { kind: 'screen', ...next };
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const start = process.hrtime.bigint();
      const request = rawRequestFrom(incoming, Buffer.concat(chunks), options.clock.now());
      // Looked up per request, so routes may be added after the receiver started (adapters need its URL).
      const prefix = Object.keys(options.routes)
        .sort((a, b) => b.length - a.length)
        .find((p) => request.url.startsWith(p));
      if (!prefix) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no such hook');
        return;
      }
      const adapter = options.routes[prefix]!;
      const outcome = receiveWebhook(adapter, request);
      const answer =
        outcome.outcome === 'accepted' ? adapter.ack(replyFor(outcome, options)) : outcome.response;
      const handlingMs = Number(process.hrtime.bigint() - start) / 1e6;
      const record = { request, outcome, response: answer, handlingMs };
      if (options.onReceived) options.onReceived(record);
      else received.push(record);
      response.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
