// The WhatsApp Cloud API webhook: one POST may carry several entries, each with changes holding
// messages and statuses. Each message and status is read on its own, so one unreadable item does
// not lose the rest of the batch.
import { z } from 'zod';
import { whatsappAddress } from '../address.ts';
import { storableText } from '../storable.ts';
import type { Address, DeliveryStatus, FailureKind, Inbound, ParseResult, RawRequest } from '../types.ts';

const media = z.object({ id: z.string(), caption: z.string().optional() });
const message = z.object({
  id: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      nfm_reply: z.object({ response_json: z.string(), body: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  context: z.object({ id: z.string().optional() }).optional(),
  image: media.optional(),
  audio: media.optional(),
  video: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
});
const status = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z
    .array(z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional() }))
    .optional(),
});
const contact = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional() }).optional(),
});
const value = z.object({
  metadata: z.object({ phone_number_id: z.string() }),
  contacts: z.array(contact).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});
const envelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })) })),
});

const STATUSES: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/** Cloud API error codes that change what we do next. */
export function metaFailure(code: number | undefined): FailureKind | undefined {
  if (code === undefined) return undefined;
  if (code === 131047 || code === 470) return 'outside_window';
  if (code === 131050) return 'opted_out'; // the person stopped marketing messages
  if ([130429, 131048, 131056, 80007, 4, 613].includes(code)) return 'throttled';
  if ([190, 10, 200, 0].includes(code)) return 'auth';
  if ([131026, 131021].includes(code)) return 'unreachable';
  if ([1, 2, 131000, 131016, 133004].includes(code)) return 'provider_error';
  return 'rejected';
}

const seconds = (timestamp: string) => new Date(Number(timestamp) * 1000);

function senderOf(item: z.infer<typeof message>): { from: Address; alias?: Address } | undefined {
  const bsuid = item.from_user_id ? ({ scheme: 'wa-bsuid', value: item.from_user_id } as const) : undefined;
  if (item.from) return { from: whatsappAddress(item.from), ...(bsuid ? { alias: bsuid } : {}) };
  return bsuid ? { from: bsuid } : undefined;
}

function readMessage(
  raw: unknown,
  contacts: z.infer<typeof contact>[],
  to: string,
  channelId: string,
): Inbound | string {
  const parsed = message.safeParse(raw);
  if (!parsed.success) return `a message is unreadable: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  const item = parsed.data;
  if (['reaction', 'system', 'unsupported', 'ephemeral', 'order'].includes(item.type))
    return `message ${item.id} is a ${item.type}`;
  const sender = senderOf(item);
  if (!sender) return `message ${item.id} has neither from nor from_user_id`;
  const attachment = item.image ?? item.audio ?? item.video ?? item.document ?? item.sticker;
  const reply = item.interactive?.button_reply ?? item.interactive?.list_reply;
  const choiceId = reply?.id ?? item.button?.payload;
  const profile =
    contacts.find(
      (c) => (c.wa_id && c.wa_id === item.from) || (c.user_id && c.user_id === item.from_user_id),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const flow = item.interactive?.nfm_reply;
  return {
    kind: 'message',
    channelId,
    dedupKey: item.id,
    providerId: item.id,
    ...sender,
    to,
    text: storableText(
      item.text?.body ?? reply?.title ?? item.button?.text ?? attachment?.caption ?? flow?.body ?? '',
    ),
    media: attachment ? [attachment.id] : [],
    at: seconds(item.timestamp),
    ...(choiceId ? { choiceId } : {}),
    ...(profile?.profile?.name ? { profileName: storableText(profile.profile.name) } : {}),
    ...(item.context?.id ? { replyTo: item.context.id } : {}),
    ...(flow ? { flowResponseJson: flow.response_json } : {}),
  };
}

function readStatus(raw: unknown, channelId: string): Inbound | string {
  const parsed = status.safeParse(raw);
  if (!parsed.success) return `a status is unreadable: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  const item = parsed.data;
  const mapped = STATUSES[item.status];
  if (!mapped) return `status "${item.status}" of ${item.id} is not a delivery status`;
  const error = item.errors?.[0];
  const recipient: Address | undefined = item.recipient_id
    ? whatsappAddress(item.recipient_id)
    : item.recipient_user_id
      ? { scheme: 'wa-bsuid', value: item.recipient_user_id }
      : undefined;
  const failure = mapped === 'failed' ? (metaFailure(error?.code) ?? 'rejected') : undefined;
  return {
    kind: 'status',
    channelId,
    dedupKey: `${item.id}:${item.status}`,
    providerId: item.id,
    status: mapped,
    at: seconds(item.timestamp),
    ...(recipient ? { recipient } : {}),
    ...(error ? { errorCode: String(error.code) } : {}),
    ...(error?.message || error?.title ? { errorMessage: error.message ?? error.title } : {}),
    ...(failure ? { failure } : {}),
  };
}

export function parseWhatsAppCloud(
  request: RawRequest,
  channelId: string,
  phoneNumberId: string,
): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { ok: false, problem: 'not a whatsapp_business_account notification' };
  const inbound: Inbound[] = [];
  const skipped: string[] = [];
  for (const entry of parsed.data.entry)
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        skipped.push(`a ${change.field} change`);
        continue;
      }
      const read = value.safeParse(change.value);
      if (!read.success) {
        skipped.push('a messages change without metadata');
        continue;
      }
      if (read.data.metadata.phone_number_id !== phoneNumberId) {
        skipped.push(`events for phone number ${read.data.metadata.phone_number_id}`);
        continue;
      }
      const contacts = read.data.contacts ?? [];
      for (const raw of read.data.messages ?? []) {
        const one = readMessage(raw, contacts, phoneNumberId, channelId);
        if (typeof one === 'string') skipped.push(one);
        else inbound.push(one);
      }
      for (const raw of read.data.statuses ?? []) {
        const one = readStatus(raw, channelId);
        if (typeof one === 'string') skipped.push(one);
        else inbound.push(one);
      }
    }
  return { ok: true, inbound, ...(skipped.length ? { skipped } : {}) };
}
