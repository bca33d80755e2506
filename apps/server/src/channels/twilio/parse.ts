// Twilio's form webhooks: an inbound SMS or WhatsApp message, or a status callback for one we sent.
import { telAddress, whatsappAddress } from '../address.ts';
import { type FormFields, first, parseForm } from '../form-body.ts';
import { storableText } from '../storable.ts';
import type {
  Address,
  DeliveryStatus,
  FailureKind,
  Inbound,
  ParseResult,
  ProviderKeyword,
  RawRequest,
} from '../types.ts';

const STATUSES: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  partially_delivered: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/** Twilio error codes (https://www.twilio.com/docs/api/errors) that change what we do next. */
export function twilioFailure(code: string | number | undefined): FailureKind | undefined {
  switch (String(code ?? '')) {
    case '21610': // recipient replied STOP on a long code
      return 'opted_out';
    case '63016': // outside the WhatsApp window: a template (ContentSid) is needed
      return 'outside_window';
    case '20429':
    case '63018':
    case '14107':
      return 'throttled';
    case '20003':
    case '20404':
      return 'auth';
    case '21211':
    case '21214':
    case '21614':
    case '30003':
    case '30005':
    case '30006':
    case '63003':
      return 'unreachable';
    case '':
      return undefined;
    default:
      return 'rejected';
  }
}

const KEYWORDS: Record<string, ProviderKeyword> = { STOP: 'stop', START: 'start', HELP: 'help' };

function sender(value: string): Address {
  return value.toLowerCase().startsWith('whatsapp:') ? whatsappAddress(value) : telAddress(value);
}

export function parseTwilio(request: RawRequest, channelId: string, accountSid: string): ParseResult {
  const fields: FormFields = parseForm(request.body);
  const messageSid = first(fields, 'MessageSid') ?? first(fields, 'SmsSid');
  if (!messageSid) return { ok: false, problem: 'MessageSid is missing' };
  const account = first(fields, 'AccountSid');
  if (account !== undefined && account !== accountSid)
    return { ok: false, problem: `AccountSid ${account} is not this channel's account` };
  const at = request.receivedAt;
  const reported = first(fields, 'MessageStatus') ?? first(fields, 'SmsStatus');
  if (reported !== undefined && reported !== 'received' && reported !== 'receiving') {
    const status = STATUSES[reported];
    if (!status) return { ok: false, problem: `MessageStatus "${reported}" is not a known status` };
    const errorCode = first(fields, 'ErrorCode') || undefined;
    const to = first(fields, 'To');
    const failure = status === 'failed' ? (twilioFailure(errorCode) ?? 'rejected') : undefined;
    const errorMessage = first(fields, 'ErrorMessage');
    const inbound: Inbound = {
      kind: 'status',
      channelId,
      dedupKey: `${messageSid}:${reported}:${errorCode ?? ''}`,
      providerId: messageSid,
      status,
      at,
      ...(to ? { recipient: sender(to) } : {}),
      ...(errorCode ? { errorCode } : {}),
      ...(failure ? { failure } : {}),
      ...(errorMessage ? { errorMessage } : {}),
    };
    return { ok: true, inbound: [inbound] };
  }
  const from = first(fields, 'From');
  if (!from) return { ok: false, problem: 'From is missing' };
  const count = Number(first(fields, 'NumMedia') ?? '0');
  const media: string[] = [];
  for (let i = 0; Number.isInteger(count) && i < Math.min(count, 10); i++) {
    const url = first(fields, `MediaUrl${i}`);
    if (url) media.push(url);
  }
  const address = sender(from);
  const bsuid = first(fields, 'ExternalUserId');
  const alias: Address | undefined =
    bsuid && bsuid !== address.value ? { scheme: 'wa-bsuid', value: bsuid } : undefined;
  const keyword = KEYWORDS[(first(fields, 'OptOutType') ?? '').toUpperCase()];
  const choiceId = first(fields, 'ButtonPayload');
  const profileName = first(fields, 'ProfileName');
  const replyTo = first(fields, 'OriginalRepliedMessageSid');
  const inbound: Inbound = {
    kind: 'message',
    channelId,
    dedupKey: messageSid,
    providerId: messageSid,
    from: address,
    to: (first(fields, 'To') ?? '').replace(/^whatsapp:/i, ''),
    text: storableText(first(fields, 'Body') ?? first(fields, 'ButtonText') ?? ''),
    media,
    at,
    ...(alias ? { alias } : {}),
    ...(choiceId ? { choiceId } : {}),
    ...(profileName ? { profileName: storableText(profileName) } : {}),
    ...(keyword ? { providerKeyword: keyword } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
  return { ok: true, inbound: [inbound] };
}
