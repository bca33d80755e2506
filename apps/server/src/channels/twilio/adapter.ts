// Twilio Programmable Messaging, SMS and WhatsApp (the same webhooks and Messages API; WhatsApp
// addresses carry a `whatsapp:` prefix and free text needs the 24-hour window).
import { prepareText } from '../encoding.ts';
import { parseForm } from '../form-body.ts';
import { numberedText } from '../numbered-choices.ts';
import { deliver, failureFromStatus, parseJson } from '../send.ts';
import type {
  Address,
  Capabilities,
  ChannelAdapter,
  ChannelContext,
  HttpResponse,
  Outbound,
  ParseResult,
  RawRequest,
  RawResponse,
  Rendered,
  RenderedRequest,
  Reply,
  SendResult,
  Verification,
} from '../types.ts';
import { windowOpen } from '../window.ts';
import { parseTwilio, twilioFailure } from './parse.ts';
import { signatureAlgorithm, validTwilioJsonSignature, validTwilioSignature } from './signature.ts';

export interface TwilioChannel {
  channelId: string;
  kind: 'twilio-sms' | 'twilio-whatsapp';
  accountSid: string;
  authToken: string;
  /** A Twilio SharedKey secret, for webhooks signed with HMAC_SHA256. */
  sharedKey?: string;
  /** Our number in E.164 (without `whatsapp:`); or a Messaging Service. */
  from?: string;
  messagingServiceSid?: string;
  /** Defaults to https://api.twilio.com; the local fake in tests and the offline demo. */
  apiBaseUrl?: string;
  /** Where Twilio posts delivery statuses, under the context's baseUrl. */
  statusCallbackPath?: string;
}

const TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const MAX_BODY = 1600;

const xmlEscape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function twilioAddress(address: Address, whatsapp: boolean): string {
  return whatsapp || address.scheme !== 'tel' ? `whatsapp:${address.value}` : address.value;
}

export function twilioAdapter(channel: TwilioChannel, context: ChannelContext): ChannelAdapter {
  const whatsapp = channel.kind === 'twilio-whatsapp';
  const apiBase = (channel.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const caps: Capabilities = {
    buttons: 0,
    listRows: 0,
    maxChars: MAX_BODY,
    signed: true,
    mode: 'async',
    ...(whatsapp ? { windowHours: 24 } : {}),
  };

  function verify(request: RawRequest): Verification {
    const header = request.headers['x-twilio-signature'];
    if (!header) return { ok: false, reason: 'missing_signature' };
    const algorithm = signatureAlgorithm(request.headers['x-twilio-webhooks-signature-settings']);
    if (algorithm === 'unsupported') return { ok: false, reason: 'bad_signature' };
    const key = algorithm === 'sha256' ? channel.sharedKey : channel.authToken;
    if (!key) return { ok: false, reason: 'not_configured' };
    const url = context.baseUrl + request.url;
    if (url.includes('bodySHA256='))
      return validTwilioJsonSignature(key, header, url, request.body, algorithm)
        ? { ok: true }
        : { ok: false, reason: 'bad_signature' };
    const params: Record<string, string[]> = {};
    if (request.method === 'POST')
      for (const [name, values] of parseForm(request.body)) params[name] = values;
    return validTwilioSignature(key, header, url, params, algorithm)
      ? { ok: true }
      : { ok: false, reason: 'bad_signature' };
  }

  function parse(request: RawRequest): ParseResult {
    if ((request.headers['content-type'] ?? '').includes('json')) {
      const body = parseJson(request.body.toString('utf8'));
      if (!body || typeof body !== 'object' || Array.isArray(body))
        return { ok: false, problem: 'the JSON body is not an object' };
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body))
        if (typeof value === 'string' || typeof value === 'number') form.append(name, String(value));
      return parseTwilio(
        { ...request, body: Buffer.from(form.toString()) },
        channel.channelId,
        channel.accountSid,
      );
    }
    return parseTwilio(request, channel.channelId, channel.accountSid);
  }

  function ack(reply: Reply): RawResponse {
    if (reply.kind === 'rejected')
      return {
        status: 403,
        headers: { 'content-type': 'text/plain' },
        body: 'Twilio request validation failed',
      };
    // Malformed but signed: 200 with an empty TwiML, so Twilio does not call the fallback URL forever.
    const body =
      reply.kind === 'screen' && reply.text
        ? `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${xmlEscape(reply.text)}</Message></Response>`
        : TWIML_EMPTY;
    return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
  }

  function render(message: Outbound, now: Date): Rendered {
    const fields = new URLSearchParams();
    fields.set('To', twilioAddress(message.to, whatsapp));
    if (channel.messagingServiceSid) fields.set('MessagingServiceSid', channel.messagingServiceSid);
    else if (channel.from) fields.set('From', whatsapp ? `whatsapp:${channel.from}` : channel.from);
    else
      return {
        ok: false,
        failure: 'rejected',
        message: 'The channel has neither a From number nor a Messaging Service',
      };
    if (channel.statusCallbackPath)
      fields.set('StatusCallback', context.baseUrl + channel.statusCallbackPath);
    const prepared = prepareText(numberedText(message.text, message.choices), {
      normalise: message.normalise ?? false,
    });
    let shape: 'text' | 'template' = 'text';
    if (whatsapp && !windowOpen(message.lastInboundAt, now)) {
      if (!message.template)
        return {
          ok: false,
          failure: 'needs_template',
          message: 'The WhatsApp window is closed: this message needs an approved template (ContentSid)',
        };
      fields.set('ContentSid', message.template.name);
      const variables: Record<string, string> = {};
      message.template.params.forEach((value, index) => {
        variables[String(index + 1)] = value;
      });
      fields.set('ContentVariables', JSON.stringify(variables));
      shape = 'template';
    } else {
      if ([...prepared.text].length > MAX_BODY)
        return { ok: false, failure: 'rejected', message: `Twilio takes at most ${MAX_BODY} characters` };
      fields.set('Body', prepared.text);
    }
    const credentials = Buffer.from(`${channel.accountSid}:${channel.authToken}`).toString('base64');
    return {
      ok: true,
      shape,
      text: prepared.text,
      measure: prepared.measure,
      request: {
        method: 'POST',
        url: `${apiBase}/2010-04-01/Accounts/${encodeURIComponent(channel.accountSid)}/Messages.json`,
        headers: {
          authorization: `Basic ${credentials}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: fields.toString(),
      },
    };
  }

  function readSendResponse(response: HttpResponse, rendered: RenderedRequest): SendResult {
    const body = parseJson(response.body) as { sid?: unknown; code?: unknown; message?: unknown } | undefined;
    if ((response.status === 200 || response.status === 201) && typeof body?.sid === 'string')
      return {
        ok: true,
        providerId: body.sid,
        segments: rendered.shape === 'template' || whatsapp ? 1 : rendered.measure.segments,
        encoding: rendered.measure.encoding,
        status: 'queued',
        shape: rendered.shape,
      };
    const code = body?.code === undefined ? undefined : String(body.code);
    const message = typeof body?.message === 'string' ? body.message : `Twilio answered ${response.status}`;
    const generic = failureFromStatus(response.status, response.headers, message, code);
    const failure = response.status >= 500 ? undefined : twilioFailure(code);
    if (!failure) return generic;
    return { ...generic, failure, retryable: failure === 'throttled' };
  }

  return {
    kind: channel.kind,
    channelId: channel.channelId,
    caps,
    verify,
    parse,
    ack,
    render,
    readSendResponse,
    send: (message) => deliver({ render, readSendResponse }, context, message),
  };
}
