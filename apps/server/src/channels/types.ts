// The one shape every messaging channel takes. Adapters are pure (verify, parse, ack, render,
// readSendResponse) apart from `send`, which uses the injected HTTP client; the monitoring domain
// stores raw requests, deduplicates on `dedupKey` and runs the conversation on top of these types.
import type { Clock } from '../clock.ts';
import type { Encoding, TextMeasure } from './encoding.ts';

export type ChannelKind =
  | 'twilio-sms'
  | 'twilio-whatsapp'
  | 'africastalking-sms'
  | 'africastalking-ussd'
  | 'whatsapp-cloud'
  | 'android-gateway';

/** A WhatsApp address is not necessarily a phone number: users with a username may show only a BSUID. */
export type AddressScheme = 'tel' | 'wa' | 'wa-bsuid';
export interface Address {
  scheme: AddressScheme;
  value: string;
}

/** A webhook as it reached us, stored before parsing (audit, replay). Header names in lower case. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as received (the public URL is `baseUrl` + this). */
  url: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
  receivedAt: Date;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** Why a send or a delivery failed, in terms the conversation can act on. */
export type FailureKind =
  | 'opted_out' // the recipient stopped messages (Twilio 21610, AT 406): mark them opted out everywhere
  | 'outside_window' // WhatsApp 24-hour window closed (Meta 131047, Twilio 63016): a template is needed
  | 'needs_template' // we refused to send free text outside the window
  | 'throttled' // 429 and the providers' own rate limits: retry later
  | 'unreachable' // number unknown, absent, not on WhatsApp
  | 'rejected' // the provider refused this message as written (bad parameters, blocked content)
  | 'auth' // our credentials are wrong: fix the channel settings, do not retry
  | 'provider_error' // 5xx or an error the provider says is temporary
  | 'timeout' // no answer in time: the message may or may not have gone
  | 'network'
  | 'unsupported'; // this channel cannot send that (USSD is pull-only)

export type ProviderKeyword = 'stop' | 'start' | 'help';

interface InboundBase {
  channelId: string;
  /** Unique per channel for the same provider event; kept ≥ 8 days (Meta retries up to 7). */
  dedupKey: string;
  at: Date;
}

export interface InboundMessage extends InboundBase {
  kind: 'message';
  /** The provider's id for this message (weak for the Android gateway: see its adapter). */
  providerId: string;
  from: Address;
  /** A second address of the same person (WhatsApp: the BSUID beside the phone number). */
  alias?: Address;
  /** Our number or account the message was sent to. */
  to: string;
  text: string;
  /** A button or list-row id (WhatsApp interactive reply, template quick reply, Twilio ButtonPayload). */
  choiceId?: string;
  media: string[];
  profileName?: string;
  /** The provider already treated the message as a keyword (Twilio Advanced Opt-Out). */
  providerKeyword?: ProviderKeyword;
  /** The message this one replies to (WhatsApp context.id). */
  replyTo?: string;
  /** A WhatsApp Flow's answers (`nfm_reply.response_json`), as sent. */
  flowResponseJson?: string;
}

export interface InboundStatus extends InboundBase {
  kind: 'status';
  /** The id `send` returned for the message this status is about. */
  providerId: string;
  status: DeliveryStatus;
  recipient?: Address;
  errorCode?: string;
  failure?: FailureKind;
  errorMessage?: string;
}

/** One screen of a USSD session: `inputs` are all answers so far, `latest` the one just typed. */
export interface UssdHop extends InboundBase {
  kind: 'ussd';
  sessionId: string;
  from: Address;
  serviceCode: string;
  text: string;
  inputs: string[];
  latest?: string;
}

export interface UssdEnd extends InboundBase {
  kind: 'ussd_end';
  sessionId: string;
  from: Address;
  status: 'success' | 'incomplete' | 'failed';
  input: string;
  lastScreen?: string;
  errorMessage?: string;
  durationMs?: number;
}

export type Inbound = InboundMessage | InboundStatus | UssdHop | UssdEnd;

/**
 * `skipped` names parts of a batch that were left out (another phone number's events, reactions,
 * unreadable entries); the raw request is stored, so nothing is lost, and the rest still counts.
 */
export type ParseResult =
  | { ok: true; inbound: Inbound[]; skipped?: string[] }
  | { ok: false; problem: string };

export type RejectReason =
  | 'missing_signature'
  | 'bad_signature'
  | 'stale'
  | 'missing_token'
  | 'bad_token'
  | 'not_configured';

export type Verification = { ok: true } | { ok: false; reason: RejectReason };

/** What we answer the provider with. */
export type Reply =
  | { kind: 'accepted' }
  | { kind: 'screen'; text: string; end: boolean } // USSD: the next screen
  | { kind: 'rejected'; reason: RejectReason }
  | { kind: 'malformed'; screen?: string }; // USSD may show a last screen in the person's language

export interface Choice {
  id: string;
  label: string;
  description?: string;
}

export interface Template {
  /** Meta: the approved template's name; Twilio: the Content SID (HX…). */
  name: string;
  language: string;
  params: string[];
  category: 'utility' | 'marketing';
}

export interface Outbound {
  /** Ours: the Android gateway uses it as the message id, so a retried send is not sent twice. */
  idempotencyKey: string;
  to: Address;
  text: string;
  choices?: Choice[];
  /** Needed outside the WhatsApp 24-hour window. */
  template?: Template;
  /** The author allowed smart punctuation to be replaced so the text stays GSM-7. */
  normalise?: boolean;
  /** When this person last wrote to us on this channel (opens the WhatsApp window). */
  lastInboundAt?: Date;
  /** The label of the button that opens a WhatsApp list (≤ 20 characters, in the person's language). */
  menuLabel?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  /** Resolves with any HTTP status; rejects with an HttpFailure on timeout or network failure. */
  send(request: HttpRequest): Promise<HttpResponse>;
}

export type Rendered =
  | { ok: true; request: HttpRequest; text: string; measure: TextMeasure; shape: MessageShape }
  | { ok: false; failure: FailureKind; message: string };

export type RenderedRequest = Extract<Rendered, { ok: true }>;

/** How a message was rendered on this channel. */
export type MessageShape = 'text' | 'buttons' | 'list' | 'template';

export type SendResult =
  | {
      ok: true;
      providerId: string;
      segments: number;
      encoding: Encoding;
      status: DeliveryStatus;
      shape: MessageShape;
    }
  | {
      ok: false;
      failure: FailureKind;
      retryable: boolean;
      /** True when the provider may have sent it anyway (timeouts): retry only with care. */
      ambiguous: boolean;
      providerCode?: string;
      message: string;
      retryAfterSeconds?: number;
    };

export interface Capabilities {
  buttons: number;
  listRows: number;
  maxChars: number;
  windowHours?: number;
  signed: boolean;
  mode: 'async' | 'ussd';
}

export interface ChannelContext {
  /** Our public origin as the provider calls it (PUBLIC_URL), without a trailing slash. */
  baseUrl: string;
  clock: Clock;
  http: HttpClient;
}

export interface ChannelAdapter {
  readonly kind: ChannelKind;
  readonly channelId: string;
  readonly caps: Capabilities;
  /** A subscription handshake (Meta's GET) answered without storing anything; undefined otherwise. */
  handshake?(request: RawRequest): RawResponse | undefined;
  verify(request: RawRequest): Verification;
  parse(request: RawRequest): ParseResult;
  ack(reply: Reply): RawResponse;
  render(message: Outbound, now: Date): Rendered;
  readSendResponse(response: HttpResponse, rendered: RenderedRequest): SendResult;
  send(message: Outbound): Promise<SendResult>;
}
