// Plumbing shared by the provider fakes: a node:http server on loopback that records every call,
// plays scripted failures in order, and can hold a response open to simulate a timeout; and the
// webhook client half, which posts exactly the bytes it signed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Runs after the answer went out (not `then`: that would make the answer a thenable): what the provider does next (status callbacks). */
  afterwards?: () => Promise<unknown>;
}

/** Failures every fake can script; provider-specific ones are added by each fake. */
export type CommonFailure =
  | { status: 429 | 500 | 502 | 503; retryAfter?: number }
  | { timeout: true; holdMs?: number };

export interface FakeServer<F> {
  url: string;
  requests: RecordedRequest[];
  /** The next calls fail, one failure each, in this order. */
  failNext(...failures: F[]): void;
  /** Background work started by answers (status callbacks) has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

export async function startFakeServer<F>(
  handle: (request: RecordedRequest, failure: F | undefined) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeServer<F>> {
  const requests: RecordedRequest[] = [];
  const failures: F[] = [];
  const background = new Set<Promise<unknown>>();
  const held = new Set<ServerResponse>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: headersOf(incoming),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const failure = failures.shift();
      if (failure && typeof failure === 'object' && 'timeout' in failure) {
        held.add(response);
        const holdMs = (failure as { holdMs?: number }).holdMs;
        if (holdMs !== undefined)
          setTimeout(() => {
            held.delete(response);
            if (!response.writableEnded) response.writeHead(504).end();
          }, holdMs).unref();
        return;
      }
      let answer: FakeAnswer;
      try {
        answer = await handle(recorded, failure);
      } catch (error) {
        answer = { status: 500, body: `fake error: ${(error as Error).message}` };
      }
      response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
      if (answer.afterwards) {
        const work = answer.afterwards().finally(() => background.delete(work));
        background.add(work);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (...next) => failures.push(...next),
    settled: async () => {
      while (background.size) await Promise.allSettled([...background]);
    },
    close: async () => {
      for (const response of held) response.destroy();
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A webhook as the provider would send it: where it goes, and the exact bytes that were signed. */
export interface SignedWebhook {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Posts a signed webhook; posting the same one again is a duplicate delivery (a provider retry). */
export async function postWebhook(webhook: SignedWebhook): Promise<WebhookAnswer> {
  const response = await fetch(webhook.url, {
    method: webhook.method,
    headers: webhook.headers,
    body: webhook.method === 'POST' ? webhook.body : undefined,
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

/** Basic credentials from an Authorization header, or undefined. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});
