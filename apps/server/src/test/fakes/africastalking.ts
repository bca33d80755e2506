// A local Africa's Talking: the messaging API (apiKey header, form body, JSON recipients with
// per-number status codes), SMS callbacks and delivery reports (unsigned, as AT sends them), and a
// USSD gateway that plays a person dialling: cumulative `text`, CON/END screens checked against
// the 182 / 80 character limits, dropped sessions, and the end-of-session notice.
import { randomBytes, randomUUID } from 'node:crypto';
import { measureUssdScreen } from '../../channels/encoding.ts';
import {
  type CommonFailure,
  type FakeServer,
  json,
  postWebhook,
  type SignedWebhook,
  startFakeServer,
  type WebhookAnswer,
} from './fake-server.ts';

/** A per-recipient status code for the next send: 406 UserInBlacklist, 405 InsufficientBalance… */
export type AfricasTalkingFailure =
  | CommonFailure
  | { statusCode: 401 | 402 | 403 | 405 | 406 | 407 | 409 | 500 };

export interface AfricasTalkingSent {
  messageId: string;
  to: string;
  message: string;
  from?: string;
}

export interface UssdScreen {
  type: 'CON' | 'END';
  text: string;
  fits: boolean;
}

export interface UssdSession {
  sessionId: string;
  screens: UssdScreen[];
  /** Dials (first hop, text ""). */
  start(): Promise<UssdScreen>;
  /** Types an answer; the fake posts every input so far. */
  answer(input: string): Promise<UssdScreen>;
  /** The network drops the session (timeout, no signal): AT sends an Incomplete end notice. */
  drop(): Promise<WebhookAnswer>;
  /** The end notices the fake posted for this session. */
  endNotices: WebhookAnswer[];
}

export interface AfricasTalkingFake extends FakeServer<AfricasTalkingFailure> {
  sent: AfricasTalkingSent[];
  blacklist(number: string): void;
  smsWebhook(
    target: string,
    message: { from: string; to: string; text: string; date?: string },
  ): SignedWebhook;
  inboundSms(target: string, message: { from: string; to: string; text: string }): Promise<WebhookAnswer>;
  deliveryReport(
    target: string,
    report: { id: string; status: string; phoneNumber: string; failureReason?: string },
  ): Promise<WebhookAnswer>;
  ussd(options: { target: string; events: string; phoneNumber: string; serviceCode?: string }): UssdSession;
  post(webhook: SignedWebhook): Promise<WebhookAnswer>;
}

const form = (url: string, fields: Record<string, string>): SignedWebhook => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const atNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

export async function startAfricasTalkingFake(account: {
  username: string;
  apiKey: string;
}): Promise<AfricasTalkingFake> {
  const sent: AfricasTalkingSent[] = [];
  const blacklisted = new Set<string>();
  const fake = await startFakeServer<AfricasTalkingFailure>((request, failure) => {
    if (request.method !== 'POST' || request.url !== '/version1/messaging')
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
    const fields = new URLSearchParams(request.body);
    if (request.headers.apikey !== account.apiKey || fields.get('username') !== account.username)
      return {
        status: 401,
        headers: { 'content-type': 'text/plain' },
        body: 'The supplied authentication is invalid',
      };
    if (failure && 'status' in failure)
      return { status: failure.status, headers: { 'content-type': 'text/plain' }, body: 'Request failed' };
    const to = fields.get('to');
    const message = fields.get('message');
    if (!to || !message)
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'Missing to or message' };
    const recipients = to.split(',').map((number) => {
      const code = blacklisted.has(number)
        ? 406
        : failure && 'statusCode' in failure
          ? failure.statusCode
          : 101;
      if (code !== 101)
        return {
          statusCode: code,
          number,
          status: code === 406 ? 'UserInBlacklist' : 'Failed',
          cost: '0',
          messageId: 'None',
        };
      const messageId = `ATXid_${randomBytes(16).toString('hex')}`;
      sent.push({
        messageId,
        to: number,
        message,
        ...(fields.get('from') ? { from: fields.get('from')! } : {}),
      });
      return { statusCode: 101, number, status: 'Success', cost: 'KES 0.8000', messageId };
    });
    const ok = recipients.filter((r) => r.statusCode === 101).length;
    return json(201, {
      SMSMessageData: {
        Message: `Sent to ${ok}/${recipients.length} Total Cost: KES ${(0.8 * ok).toFixed(4)}`,
        Recipients: recipients,
      },
    });
  });

  function ussd(options: {
    target: string;
    events: string;
    phoneNumber: string;
    serviceCode?: string;
  }): UssdSession {
    const sessionId = `ATUid_${randomBytes(12).toString('hex')}`;
    const inputs: string[] = [];
    const screens: UssdScreen[] = [];
    const endNotices: WebhookAnswer[] = [];
    const started = Date.now();
    let over = false;
    const notice = async (status: 'Success' | 'Incomplete' | 'Failed', errorMessage?: string) => {
      over = true;
      const answer = await postWebhook(
        form(options.events, {
          date: atNow(),
          sessionId,
          serviceCode: options.serviceCode ?? '*384*1234#',
          networkCode: '63902',
          phoneNumber: options.phoneNumber,
          status,
          cost: 'KES 0.0000',
          durationInMillis: String(Date.now() - started),
          hopsCount: String(screens.length),
          input: inputs.join('*'),
          lastAppResponse: screens.at(-1) ? `${screens.at(-1)!.type} ${screens.at(-1)!.text}` : '',
          errorMessage: errorMessage ?? '',
        }),
      );
      endNotices.push(answer);
      return answer;
    };
    const hop = async (): Promise<UssdScreen> => {
      if (over) throw new Error(`USSD session ${sessionId} is over`);
      const answer = await postWebhook(
        form(options.target, {
          sessionId,
          serviceCode: options.serviceCode ?? '*384*1234#',
          phoneNumber: options.phoneNumber,
          networkCode: '63902',
          text: inputs.join('*'),
        }),
      );
      const match = /^(CON|END) ?([\s\S]*)$/.exec(answer.body);
      if (answer.status !== 200 || !match) {
        // AT ends the session when the application answers badly.
        await notice('Failed', `Invalid response from application: ${answer.status}`);
        const screen: UssdScreen = { type: 'END', text: '', fits: true };
        screens.push(screen);
        return screen;
      }
      const screen: UssdScreen = {
        type: match[1] as 'CON' | 'END',
        text: match[2]!,
        fits: measureUssdScreen(match[2]!).fits,
      };
      screens.push(screen);
      if (screen.type === 'END') await notice('Success');
      return screen;
    };
    return {
      sessionId,
      screens,
      endNotices,
      start: hop,
      answer: (input) => {
        inputs.push(input);
        return hop();
      },
      drop: () => notice('Incomplete'),
    };
  }

  function smsWebhook(target: string, message: { from: string; to: string; text: string; date?: string }) {
    return form(target, {
      date: message.date ?? atNow(),
      from: message.from,
      id: randomUUID(),
      linkId: randomUUID(),
      text: message.text,
      to: message.to,
      networkCode: '63902',
    });
  }

  return {
    ...fake,
    sent,
    blacklist: (number) => blacklisted.add(number),
    smsWebhook,
    inboundSms: (target, message) => postWebhook(smsWebhook(target, message)),
    deliveryReport: (target, report) =>
      postWebhook(
        form(target, {
          id: report.id,
          status: report.status,
          phoneNumber: report.phoneNumber,
          networkCode: '63902',
          retryCount: '0',
          ...(report.failureReason ? { failureReason: report.failureReason } : {}),
        }),
      ),
    ussd,
    post: postWebhook,
  };
}
