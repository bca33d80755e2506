// The OpenRosa response document: Collect shows its message to the researcher, on success and on
// failure, so every answer to an OpenRosa client says in words what happened.
import { xmlElement as el, serializeXml } from '@coproduce/forms';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const openRosaVersionHeader = 'x-openrosa-version';

/** Headers every OpenRosa response carries (Collect checks the version header). */
export function openRosaHeaders(reply: FastifyReply) {
  return reply.header(openRosaVersionHeader, '1.0').header('cache-control', 'private, no-store');
}

/** Collect, KoboCollect and Enketo send this header on every request. */
export const isOpenRosaClient = (request: FastifyRequest) =>
  typeof request.headers[openRosaVersionHeader] === 'string';

export function openRosaDocument(message: string, nature: 'submit_success' | 'error' = 'submit_success') {
  return serializeXml(
    el('OpenRosaResponse', { xmlns: 'http://openrosa.org/http/response' }, [
      el('message', { nature }, [message]),
    ]),
  );
}
