// The WhatsApp Cloud API (Meta): signed JSON webhooks with a GET subscription handshake, and sends
// through POST /{version}/{phone-number-id}/messages with a bearer token.
import { digitsOf } from '../address.ts';
import { measureText, prepareText } from '../encoding.ts';
import { deliver, failureFromStatus, parseJson } from '../send.ts';
import { safeEqual } from '../signatures.ts';
import type {
  ChannelAdapter,
  ChannelContext,
  HttpResponse,
  Outbound,
  RawRequest,
  RawResponse,
  Rendered,
  RenderedRequest,
  SendResult,
} from '../types.ts';
import { metaFailure, parseWhatsAppCloud } from './parse.ts';
import { whatsappPayload } from './render.ts';
import { validMetaSignature } from './signature.ts';

export interface WhatsAppCloudChannel {
  channelId: string;
  kind: 'whatsapp-cloud';
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  /** Our token for Meta's subscription handshake. */
  verifyToken: string;
  /** Defaults to https://graph.facebook.com. */
  apiBaseUrl?: string;
  apiVersion?: string;
  /** How long before the 24 hours a free-form message is no longer risked (default 60 minutes). */
  windowMarginMinutes?: number;
}

const empty = (status: number, body = ''): RawResponse => ({
  status,
  headers: { 'content-type': 'text/plain' },
  body,
});

export function whatsappCloudAdapter(channel: WhatsAppCloudChannel, context: ChannelContext): ChannelAdapter {
  const apiBase = (channel.apiBaseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
  const version = channel.apiVersion ?? 'v24.0';
  const margin = channel.windowMarginMinutes ?? 60;

  function handshake(request: RawRequest): RawResponse | undefined {
    if (request.method !== 'GET') return undefined;
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    if (query.get('hub.mode') !== 'subscribe') return undefined;
    const ok =
      safeEqual(query.get('hub.verify_token') ?? '', channel.verifyToken) && channel.verifyToken.length > 0;
    return ok ? empty(200, query.get('hub.challenge') ?? '') : empty(403, 'Forbidden');
  }

  function render(message: Outbound, now: Date): Rendered {
    const prepared = prepareText(message.text, { normalise: message.normalise ?? false });
    const built = whatsappPayload({ ...message, text: prepared.text }, now, margin);
    if (built === 'needs_template')
      return {
        ok: false,
        failure: 'needs_template',
        message: 'The WhatsApp window is closed: this message needs an approved template',
      };
    if (built === 'too_long')
      return { ok: false, failure: 'rejected', message: 'WhatsApp text takes at most 4,096 characters' };
    const recipient =
      message.to.scheme === 'wa-bsuid' ? { recipient: message.to.value } : { to: digitsOf(message.to) };
    const path = built.shape === 'template' && built.marketing ? 'marketing_messages' : 'messages';
    return {
      ok: true,
      shape: built.shape,
      text: built.text,
      measure: measureText(built.text),
      request: {
        method: 'POST',
        url: `${apiBase}/${version}/${encodeURIComponent(channel.phoneNumberId)}/${path}`,
        headers: { authorization: `Bearer ${channel.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          ...recipient,
          ...built.payload,
        }),
      },
    };
  }

  function readSendResponse(response: HttpResponse, rendered: RenderedRequest): SendResult {
    const body = parseJson(response.body) as
      | { messages?: { id?: string }[]; error?: { code?: number; message?: string } }
      | undefined;
    const id = body?.messages?.[0]?.id;
    if (response.status === 200 && id)
      return {
        ok: true,
        providerId: id,
        segments: 1,
        encoding: rendered.measure.encoding,
        status: 'queued',
        shape: rendered.shape,
      };
    const code = body?.error?.code;
    const generic = failureFromStatus(
      response.status,
      response.headers,
      body?.error?.message ?? `Meta answered ${response.status}`,
      code === undefined ? undefined : String(code),
    );
    const failure = metaFailure(code);
    if (!failure || response.status >= 500) return generic;
    return { ...generic, failure, retryable: failure === 'throttled' || failure === 'provider_error' };
  }

  return {
    kind: 'whatsapp-cloud',
    channelId: channel.channelId,
    caps: { buttons: 3, listRows: 10, maxChars: 4096, windowHours: 24, signed: true, mode: 'async' },
    handshake,
    verify(request) {
      const header = request.headers['x-hub-signature-256'];
      if (!header) return { ok: false, reason: 'missing_signature' };
      if (!channel.appSecret) return { ok: false, reason: 'not_configured' };
      return validMetaSignature(channel.appSecret, header, request.body)
        ? { ok: true }
        : { ok: false, reason: 'bad_signature' };
    },
    parse: (request) => parseWhatsAppCloud(request, channel.channelId, channel.phoneNumberId),
    // Anything but a 200 is retried by Meta for up to 7 days, so even a malformed batch gets 200.
    ack: (reply) => (reply.kind === 'rejected' ? empty(403, 'Forbidden') : empty(200)),
    render,
    readSendResponse,
    send: (message) => deliver({ render, readSendResponse }, context, message),
  };
}
