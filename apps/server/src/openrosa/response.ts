// The OpenRosa response document: Collect shows its message to the researcher, on success and on
// failure, so every answer to an OpenRosa client says in words what happened.
import { xmlElement as el, serializeXml } from '@coproduce/forms';
import type { FastifyRequest } from 'fastify';

export const openRosaVersionHeader = 'x-openrosa-version';

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
