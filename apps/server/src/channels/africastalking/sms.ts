// Africa's Talking SMS: inbound messages and delivery reports as form posts; sends through
// POST /version1/messaging with the `apiKey` header.
import { telAddress } from '../address.ts';
import { prepareText } from '../encoding.ts';
import { first, parseForm } from '../form-body.ts';
import { numberedText } from '../numbered-choices.ts';
import { deliver, failureFromStatus, parseJson } from '../send.ts';
import { storableText } from '../storable.ts';
import type {
  ChannelAdapter,
  ChannelContext,
  DeliveryStatus,
  FailureKind,
  HttpResponse,
  Inbound,
  Outbound,
  ParseResult,
  RawRequest,
  Rendered,
  RenderedRequest,
  SendResult,
} from '../types.ts';
import { type AfricasTalkingAccount, atDate, forbidden, verifyPathToken } from './token.ts';

export interface AfricasTalkingSmsChannel extends AfricasTalkingAccount {
  kind: 'africastalking-sms';
  /** Short code or approved sender id; AT's default when unset. */
  from?: string;
}

const STATUSES: Record<string, DeliveryStatus> = {
  Sent: 'sent',
  Submitted: 'sent',
  Buffered: 'sent',
  Success: 'delivered',
  Rejected: 'failed',
  Failed: 'failed',
  AbsentSubscriber: 'failed',
  Expired: 'failed',
};

const REPORT_FAILURES: Record<string, FailureKind> = {
  UserInBlackList: 'opted_out',
  UserInBlacklist: 'opted_out',
  AbsentSubscriber: 'unreachable',
  UserIsInactive: 'unreachable',
  UserDoesNotExist: 'unreachable',
  NotNetworkSubcriber: 'unreachable',
  NotNetworkSubscriber: 'unreachable',
  DeliveryFailure: 'unreachable',
};

/** Per-recipient statusCode of a send (100 Processed, 101 Sent, 102 Queued are successes). */
const SEND_FAILURES: Record<number, { failure: FailureKind; retryable: boolean }> = {
  401: { failure: 'rejected', retryable: false }, // RiskHold
  402: { failure: 'rejected', retryable: false }, // InvalidSenderId
  403: { failure: 'unreachable', retryable: false }, // InvalidPhoneNumber
  404: { failure: 'unreachable', retryable: false }, // UnsupportedNumberType
  405: { failure: 'rejected', retryable: false }, // InsufficientBalance: top up the account
  406: { failure: 'opted_out', retryable: false }, // UserInBlacklist
  407: { failure: 'unreachable', retryable: false }, // CouldNotRoute
  409: { failure: 'rejected', retryable: false }, // DoNotDisturbRejection
  500: { failure: 'provider_error', retryable: true }, // InternalServerError
  501: { failure: 'provider_error', retryable: true }, // GatewayError
  502: { failure: 'rejected', retryable: false }, // RejectedByGateway
};

export function parseAfricasTalkingSms(request: RawRequest, channelId: string): ParseResult {
  const fields = parseForm(request.body);
  const id = first(fields, 'id');
  if (!id) return { ok: false, problem: 'id is missing' };
  const status = first(fields, 'status');
  if (status !== undefined && first(fields, 'from') === undefined) {
    const mapped = STATUSES[status];
    if (!mapped) return { ok: false, problem: `status "${status}" is not a known delivery status` };
    const reason = first(fields, 'failureReason') || undefined;
    const phone = first(fields, 'phoneNumber');
    const failure = mapped === 'failed' ? (REPORT_FAILURES[reason ?? status] ?? 'rejected') : undefined;
    const inbound: Inbound = {
      kind: 'status',
      channelId,
      dedupKey: `${id}:${status}:${reason ?? ''}`,
      providerId: id,
      status: mapped,
      at: request.receivedAt,
      ...(phone ? { recipient: telAddress(phone) } : {}),
      ...(reason ? { errorCode: reason, errorMessage: reason } : {}),
      ...(failure ? { failure } : {}),
    };
    return { ok: true, inbound: [inbound] };
  }
  const from = first(fields, 'from');
  if (!from) return { ok: false, problem: 'from is missing' };
  const inbound: Inbound = {
    kind: 'message',
    channelId,
    dedupKey: id,
    providerId: id,
    from: telAddress(from),
    to: first(fields, 'to') ?? '',
    text: storableText(first(fields, 'text') ?? ''),
    media: [],
    at: atDate(first(fields, 'date'), request.receivedAt),
  };
  return { ok: true, inbound: [inbound] };
}

export function africasTalkingSmsAdapter(
  channel: AfricasTalkingSmsChannel,
  context: ChannelContext,
): ChannelAdapter {
  const apiBase = (channel.apiBaseUrl ?? 'https://api.africastalking.com').replace(/\/+$/, '');

  function render(message: Outbound): Rendered {
    if (message.to.scheme !== 'tel')
      return {
        ok: false,
        failure: 'unsupported',
        message: 'Africa’s Talking SMS sends to phone numbers only',
      };
    const prepared = prepareText(numberedText(message.text, message.choices), {
      normalise: message.normalise ?? false,
    });
    const form = new URLSearchParams({
      username: channel.username,
      to: message.to.value,
      message: prepared.text,
    });
    if (channel.from) form.set('from', channel.from);
    return {
      ok: true,
      shape: 'text',
      text: prepared.text,
      measure: prepared.measure,
      request: {
        method: 'POST',
        url: `${apiBase}/version1/messaging`,
        headers: {
          apikey: channel.apiKey,
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
      },
    };
  }

  function readSendResponse(response: HttpResponse, rendered: RenderedRequest): SendResult {
    const body = parseJson(response.body) as
      | { SMSMessageData?: { Recipients?: { statusCode?: number; status?: string; messageId?: string }[] } }
      | undefined;
    const recipient = body?.SMSMessageData?.Recipients?.[0];
    if (response.status >= 200 && response.status < 300 && recipient) {
      const code = Number(recipient.statusCode);
      if ((code === 100 || code === 101 || code === 102) && recipient.messageId)
        return {
          ok: true,
          providerId: recipient.messageId,
          segments: rendered.measure.segments,
          encoding: rendered.measure.encoding,
          status: code === 101 ? 'sent' : 'queued',
          shape: 'text',
        };
      const known = SEND_FAILURES[code] ?? { failure: 'rejected' as const, retryable: false };
      return {
        ok: false,
        ...known,
        ambiguous: false,
        providerCode: String(code),
        message: recipient.status ?? `Africa’s Talking status ${code}`,
      };
    }
    const text = response.body.trim().slice(0, 200) || `Africa’s Talking answered ${response.status}`;
    return failureFromStatus(response.status, response.headers, text);
  }

  return {
    kind: 'africastalking-sms',
    channelId: channel.channelId,
    caps: { buttons: 0, listRows: 0, maxChars: 1600, signed: false, mode: 'async' },
    verify: (request) => verifyPathToken(request, channel.pathToken),
    parse: (request) => parseAfricasTalkingSms(request, channel.channelId),
    ack: (reply) =>
      reply.kind === 'rejected'
        ? forbidden
        : { status: 200, headers: { 'content-type': 'text/plain' }, body: '' },
    render,
    readSendResponse,
    send: (message) => deliver({ render, readSendResponse }, context, message),
  };
}
