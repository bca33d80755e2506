// A local WhatsApp Cloud API (Meta): the Graph messages endpoint with bearer auth, Meta's error
// bodies and interactive limits, the 24-hour window (a free-form message to someone who has not
// written for 24 hours is accepted, then fails with 131047 in a status webhook, as Meta does); and
// the webhook side: batched entries with several messages and statuses, BSUID-only senders,
// X-Hub-Signature-256 over the raw bytes with non-ASCII escaped as \uXXXX, and the GET handshake.
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import {
  type CommonFailure,
  type FakeServer,
  json,
  postWebhook,
  type SignedWebhook,
  startFakeServer,
  type WebhookAnswer,
} from './fake-server.ts';
import { checkWhatsAppPayload } from './whatsapp-limits.ts';

export type MetaFailure = CommonFailure | { code: 131047 };

export interface MetaInbound {
  /** wa_id (digits); absent for a user who hides their number behind a username. */
  from?: string;
  /** BSUID (`ZA.123…`). */
  userId?: string;
  name?: string;
  text?: string;
  buttonReply?: { id: string; title: string };
  listReply?: { id: string; title: string; description?: string };
  templateButton?: { payload: string; text: string };
  image?: { id: string; caption?: string };
  reaction?: string;
  context?: string;
  id?: string;
}

export interface MetaStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient?: string;
  recipientUserId?: string;
  errors?: { code: number; title: string; message?: string }[];
}

export interface MetaSent {
  id: string;
  to?: string;
  recipient?: string;
  path: string;
  body: Record<string, unknown>;
}

export interface WhatsAppCloudFake extends FakeServer<MetaFailure> {
  sent: MetaSent[];
  /** Builds and signs a notification; `entries` spreads the messages over that many entries. */
  webhook(batch: {
    messages?: MetaInbound[];
    statuses?: MetaStatus[];
    entries?: number;
    phoneNumberId?: string;
  }): SignedWebhook;
  inbound(...messages: MetaInbound[]): Promise<WebhookAnswer>;
  /** Posts these statuses of a sent message one webhook each, in the order given. */
  statuses(id: string, statuses: MetaStatus['status'][]): Promise<WebhookAnswer[]>;
  handshake(verifyToken: string, challenge: string): Promise<WebhookAnswer>;
  post(webhook: SignedWebhook): Promise<WebhookAnswer>;
}

/** JSON as Meta writes it: non-ASCII as \uXXXX escapes and "/" as "\/". */
export const metaJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');

const wamid = () => `wamid.${randomBytes(24).toString('base64url')}`;

export interface WhatsAppCloudFakeOptions {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** Where the fake posts webhooks (our callback URL). */
  webhookUrl: string;
  clock: Clock;
}

export async function startWhatsAppCloudFake(options: WhatsAppCloudFakeOptions): Promise<WhatsAppCloudFake> {
  const sent: MetaSent[] = [];
  const lastInbound = new Map<string, number>();
  const seconds = () => String(Math.floor(options.clock.now().getTime() / 1000));
  const error = (status: number, code: number, message: string, details?: string) =>
    json(status, {
      error: {
        message: `(#${code}) ${message}`,
        type: 'OAuthException',
        code,
        ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    });

  function sign(body: string, url = options.webhookUrl): SignedWebhook {
    const signature = createHmac('sha256', options.appSecret).update(body).digest('hex');
    return {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
      body,
    };
  }

  function messageObject(message: MetaInbound) {
    const base = {
      ...(message.from ? { from: message.from } : {}),
      ...(message.userId ? { from_user_id: message.userId } : {}),
      id: message.id ?? wamid(),
      timestamp: seconds(),
      ...(message.context ? { context: { from: options.displayPhoneNumber, id: message.context } } : {}),
    };
    if (message.buttonReply)
      return {
        ...base,
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: message.buttonReply },
      };
    if (message.listReply)
      return {
        ...base,
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: message.listReply },
      };
    if (message.templateButton) return { ...base, type: 'button', button: message.templateButton };
    if (message.image)
      return { ...base, type: 'image', image: { mime_type: 'image/jpeg', sha256: 'x', ...message.image } };
    if (message.reaction)
      return { ...base, type: 'reaction', reaction: { message_id: wamid(), emoji: message.reaction } };
    return { ...base, type: 'text', text: { body: message.text ?? '' } };
  }

  function webhook(batch: {
    messages?: MetaInbound[];
    statuses?: MetaStatus[];
    entries?: number;
    phoneNumberId?: string;
  }) {
    const messages = batch.messages ?? [];
    const entries = Math.max(1, Math.min(batch.entries ?? 1, messages.length || 1));
    const metadata = {
      display_phone_number: options.displayPhoneNumber,
      phone_number_id: batch.phoneNumberId ?? options.phoneNumberId,
    };
    const now = options.clock.now().getTime();
    for (const m of messages) for (const who of [m.from, m.userId]) if (who) lastInbound.set(who, now);
    const entry = Array.from({ length: entries }, (_, e) => {
      const mine = messages.filter((_, i) => i % entries === e);
      const value: Record<string, unknown> = { messaging_product: 'whatsapp', metadata };
      if (mine.length) {
        value.contacts = mine.map((m) => ({
          profile: { name: m.name ?? 'Resident' },
          ...(m.from ? { wa_id: m.from } : {}),
          ...(m.userId ? { user_id: m.userId } : {}),
        }));
        value.messages = mine.map(messageObject);
      }
      if (e === 0 && batch.statuses?.length)
        value.statuses = batch.statuses.map((s) => ({
          id: s.id,
          status: s.status,
          timestamp: seconds(),
          ...(s.recipient ? { recipient_id: s.recipient } : {}),
          ...(s.recipientUserId ? { recipient_user_id: s.recipientUserId } : {}),
          ...(s.status !== 'failed'
            ? { pricing: { billable: true, pricing_model: 'PMP', category: 'service' } }
            : {}),
          ...(s.errors ? { errors: s.errors } : {}),
        }));
      return { id: 'WHATSAPP_BUSINESS_ACCOUNT_ID', changes: [{ value, field: 'messages' }] };
    });
    return sign(metaJson({ object: 'whatsapp_business_account', entry }));
  }

  async function statuses(id: string, list: MetaStatus['status'][], errors?: MetaStatus['errors']) {
    const message = sent.find((m) => m.id === id);
    const answers: WebhookAnswer[] = [];
    for (const status of list)
      answers.push(
        await postWebhook(
          webhook({
            statuses: [
              {
                id,
                status,
                ...(message?.to ? { recipient: message.to } : {}),
                ...(message?.recipient ? { recipientUserId: message.recipient } : {}),
                ...(status === 'failed' && errors ? { errors } : {}),
              },
            ],
          }),
        ),
      );
    return answers;
  }

  const fake = await startFakeServer<MetaFailure>((request, failure) => {
    const match = /^\/v\d+\.\d+\/([^/]+)\/(messages|marketing_messages)$/.exec(request.url);
    if (request.method !== 'POST' || !match) return error(400, 100, 'Unsupported request');
    if (request.headers.authorization !== `Bearer ${options.accessToken}`)
      return error(401, 190, 'Invalid OAuth access token.');
    if (match[1] !== options.phoneNumberId) return error(400, 100, 'Object does not exist');
    if (failure && 'status' in failure)
      return failure.status === 429
        ? error(429, 130429, 'Rate limit hit')
        : error(failure.status, 131000, 'Something went wrong');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return error(400, 100, 'Invalid JSON');
    }
    const problem = checkWhatsAppPayload(body);
    if (problem) return error(400, 131009, 'Parameter value is not valid', problem);
    const to = typeof body.to === 'string' ? body.to : undefined;
    const recipient = typeof body.recipient === 'string' ? body.recipient : undefined;
    const id = wamid();
    sent.push({ id, path: match[2]!, body, ...(to ? { to } : {}), ...(recipient ? { recipient } : {}) });
    const last = lastInbound.get(to ?? recipient ?? '') ?? lastInbound.get(`+${to}`);
    const windowClosed = last === undefined || options.clock.now().getTime() - last >= 24 * 3_600_000;
    const reengagement = (failure && 'code' in failure) || (body.type !== 'template' && windowClosed);
    return {
      ...json(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: to ?? recipient, ...(to ? { wa_id: to } : { user_id: recipient }) }],
        messages: [{ id, ...(match[2] === 'marketing_messages' ? { message_status: 'accepted' } : {}) }],
      }),
      ...(reengagement
        ? {
            afterwards: () =>
              statuses(
                id,
                ['failed'],
                [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' }],
              ),
          }
        : {}),
    };
  });

  return {
    ...fake,
    sent,
    webhook,
    inbound: (...messages) => postWebhook(webhook({ messages })),
    statuses: (id, list) => statuses(id, list),
    handshake: (verifyToken, challenge) =>
      postWebhook({
        url: `${options.webhookUrl}?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': verifyToken })}`,
        method: 'GET',
        headers: {},
        body: '',
      }),
    post: postWebhook,
  };
}
