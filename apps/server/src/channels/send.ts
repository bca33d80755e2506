// The shared half of every adapter's `send`: render (pure), one HTTP call through the injected
// client, read the answer (pure). Timeouts and network failures become typed results, never throws.
import { HttpFailure } from './http-client.ts';
import type { ChannelAdapter, ChannelContext, FailureKind, Outbound, SendResult } from './types.ts';

export async function deliver(
  adapter: Pick<ChannelAdapter, 'render' | 'readSendResponse'>,
  context: ChannelContext,
  message: Outbound,
): Promise<SendResult> {
  const rendered = adapter.render(message, context.clock.now());
  if (!rendered.ok)
    return {
      ok: false,
      failure: rendered.failure,
      retryable: false,
      ambiguous: false,
      message: rendered.message,
    };
  try {
    const response = await context.http.send(rendered.request);
    return adapter.readSendResponse(response, rendered);
  } catch (error) {
    if (error instanceof HttpFailure)
      return {
        ok: false,
        failure: error.kind,
        retryable: true,
        // A request that timed out may have reached the provider; one that could not connect did not.
        ambiguous: error.kind === 'timeout',
        message: error.message,
      };
    throw error;
  }
}

/** Failures every provider shares, by HTTP status, when its own error code says nothing more. */
export function failureFromStatus(
  status: number,
  headers: Record<string, string>,
  message: string,
  providerCode?: string,
): Extract<SendResult, { ok: false }> {
  const retryAfter = Number(headers['retry-after']);
  const common = {
    ok: false as const,
    ambiguous: false,
    message,
    ...(providerCode ? { providerCode } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
  let failure: FailureKind;
  if (status === 429) failure = 'throttled';
  else if (status === 401 || status === 403) failure = 'auth';
  else if (status >= 500) failure = 'provider_error';
  else failure = 'rejected';
  return { ...common, failure, retryable: failure === 'throttled' || failure === 'provider_error' };
}

/** JSON.parse that returns undefined instead of throwing: provider error pages are often HTML. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
