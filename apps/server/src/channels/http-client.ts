// The one way adapters reach a provider: an injected client, so tests point it at the local fakes
// and nothing in the adapters is global.
import type { HttpClient, HttpRequest, HttpResponse } from './types.ts';

export class HttpFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

/** fetch with a deadline. Providers want answers in seconds; a stuck call must not hold a round. */
export function fetchHttpClient(options: { timeoutMs: number }): HttpClient {
  return {
    async send(request: HttpRequest): Promise<HttpResponse> {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'manual',
        });
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new HttpFailure(
            'timeout',
            `No answer from ${new URL(request.url).host} in ${options.timeoutMs} ms`,
          );
        throw new HttpFailure(
          'network',
          `Could not reach ${new URL(request.url).host}: ${(error as Error).message}`,
        );
      }
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        const name = (error as { name?: string }).name;
        throw new HttpFailure(
          name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
          `The answer from ${new URL(request.url).host} was cut off`,
        );
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body };
    },
  };
}
