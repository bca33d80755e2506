// The Android SMS gateway (capcom6/android-sms-gateway, "SMS Gate"): a phone that relays SMS. Its
// webhooks carry X-Signature = hex(HMAC-SHA256(signing key, raw body + X-Timestamp)) and are
// re-signed on every retry, so a freshness window (default ±5 minutes) stops replays without
// refusing the app's own retries. Sends go to the phone's local server (`http://<phone>:8080`) or
// the cloud/private server (`…/3rdparty/v1`), both at `<base>/messages`, with Basic auth.
import { z } from 'zod';
import { telAddress } from '../address.ts';
import { prepareText } from '../encoding.ts';
import { numberedText } from '../numbered-choices.ts';
import { deliver, failureFromStatus, parseJson } from '../send.ts';
import { hmac, safeEqual, sha256Hex } from '../signatures.ts';
import { storableText } from '../storable.ts';
import type {
  ChannelAdapter,
  ChannelContext,
  HttpResponse,
  Inbound,
  Outbound,
  ParseResult,
  RawRequest,
  RawResponse,
  Rendered,
  RenderedRequest,
  SendResult,
  Verification,
} from '../types.ts';

export interface AndroidGatewayChannel {
  channelId: string;
  kind: 'android-gateway';
  /** `http://192.168.1.10:8080` (local server) or `https://api.sms-gate.app/3rdparty/v1`. */
  apiBaseUrl: string;
  username: string;
  password: string;
  signingKey: string;
  freshnessSeconds?: number;
  simNumber?: number;
  deviceId?: string;
}

const received = z.object({
  messageId: z.string().optional(),
  message: z.string(),
  sender: z.string().optional(),
  phoneNumber: z.string().optional(),
  recipient: z.string().nullish(),
  receivedAt: z.string().optional(),
});
const outcome = z.object({
  messageId: z.string().min(1),
  sentAt: z.string().optional(),
  deliveredAt: z.string().optional(),
  failedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  reason: z.string().optional(),
  error: z.string().optional(),
});
const envelope = z.object({
  id: z.string().min(1),
  event: z.string(),
  deviceId: z.string().optional(),
  payload: z.unknown(),
});

const STATUS_EVENTS = {
  'sms:sent': 'sent',
  'sms:delivered': 'delivered',
  'sms:failed': 'failed',
  'sms:cancelled': 'failed',
} as const;

function instant(value: string | undefined, fallback: Date): Date {
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : fallback;
}

/**
 * The app's `messageId` for a received SMS is a 32-bit hash of its content, "not guaranteed to be
 * unique", so two different replies may share it. The key is the whole of what identifies the SMS:
 * channel, device, sender, text and the device's receive time (to the second, as an instant), the
 * same on every retry and on a second webhook registration, different for the same "1" sent twice.
 */
export function receivedKey(
  channelId: string,
  deviceId: string,
  sender: string,
  text: string,
  at: Date,
): string {
  const second = Math.floor(at.getTime() / 1000);
  return `sms:${sha256Hex([channelId, deviceId, sender, text, String(second)].join('\u001f'))}`;
}

export function parseAndroidGateway(request: RawRequest, channelId: string): ParseResult {
  const body = parseJson(request.body.toString('utf8'));
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { ok: false, problem: 'not an SMS Gateway webhook (id, event, payload)' };
  const { id, event, deviceId = '', payload } = parsed.data;
  const skipped: string[] = [];
  const messages = (list: unknown[]): Inbound[] =>
    list.flatMap((raw): Inbound[] => {
      const sms = received.safeParse(raw);
      const sender = sms.success ? (sms.data.sender ?? sms.data.phoneNumber) : undefined;
      if (!sms.success || !sender) {
        skipped.push(`an ${event} message without sender or text`);
        return [];
      }
      const at = instant(sms.data.receivedAt, request.receivedAt);
      return [
        {
          kind: 'message',
          channelId,
          dedupKey: receivedKey(channelId, deviceId, sender, sms.data.message, at),
          providerId: sms.data.messageId ?? id,
          from: telAddress(sender),
          to: sms.data.recipient ?? '',
          text: storableText(sms.data.message),
          media: [],
          at,
        },
      ];
    });
  if (event === 'sms:received')
    return { ok: true, inbound: messages([payload]), ...(skipped.length ? { skipped } : {}) };
  if (event === 'sms:batch:received') {
    const list = (payload as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(list)) return { ok: false, problem: 'sms:batch:received without messages' };
    return { ok: true, inbound: messages(list), ...(skipped.length ? { skipped } : {}) };
  }
  if (event in STATUS_EVENTS) {
    const status = STATUS_EVENTS[event as keyof typeof STATUS_EVENTS];
    const report = outcome.safeParse(payload);
    if (!report.success) return { ok: false, problem: `${event} without messageId` };
    const p = report.data;
    const reason = p.reason ?? p.error;
    return {
      ok: true,
      inbound: [
        {
          kind: 'status',
          channelId,
          // A multipart SMS reports delivered once per part, each its own event id.
          dedupKey: `${p.messageId}:${event}:${id}`,
          providerId: p.messageId,
          status,
          at: instant(p.deliveredAt ?? p.sentAt ?? p.failedAt ?? p.cancelledAt, request.receivedAt),
          ...(status === 'failed'
            ? {
                failure: event === 'sms:cancelled' ? 'rejected' : 'provider_error',
                ...(reason ? { errorMessage: reason } : {}),
              }
            : {}),
        },
      ],
    };
  }
  return { ok: true, inbound: [], skipped: [`a ${event} event`] };
}

const plain = (status: number, body = ''): RawResponse => ({
  status,
  headers: { 'content-type': 'text/plain' },
  body,
});

export function androidGatewayAdapter(
  channel: AndroidGatewayChannel,
  context: ChannelContext,
): ChannelAdapter {
  const base = channel.apiBaseUrl.replace(/\/+$/, '');
  const window = channel.freshnessSeconds ?? 300;

  function verify(request: RawRequest): Verification {
    const signature = request.headers['x-signature'];
    const timestamp = request.headers['x-timestamp'];
    if (!signature || !timestamp) return { ok: false, reason: 'missing_signature' };
    if (!channel.signingKey) return { ok: false, reason: 'not_configured' };
    const expected = hmac(
      'sha256',
      channel.signingKey,
      Buffer.concat([request.body, Buffer.from(timestamp, 'utf8')]),
      'hex',
    );
    if (!safeEqual(signature.trim().toLowerCase(), expected)) return { ok: false, reason: 'bad_signature' };
    const seconds = Number(timestamp);
    if (!/^\d+$/.test(timestamp) || Math.abs(request.receivedAt.getTime() / 1000 - seconds) > window)
      return { ok: false, reason: 'stale' };
    return { ok: true };
  }

  function render(message: Outbound): Rendered {
    if (message.to.scheme !== 'tel')
      return { ok: false, failure: 'unsupported', message: 'The SMS gateway sends to phone numbers only' };
    const prepared = prepareText(numberedText(message.text, message.choices), {
      normalise: message.normalise ?? false,
    });
    const body = {
      id: message.idempotencyKey,
      textMessage: { text: prepared.text },
      phoneNumbers: [message.to.value],
      withDeliveryReport: true,
      ...(channel.simNumber ? { simNumber: channel.simNumber } : {}),
      ...(channel.deviceId ? { deviceId: channel.deviceId } : {}),
    };
    const credentials = Buffer.from(`${channel.username}:${channel.password}`).toString('base64');
    return {
      ok: true,
      shape: 'text',
      text: prepared.text,
      measure: prepared.measure,
      request: {
        method: 'POST',
        url: `${base}/messages`,
        headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    };
  }

  function readSendResponse(response: HttpResponse, rendered: RenderedRequest): SendResult {
    const body = parseJson(response.body) as { id?: string; state?: string; message?: string } | undefined;
    if ((response.status === 202 || response.status === 200 || response.status === 201) && body?.id)
      return {
        ok: true,
        providerId: body.id,
        segments: rendered.measure.segments,
        encoding: rendered.measure.encoding,
        status: 'queued',
        shape: 'text',
      };
    return failureFromStatus(
      response.status,
      response.headers,
      body?.message ?? `The SMS gateway answered ${response.status}`,
    );
  }

  return {
    kind: 'android-gateway',
    channelId: channel.channelId,
    caps: { buttons: 0, listRows: 0, maxChars: 1600, signed: true, mode: 'async' },
    verify,
    parse: (request) => parseAndroidGateway(request, channel.channelId),
    // The app retries anything but 2xx (14 times over ~2 days): a forged call gets 401, a signed
    // but unreadable one 200.
    ack: (reply) => (reply.kind === 'rejected' ? plain(401, 'Unauthorized') : plain(200)),
    render,
    readSendResponse,
    send: (message) => deliver({ render, readSendResponse }, context, message),
  };
}
