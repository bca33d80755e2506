// Africa's Talking USSD. Each screen is a form post with `text` = every input so far joined by `*`
// ("" on the first hop); we answer `CON <screen>` to continue or `END <screen>` to close. When the
// session ends (completed, dropped by the network or the person, or failed) AT posts an end notice
// to the events URL. Sessions drop often, so the domain saves the answer of every hop.
import { telAddress } from '../address.ts';
import { measureUssdScreen } from '../encoding.ts';
import { first, parseForm } from '../form-body.ts';
import { numberedText } from '../numbered-choices.ts';
import type { ChannelAdapter, Inbound, ParseResult, RawRequest, RawResponse, Reply } from '../types.ts';
import { type AfricasTalkingAccount, atDate, forbidden, verifyPathToken } from './token.ts';

export interface AfricasTalkingUssdChannel extends AfricasTalkingAccount {
  kind: 'africastalking-ussd';
}

const END_STATUSES = { Success: 'success', Incomplete: 'incomplete', Failed: 'failed' } as const;

export function parseAfricasTalkingUssd(request: RawRequest, channelId: string): ParseResult {
  const fields = parseForm(request.body);
  const sessionId = first(fields, 'sessionId');
  const phone = first(fields, 'phoneNumber');
  if (!sessionId) return { ok: false, problem: 'sessionId is missing' };
  if (!phone) return { ok: false, problem: 'phoneNumber is missing' };
  const status = first(fields, 'status');
  if (status !== undefined) {
    const mapped = END_STATUSES[status as keyof typeof END_STATUSES];
    if (!mapped) return { ok: false, problem: `status "${status}" is not a known session status` };
    const duration = Number(first(fields, 'durationInMillis') ?? first(fields, 'duration'));
    const lastScreen = first(fields, 'lastAppResponse');
    const errorMessage = first(fields, 'errorMessage');
    const inbound: Inbound = {
      kind: 'ussd_end',
      channelId,
      dedupKey: `${sessionId}:end`,
      sessionId,
      from: telAddress(phone),
      status: mapped,
      input: first(fields, 'input') ?? '',
      at: atDate(first(fields, 'date'), request.receivedAt),
      ...(lastScreen ? { lastScreen } : {}),
      ...(errorMessage ? { errorMessage } : {}),
      ...(Number.isFinite(duration) && duration >= 0 ? { durationMs: duration } : {}),
    };
    return { ok: true, inbound: [inbound] };
  }
  const text = first(fields, 'text') ?? '';
  const inputs = text === '' ? [] : text.split('*');
  const inbound: Inbound = {
    kind: 'ussd',
    channelId,
    // The cumulative text names the hop: a repeated post of the same hop carries the same text.
    dedupKey: `${sessionId}:${text}`,
    sessionId,
    from: telAddress(phone),
    serviceCode: first(fields, 'serviceCode') ?? '',
    text,
    inputs,
    at: request.receivedAt,
    ...(inputs.length ? { latest: inputs.at(-1)! } : {}),
  };
  return { ok: true, inbound: [inbound] };
}

/** A question and its numbered choices as one USSD screen, measured against 182 / 80 characters. */
export function ussdScreen(question: string, choices: { label: string }[] = []) {
  const text = numberedText(
    question,
    choices.map((choice, index) => ({ id: String(index), label: choice.label })),
  );
  return { text, ...measureUssdScreen(text) };
}

const plain = (status: number, body: string): RawResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

export function africasTalkingUssdAdapter(channel: AfricasTalkingUssdChannel): ChannelAdapter {
  function ack(reply: Reply): RawResponse {
    switch (reply.kind) {
      case 'rejected':
        return forbidden;
      case 'screen':
        return plain(200, `${reply.end ? 'END' : 'CON'} ${reply.text}`);
      case 'malformed':
        // An END closes the session cleanly; a 4xx would leave the person with a network error.
        return plain(200, `END ${reply.screen ?? ''}`.trimEnd());
      case 'accepted':
        // The end notice needs only a 200; a hop answered without a screen is closed.
        return plain(200, 'END');
    }
  }
  return {
    kind: 'africastalking-ussd',
    channelId: channel.channelId,
    caps: { buttons: 0, listRows: 0, maxChars: 182, signed: false, mode: 'ussd' },
    verify: (request) => verifyPathToken(request, channel.pathToken),
    parse: (request) => parseAfricasTalkingUssd(request, channel.channelId),
    ack,
    render: () => ({
      ok: false,
      failure: 'unsupported',
      message: 'USSD sessions are started by the person dialling',
    }),
    readSendResponse: () => ({
      ok: false,
      failure: 'unsupported',
      retryable: false,
      ambiguous: false,
      message: 'USSD cannot send',
    }),
    send: async () => ({
      ok: false,
      failure: 'unsupported',
      retryable: false,
      ambiguous: false,
      message: 'USSD sessions are started by the person dialling; send an SMS instead',
    }),
  };
}
