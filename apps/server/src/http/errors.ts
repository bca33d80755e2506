import type { Duplex } from 'node:stream';
import { issueParams } from '@coproduce/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError } from '../errors.ts';
import { isOpenRosaClient, openRosaDocument, openRosaHeaders } from '../openrosa/response.ts';

const problemType = 'application/problem+json; charset=utf-8';

/**
 * Turns every failure into problem+json; unknown errors are logged and answered without details.
 * Unknown paths are answered in http/web.ts, which alone may set the not-found handler.
 */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toAppError(error);
    if (problem.status >= 500) request.log.error({ err: loggable(error) }, 'request failed');
    // A cookie set by a handler whose transaction then failed must not reach the client.
    reply.removeHeader('set-cookie');
    if (problem.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(problem.retryAfterSeconds));
    // ODK Collect shows the OpenRosa document's message; everyone else gets problem+json.
    if (isOpenRosaClient(request))
      return openRosaHeaders(reply)
        .code(problem.status)
        .type('text/xml; charset=utf-8')
        .send(openRosaDocument(problem.message, 'error'));
    return reply.code(problem.status).type(problemType).send(JSON.stringify(problem.toProblem()));
  });
}

/** Errors Fastify's router raises before any route runs (a malformed or over-long path). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError(
          'request.too_long',
          414,
          'A part of the address is too long: ids are at most 200 characters.',
          [{ path: 'params', message: 'at most 200 characters', code: 'too_big', params: { maximum: 200 } }],
        )
      : new AppError('request.invalid', 400, 'The address is not valid.', [
          { path: 'url', message: 'not a valid address', code: 'request.address' },
        ]);
  return reply.code(problem.status).type(problemType).send(JSON.stringify(problem.toProblem()));
}

/**
 * Requests Node refuses before Fastify sees them (headers or a query string over Node's header
 * limit, a broken request line) still get problem+json, written to the socket directly.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const problem = tooLarge
    ? new AppError(
        'request.too_large',
        431,
        'The address or the headers are too long (at most 16 KB together).',
      )
    : new AppError('request.invalid', 400, 'The request could not be read.');
  const body = JSON.stringify(problem.toProblem());
  socket.end(
    `HTTP/1.1 ${problem.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: ${problemType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * What of an unknown error may go to the log. PostgreSQL puts the offending row's values in
 * `detail` ("Failing row contains (…, legal name, …)") and drivers keep the query's parameters:
 * personal values that must never reach a log file. Name, code, message and stack stay.
 */
export function loggable(error: Error): Record<string, unknown> {
  const { code, constraint, table, column, routine } = error as Error & Record<string, unknown>;
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...Object.fromEntries(
      Object.entries({ code, constraint, table, column, routine }).filter(([, v]) => v !== undefined),
    ),
  };
}

/** V8's JSON messages quote the sent text ("\"abc\" is not valid JSON"): a fixed sentence instead. */
function invalidJson(): AppError {
  return new AppError('request.invalid', 400, 'The body is not valid JSON.', [
    { path: 'body', message: 'not valid JSON', code: 'body.not_json' },
  ]);
}

export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Paths name the request part as clients write it: body, query, params, headers.
    const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
    const errors = error.validation.flatMap((issue) => {
      const path = [where, ...issue.instancePath.split('/').filter(Boolean)].join('.');
      // An unknown field is named by its own path, so a client can point at exactly what to drop.
      const unknownKeys =
        issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : null;
      if (unknownKeys?.length)
        return unknownKeys.map((key) => ({
          path: `${path}.${key}`,
          message: `unknown field "${key}"`,
          code: 'unrecognized_keys',
        }));
      // A refinement of ours names its rule in params.code (e.g. text.bidi_control); zod's own issues keep zod's code.
      const own = (issue.params as { params?: { code?: unknown } } | undefined)?.params?.code;
      const code = typeof own === 'string' ? own : issue.keyword;
      return [{ path, message: issue.message ?? 'is not valid', code, ...issueParams(issue.params) }];
    });
    const first = errors[0];
    return new AppError(
      'request.invalid',
      400,
      first ? `${first.path}: ${first.message}` : 'The request is not valid.',
      errors,
    );
  }
  if (isResponseSerializationError(error))
    return new AppError('internal', 500, 'The server made a bad response.');
  const mapped = fromDatabaseError(error);
  if (mapped) return mapped;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.too_large', 413, 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'request.unsupported_media_type',
        415,
        'Send JSON (Content-Type: application/json).',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.invalid', 400, 'The JSON body is empty.', [
        { path: 'body', message: 'empty', code: 'body.empty' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalidJson();
  }
  if (error instanceof SyntaxError) {
    return invalidJson();
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new AppError('request.invalid', status, error.message);
  return new AppError('internal', 500, 'Something went wrong on the server. It has been logged.');
}
