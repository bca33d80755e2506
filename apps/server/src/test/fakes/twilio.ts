// A local Twilio: the Messages API our adapter sends through (Basic auth, form body, Twilio's JSON
// errors), and the webhook side, which signs with the official `twilio` package's own signer so
// that our verifier is checked against Twilio's code, not against itself. Fixtures are written from
// Twilio's documented parameters.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { measureText } from '../../channels/encoding.ts';
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

const require = createRequire(import.meta.url);
const { getExpectedTwilioSignature, getExpectedBodyHash } = require('twilio/lib/webhooks/webhooks.js') as {
  getExpectedTwilioSignature(token: string, url: string, params: object, algorithm?: string): string;
  getExpectedBodyHash(body: string): string;
};

/** 21610: recipient opted out (refused at once); 63016: outside the WhatsApp window (fails afterwards). */
export type TwilioFailure = CommonFailure | { code: 21610 | 63016 };

export interface TwilioSent {
  sid: string;
  to: string;
  from?: string;
  body?: string;
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
}

export interface TwilioInbound {
  from: string;
  to: string;
  body: string;
  profileName?: string;
  waId?: string;
  externalUserId?: string;
  buttonPayload?: string;
  buttonText?: string;
  mediaUrls?: string[];
  optOutType?: 'STOP' | 'START' | 'HELP';
}

export interface SigningOptions {
  /** The URL Twilio was configured with, when it differs from where the fake posts (a proxy). */
  publicUrl?: string;
  /** Twilio's back ends sometimes sign the URL with the standard port written out. */
  withStandardPort?: boolean;
  /** Sign with a SharedKey (HMAC_SHA256) instead of the auth token. */
  sharedKey?: string;
}

export interface TwilioFake extends FakeServer<TwilioFailure> {
  sent: TwilioSent[];
  optOut(number: string): void;
  sign(target: string, params: Record<string, string>, options?: SigningOptions): SignedWebhook;
  inbound(target: string, message: TwilioInbound, options?: SigningOptions): Promise<WebhookAnswer>;
  inboundWebhook(target: string, message: TwilioInbound, options?: SigningOptions): SignedWebhook;
  /** A JSON webhook signed in the bodySHA256 mode. */
  jsonWebhook(target: string, payload: unknown): SignedWebhook;
  /** Posts these statuses for a sent message to its StatusCallback, in the order given. */
  statuses(sid: string, statuses: string[], extra?: Record<string, string>): Promise<WebhookAnswer[]>;
  post(webhook: SignedWebhook): Promise<WebhookAnswer>;
}

const newSid = (prefix: string) => prefix + randomBytes(16).toString('hex');

function withPort(url: string): string {
  const parsed = new URL(url);
  if (parsed.port) return url;
  return url.replace(parsed.host, `${parsed.host}:${parsed.protocol === 'https:' ? 443 : 80}`);
}

export async function startTwilioFake(account: {
  accountSid: string;
  authToken: string;
}): Promise<TwilioFake> {
  const sent: TwilioSent[] = [];
  const optedOut = new Set<string>();
  const error = (status: number, code: number, message: string) =>
    json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  function sign(target: string, params: Record<string, string>, options: SigningOptions = {}): SignedWebhook {
    const configured = options.publicUrl ?? target;
    const signedUrl = options.withStandardPort ? withPort(configured) : configured;
    const key = options.sharedKey ?? account.authToken;
    const algorithm = options.sharedKey ? 'HMAC_SHA256' : 'HMAC_SHA1';
    return {
      url: target,
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(key, signedUrl, params, algorithm),
        ...(options.sharedKey
          ? { 'x-twilio-webhooks-signature-settings': `key=webhooks_sharedkey_fake,algorithm=${algorithm}` }
          : {}),
      },
      body: new URLSearchParams(params).toString(),
    };
  }

  const fake = await startFakeServer<TwilioFailure>((request, failure) => {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.url);
    if (!match || request.method !== 'POST') return error(404, 20404, 'The requested resource was not found');
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.user !== account.accountSid || credentials.password !== account.authToken)
      return error(401, 20003, 'Authenticate');
    if (failure && 'status' in failure)
      return failure.status === 429
        ? error(429, 20429, 'Too Many Requests')
        : error(failure.status, 20500, 'Internal Server Error');
    const form = new URLSearchParams(request.body);
    const to = form.get('To');
    const from = form.get('From') ?? undefined;
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!from && !form.get('MessagingServiceSid'))
      return error(400, 21603, "A 'From' phone number is required.");
    const body = form.get('Body') ?? undefined;
    const contentSid = form.get('ContentSid') ?? undefined;
    if (!body && !contentSid && !form.get('MediaUrl')) return error(400, 21602, 'Message body is required.');
    if (body && [...body].length > 1600)
      return error(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (
      optedOut.has(to.replace(/^whatsapp:/, '')) ||
      (failure && 'code' in failure && failure.code === 21610)
    )
      return error(400, 21610, 'Attempt to send to unsubscribed recipient');
    const message: TwilioSent = {
      sid: newSid('SM'),
      to,
      ...(from ? { from } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(contentSid ? { contentSid, contentVariables: form.get('ContentVariables') ?? '' } : {}),
      ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}),
    };
    sent.push(message);
    const outsideWindow = failure && 'code' in failure && failure.code === 63016;
    return {
      ...json(201, {
        account_sid: account.accountSid,
        api_version: '2010-04-01',
        body: body ?? '',
        date_created: new Date().toUTCString(),
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: from ?? null,
        messaging_service_sid: form.get('MessagingServiceSid'),
        num_media: '0',
        num_segments: String(body ? measureText(body).segments : 1),
        sid: message.sid,
        status: 'queued',
        to,
        uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${message.sid}.json`,
      }),
      // Twilio accepts a WhatsApp message outside the window and fails it afterwards.
      ...(outsideWindow && message.statusCallback
        ? { afterwards: () => statuses(message.sid, ['failed'], { ErrorCode: '63016' }) }
        : {}),
    };
  });

  function inboundWebhook(target: string, message: TwilioInbound, options?: SigningOptions): SignedWebhook {
    const sid = newSid('SM');
    const params: Record<string, string> = {
      ToCountry: 'ZA',
      ToState: '',
      SmsMessageSid: sid,
      NumMedia: String(message.mediaUrls?.length ?? 0),
      ToCity: '',
      FromZip: '',
      SmsSid: sid,
      FromState: '',
      SmsStatus: 'received',
      FromCity: '',
      Body: message.body,
      FromCountry: 'ZA',
      To: message.to,
      ToZip: '',
      NumSegments: String(Math.max(1, measureText(message.body).segments)),
      MessageSid: sid,
      AccountSid: account.accountSid,
      From: message.from,
      ApiVersion: '2010-04-01',
    };
    message.mediaUrls?.forEach((url, i) => {
      params[`MediaUrl${i}`] = url;
      params[`MediaContentType${i}`] = 'image/jpeg';
    });
    if (message.profileName) params.ProfileName = message.profileName;
    if (message.waId) params.WaId = message.waId;
    if (message.externalUserId) params.ExternalUserId = message.externalUserId;
    if (message.buttonPayload) params.ButtonPayload = message.buttonPayload;
    if (message.buttonText) params.ButtonText = message.buttonText;
    if (message.optOutType) params.OptOutType = message.optOutType;
    return sign(target, params, options);
  }

  async function statuses(sid: string, list: string[], extra: Record<string, string> = {}) {
    const message = sent.find((m) => m.sid === sid);
    if (!message?.statusCallback) throw new Error(`message ${sid} was not sent with a StatusCallback`);
    const answers: WebhookAnswer[] = [];
    for (const status of list) {
      const params: Record<string, string> = {
        AccountSid: account.accountSid,
        ApiVersion: '2010-04-01',
        From: message.from ?? '',
        To: message.to,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        ...extra,
      };
      answers.push(await postWebhook(sign(message.statusCallback, params)));
    }
    return answers;
  }

  return {
    ...fake,
    sent,
    optOut: (number) => optedOut.add(number),
    sign,
    inboundWebhook,
    inbound: (target, message, options) => postWebhook(inboundWebhook(target, message, options)),
    jsonWebhook(target, payload) {
      const body = JSON.stringify(payload);
      const url = `${target}${target.includes('?') ? '&' : '?'}bodySHA256=${getExpectedBodyHash(body)}`;
      return {
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-twilio-signature': getExpectedTwilioSignature(account.authToken, url, {}),
        },
        body,
      };
    },
    statuses,
    post: postWebhook,
  };
}
