// Africa's Talking SMS and USSD driven by the local Africa's Talking over loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AfricasTalkingFake, startAfricasTalkingFake } from '../../test/fakes/africastalking.ts';
import { type Receiver, startReceiver } from '../../test/fakes/receiver.ts';
import { manualClock } from '../../test/manual-clock.ts';
import { mergeDeliveryStatus } from '../delivery-status.ts';
import { fetchHttpClient } from '../http-client.ts';
import type { ChannelAdapter, DeliveryStatus, Inbound, InboundStatus, UssdEnd, UssdHop } from '../types.ts';
import { africasTalkingSmsAdapter } from './sms.ts';
import { africasTalkingUssdAdapter, ussdScreen } from './ussd.ts';

const account = { username: 'coproduce', apiKey: 'at-api-key' };
const token = 'Qm9vdGggY2FsbGJhY2sgdG9rZW4'; // 27 url-safe characters, ~160 bits
const clock = manualClock('2026-11-26T08:00:00Z');
const routes: Record<string, ChannelAdapter> = {};
const screens: Record<string, string> = {
  '': 'CON Ingabe amanzi ahlanzekile ayatholakala?\n1. Yebo\n2. Cha',
  '1': 'CON Ingabe izindlu zangasese zihlanziwe?\n1. Yebo\n2. Cha',
  '2': 'CON Ingabe izindlu zangasese zihlanziwe?\n1. Yebo\n2. Cha',
};
let fake: AfricasTalkingFake;
let receiver: Receiver;
let sms: ChannelAdapter;
let hooks: { sms: string; reports: string; ussd: string; events: string };

const smsAdapter = (apiKey = account.apiKey, timeoutMs = 3000) =>
  africasTalkingSmsAdapter(
    {
      ...account,
      apiKey,
      channelId: 'ch-at',
      kind: 'africastalking-sms',
      pathToken: token,
      from: '20880',
      apiBaseUrl: fake.url,
    },
    { baseUrl: receiver.url, clock, http: fetchHttpClient({ timeoutMs }) },
  );

function inbound(index: number): Inbound[] {
  const outcome = receiver.received[index]?.outcome;
  if (outcome?.outcome !== 'accepted') throw new Error(`webhook ${index} was ${outcome?.outcome}`);
  return outcome.inbound;
}

beforeAll(async () => {
  fake = await startAfricasTalkingFake(account);
  receiver = await startReceiver({
    routes,
    clock,
    screen: (hop) => {
      const screen = screens[hop.text];
      return screen
        ? { text: screen.slice(4), end: false }
        : { text: 'Ngiyabonga! Sizokwazisa ngemiphumela.', end: true };
    },
  });
  sms = smsAdapter();
  routes['/hooks/at-sms/'] = sms;
  routes['/hooks/at-ussd/'] = africasTalkingUssdAdapter({
    ...account,
    channelId: 'ch-ussd',
    kind: 'africastalking-ussd',
    pathToken: token,
  });
  hooks = {
    sms: `${receiver.url}/hooks/at-sms/ch-at/${token}`,
    reports: `${receiver.url}/hooks/at-sms/ch-at/reports/${token}`,
    ussd: `${receiver.url}/hooks/at-ussd/ch-ussd/${token}`,
    events: `${receiver.url}/hooks/at-ussd/ch-ussd/events/${token}`,
  };
});
afterAll(async () => {
  await fake?.close();
  await receiver?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  fake.sent.length = 0;
});

describe('Africa’s Talking SMS callbacks', () => {
  it('accepts an inbound SMS on the channel’s token URL, dated by AT’s date', async () => {
    const answer = await fake.post(
      fake.smsWebhook(hooks.sms, {
        from: '+254711000001',
        to: '20880',
        text: '2',
        date: '2026-11-26 07:59:58',
      }),
    );
    expect(answer.status).toBe(200);
    expect(inbound(0)[0]).toMatchObject({
      kind: 'message',
      from: { scheme: 'tel', value: '+254711000001' },
      to: '20880',
      text: '2',
      at: new Date('2026-11-26T07:59:58Z'),
    });
  });

  it('gives a duplicate callback the same dedup key', async () => {
    const webhook = fake.smsWebhook(hooks.sms, { from: '+254711000001', to: '20880', text: 'Yebo' });
    await fake.post(webhook);
    await fake.post(webhook);
    expect(inbound(0)[0]!.dedupKey).toBe(inbound(1)[0]!.dedupKey);
  });

  it('rejects a wrong token and a URL without one with 403', async () => {
    const wrong = await fake.inboundSms(`${receiver.url}/hooks/at-sms/ch-at/${token.slice(0, -1)}x`, {
      from: '+254711000001',
      to: '20880',
      text: '1',
    });
    const none = await fake.inboundSms(`${receiver.url}/hooks/at-sms/`, {
      from: '+254711000001',
      to: '20880',
      text: '1',
    });
    expect([wrong.status, none.status]).toEqual([403, 403]);
    expect(receiver.received.map((r) => r.outcome.outcome === 'rejected' && r.outcome.reason)).toEqual([
      'bad_token',
      'bad_token',
    ]);
  });

  it('answers a malformed callback with 200 so AT does not retry it', async () => {
    const answer = await fake.post({
      url: hooks.sms,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'from=%2B254711000001&text=hi',
    });
    expect(answer.status).toBe(200);
    expect(receiver.received[0]!.outcome).toMatchObject({ outcome: 'malformed', problem: 'id is missing' });
  });

  it('reads delivery reports in any order; a blacklisted recipient is an opt-out', async () => {
    const sent = await sms.send({
      idempotencyKey: 'a1',
      to: { scheme: 'tel', value: '+254711000001' },
      text: 'Round 2 is open',
    });
    if (!sent.ok) throw new Error(sent.message);
    for (const status of ['Success', 'Sent', 'Buffered'])
      await fake.deliveryReport(hooks.reports, { id: sent.providerId, status, phoneNumber: '+254711000001' });
    const statuses = [0, 1, 2].map((i) => inbound(i)[0] as InboundStatus);
    expect(statuses.map((s) => s.providerId)).toEqual([sent.providerId, sent.providerId, sent.providerId]);
    expect(
      statuses.reduce<DeliveryStatus | undefined>((c, s) => mergeDeliveryStatus(c, s.status), undefined),
    ).toBe('delivered');
    await fake.deliveryReport(hooks.reports, {
      id: 'ATXid_2',
      status: 'Failed',
      phoneNumber: '+254711000002',
      failureReason: 'UserInBlacklist',
    });
    expect(inbound(3)[0]).toMatchObject({
      status: 'failed',
      failure: 'opted_out',
      errorCode: 'UserInBlacklist',
    });
  });
});

describe('Africa’s Talking SMS sends', () => {
  it('returns AT’s message id with our segment count and encoding', async () => {
    const result = await sms.send({
      idempotencyKey: 'a2',
      to: { scheme: 'tel', value: '+254711000001' },
      text: 'क्या आपकी बस्ती में साफ़ पानी उपलब्ध है?',
      choices: [
        { id: 'y', label: 'हाँ' },
        { id: 'n', label: 'नहीं' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      providerId: fake.sent[0]!.messageId,
      segments: 1,
      encoding: 'UCS-2',
      status: 'sent',
      shape: 'text',
    });
    expect(fake.sent[0]).toMatchObject({
      to: '+254711000001',
      from: '20880',
      message: 'क्या आपकी बस्ती में साफ़ पानी उपलब्ध है?\n1. हाँ\n2. नहीं',
    });
    expect(fake.requests.at(-1)!.headers.accept).toBe('application/json');
  });

  it('maps 406 to opted out, 405 to rejected, 429 and 500 to retryable, a bad key to auth, and a timeout', async () => {
    const to = { scheme: 'tel' as const, value: '+254711000009' };
    fake.blacklist('+254711000009');
    expect(await sms.send({ idempotencyKey: 'a3', to, text: 'x' })).toMatchObject({
      ok: false,
      failure: 'opted_out',
      providerCode: '406',
    });
    const other = { scheme: 'tel' as const, value: '+254711000010' };
    fake.failNext({ statusCode: 405 }, { status: 429 }, { status: 500 });
    expect(await sms.send({ idempotencyKey: 'a4', to: other, text: 'x' })).toMatchObject({
      failure: 'rejected',
      retryable: false,
      providerCode: '405',
    });
    expect(await sms.send({ idempotencyKey: 'a5', to: other, text: 'x' })).toMatchObject({
      failure: 'throttled',
      retryable: true,
    });
    expect(await sms.send({ idempotencyKey: 'a6', to: other, text: 'x' })).toMatchObject({
      failure: 'provider_error',
      retryable: true,
    });
    expect(await smsAdapter('wrong-key').send({ idempotencyKey: 'a7', to: other, text: 'x' })).toMatchObject({
      failure: 'auth',
      retryable: false,
    });
    fake.failNext({ timeout: true });
    expect(
      await smsAdapter(account.apiKey, 200).send({ idempotencyKey: 'a8', to: other, text: 'x' }),
    ).toMatchObject({ failure: 'timeout', ambiguous: true });
  });
});

describe('Africa’s Talking USSD', () => {
  it('runs a session with CON/END screens and cumulative text, then parses AT’s end notice', async () => {
    const session = fake.ussd({ target: hooks.ussd, events: hooks.events, phoneNumber: '+254711000001' });
    expect(await session.start()).toEqual({
      type: 'CON',
      text: 'Ingabe amanzi ahlanzekile ayatholakala?\n1. Yebo\n2. Cha',
      fits: true,
    });
    expect((await session.answer('1')).type).toBe('CON');
    expect(await session.answer('2')).toMatchObject({
      type: 'END',
      text: 'Ngiyabonga! Sizokwazisa ngemiphumela.',
    });
    const hops = [0, 1, 2].map((i) => inbound(i)[0] as UssdHop);
    expect(hops.map((h) => [h.text, h.inputs, h.latest])).toEqual([
      ['', [], undefined],
      ['1', ['1'], '1'],
      ['1*2', ['1', '2'], '2'],
    ]);
    expect(new Set(hops.map((h) => h.dedupKey)).size).toBe(3);
    expect(session.endNotices.map((a) => a.status)).toEqual([200]);
    expect(inbound(3)[0]).toMatchObject({
      kind: 'ussd_end',
      sessionId: session.sessionId,
      status: 'success',
      input: '1*2',
    } satisfies Partial<UssdEnd>);
  });

  it('reports a dropped session as incomplete, with the inputs and the last screen it reached', async () => {
    const session = fake.ussd({ target: hooks.ussd, events: hooks.events, phoneNumber: '+254711000002' });
    await session.start();
    await session.answer('2');
    await session.drop();
    expect(inbound(2)[0]).toMatchObject({
      kind: 'ussd_end',
      status: 'incomplete',
      input: '2',
      lastScreen: 'CON Ingabe izindlu zangasese zihlanziwe?\n1. Yebo\n2. Cha',
    });
    await expect(session.answer('1')).rejects.toThrow(/is over/);
  });

  it('refuses a hop on a wrong token (AT then fails the session) and closes a malformed hop with END', async () => {
    const forged = fake.ussd({
      target: `${receiver.url}/hooks/at-ussd/ch-ussd/not-the-token`,
      events: hooks.events,
      phoneNumber: '+254711000003',
    });
    expect((await forged.start()).type).toBe('END');
    expect(receiver.received[0]!.outcome).toMatchObject({ outcome: 'rejected', reason: 'bad_token' });
    expect(inbound(1)[0]).toMatchObject({ kind: 'ussd_end', status: 'failed' });
    const answer = await fake.post({
      url: hooks.ussd,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=1',
    });
    expect([answer.status, answer.body]).toEqual([200, 'END']);
  });

  it('measures screens: isiZulu fits 182, a Devanagari screen over 80 does not', () => {
    expect(
      ussdScreen('Ingabe amanzi ahlanzekile ayatholakala?', [{ label: 'Yebo' }, { label: 'Cha' }]),
    ).toMatchObject({ encoding: 'GSM-7', fits: true, limit: 182 });
    const hindi = ussdScreen('क्या पिछले सात दिनों में आपकी बस्ती का कचरा उठाया गया?', [
      { label: 'हाँ' },
      { label: 'नहीं' },
      { label: 'पता नहीं' },
    ]);
    expect(hindi).toMatchObject({ encoding: 'UCS-2', limit: 80, fits: false });
  });

  it('cannot send: USSD is started by the person dialling', async () => {
    expect(
      await routes['/hooks/at-ussd/']!.send({
        idempotencyKey: 'u',
        to: { scheme: 'tel', value: '+254711000001' },
        text: 'x',
      }),
    ).toMatchObject({ ok: false, failure: 'unsupported' });
  });
});
