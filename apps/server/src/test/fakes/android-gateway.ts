// A local SMS Gateway for Android (capcom6/android-sms-gateway): its message API (Basic auth,
// `/messages` on the phone's local server or `/3rdparty/v1/messages` on the cloud server, 202 with
// the message state) and the phone's webhooks, signed as the app signs them (X-Signature =
// hex HMAC-SHA256 of body + X-Timestamp), with content-hash message ids that may collide.
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import {
  basicCredentials,
  type CommonFailure,
  type FakeServer,
  json,
  postWebhook,
  type SignedWebhook,
  startFakeServer,
  type WebhookAnswer,
} from './fake-server.ts';

export type AndroidGatewayFailure = CommonFailure | { failed: string };

export interface AndroidGatewaySent {
  id: string;
  text: string;
  phoneNumbers: string[];
  simNumber?: number;
}

export interface ReceivedSms {
  sender: string;
  message: string;
  /** Device-local time with its offset, as the app writes it. */
  receivedAt?: string;
  simNumber?: number;
  /** Force the app's 32-bit content id, to show that two messages may share it. */
  messageId?: string;
}

export interface AndroidGatewayFake extends FakeServer<AndroidGatewayFailure> {
  sent: AndroidGatewaySent[];
  deviceId: string;
  /** A signed webhook; `signedAt` moves the X-Timestamp (stale replays). */
  webhook(event: string, payload: unknown, options?: { signedAt?: Date; id?: string }): SignedWebhook;
  smsReceived(sms: ReceivedSms): Promise<WebhookAnswer>;
  smsWebhook(sms: ReceivedSms): SignedWebhook;
  /** Posts these events (`sms:sent`, `sms:delivered`, `sms:failed`) for a sent message, in this order. */
  statuses(id: string, events: string[]): Promise<WebhookAnswer[]>;
  post(webhook: SignedWebhook): Promise<WebhookAnswer>;
}

/** The app's messageId for an SMS: a 32-bit content hash in hex (here FNV-1a; the app uses hashCode). */
const contentId = (text: string) => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16);
};

/** `2026-11-26T10:00:00.000+02:00`: the device's local time in South Africa. */
export function deviceTime(at: Date, offsetMinutes = 120): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export async function startAndroidGatewayFake(options: {
  username: string;
  password: string;
  signingKey: string;
  webhookUrl: string;
  clock: Clock;
}): Promise<AndroidGatewayFake> {
  const sent: AndroidGatewaySent[] = [];
  const deviceId = `ffffffff${randomBytes(12).toString('hex')}`;
  const nanoid = () => randomBytes(15).toString('base64url').slice(0, 21);

  function webhook(
    event: string,
    payload: unknown,
    signing: { signedAt?: Date; id?: string } = {},
  ): SignedWebhook {
    const body = JSON.stringify({
      deviceId,
      event,
      id: signing.id ?? nanoid(),
      payload,
      webhookId: 'coproduce-hook',
    });
    const timestamp = String(Math.floor((signing.signedAt ?? options.clock.now()).getTime() / 1000));
    const signature = createHmac('sha256', options.signingKey)
      .update(body + timestamp)
      .digest('hex');
    return {
      url: options.webhookUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp },
      body,
    };
  }

  function smsWebhook(sms: ReceivedSms): SignedWebhook {
    const receivedAt = sms.receivedAt ?? deviceTime(options.clock.now());
    return webhook('sms:received', {
      messageId: sms.messageId ?? contentId(`${sms.sender}|${receivedAt}|${sms.message}`),
      message: sms.message,
      phoneNumber: sms.sender,
      sender: sms.sender,
      recipient: '+27870004444',
      simNumber: sms.simNumber ?? 1,
      receivedAt,
    });
  }

  async function statuses(id: string, events: string[], reason?: string) {
    const message = sent.find((m) => m.id === id);
    const answers: WebhookAnswer[] = [];
    for (const event of events) {
      const at = deviceTime(options.clock.now());
      const time =
        { 'sms:sent': 'sentAt', 'sms:delivered': 'deliveredAt', 'sms:failed': 'failedAt' }[event] ?? 'at';
      answers.push(
        await postWebhook(
          webhook(event, {
            messageId: id,
            sender: '+27870004444',
            recipient: message?.phoneNumbers[0] ?? '',
            simNumber: message?.simNumber ?? 1,
            ...(event === 'sms:sent' ? { partsCount: 1 } : {}),
            ...(event === 'sms:failed' ? { reason: reason ?? 'RESULT_ERROR_GENERIC_FAILURE' } : {}),
            [time]: at,
          }),
        ),
      );
    }
    return answers;
  }

  const fake = await startFakeServer<AndroidGatewayFailure>((request, failure) => {
    const path = request.url.split('?')[0]!;
    if (request.method !== 'POST' || !/^(\/3rdparty\/v1)?\/messages?$/.test(path))
      return json(404, { message: 'Not Found' });
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.user !== options.username || credentials.password !== options.password)
      return {
        status: 401,
        headers: { 'www-authenticate': 'Basic realm="Access to SMS Gateway"' },
        body: '',
      };
    if (failure && 'status' in failure)
      return failure.status === 429
        ? json(429, {
            error: 'QueueLimitExceeded',
            message: 'queue limits exceeded: too many pending messages: 100 / 100',
          })
        : json(failure.status, { message: 'Internal Server Error' });
    let body: {
      id?: string;
      textMessage?: { text?: string };
      message?: string;
      phoneNumbers?: string[];
      simNumber?: number;
    };
    try {
      body = JSON.parse(request.body);
    } catch {
      return json(400, { message: 'Invalid JSON' });
    }
    const text = body.textMessage?.text ?? body.message;
    if (!text) return json(400, { message: 'Text message is empty' });
    if (!body.phoneNumbers?.length) return json(400, { message: 'phoneNumbers is empty' });
    const skipValidation =
      new URLSearchParams(request.url.split('?')[1] ?? '').get('skipPhoneValidation') === 'true';
    const invalid = body.phoneNumbers.find((n) => !E164.test(n));
    if (invalid && !skipValidation) return json(400, { message: `can't parse phone number: ${invalid}` });
    const id = body.id ?? nanoid();
    sent.push({
      id,
      text,
      phoneNumbers: body.phoneNumbers,
      ...(body.simNumber ? { simNumber: body.simNumber } : {}),
    });
    return {
      ...json(202, {
        id,
        deviceId,
        state: 'Pending',
        isHashed: false,
        isEncrypted: false,
        recipients: body.phoneNumbers.map((phoneNumber) => ({ phoneNumber, state: 'Pending', error: null })),
        states: { Pending: options.clock.now().toISOString() },
      }),
      // The phone could not send it (no signal, SIM refused): it reports sms:failed afterwards.
      ...(failure && 'failed' in failure
        ? { afterwards: () => statuses(id, ['sms:failed'], failure.failed) }
        : {}),
    };
  });

  return {
    ...fake,
    sent,
    deviceId,
    webhook,
    smsWebhook,
    smsReceived: (sms) => postWebhook(smsWebhook(sms)),
    statuses: (id, events) => statuses(id, events),
    post: postWebhook,
  };
}
