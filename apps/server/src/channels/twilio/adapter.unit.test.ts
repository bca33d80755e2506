// The Twilio adapter driven by the local Twilio over real HTTP on loopback: the fake signs with
// twilio-node's signer and posts to a receiver running our verify, parse and ack; our sends go to
// the fake's Messages API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../test/fakes/receiver.ts';
import { startTwilioFake, type TwilioFake } from '../../test/fakes/twilio.ts';
import { manualClock } from '../../test/manual-clock.ts';
import { mergeDeliveryStatus } from '../delivery-status.ts';
import { fetchHttpClient } from '../http-client.ts';
import type { ChannelAdapter, DeliveryStatus, Inbound, InboundMessage, InboundStatus } from '../types.ts';
import { type TwilioChannel, twilioAdapter } from './adapter.ts';

const account = { accountSid: 'AC00000000000000000000000000000001', authToken: 'twilio-auth-token' };
const clock = manualClock('2026-11-26T08:00:00Z');
const routes: Record<string, ChannelAdapter> = {};
let fake: TwilioFake;
let receiver: Receiver;
let sms: ChannelAdapter;
let whatsapp: ChannelAdapter;
let smsHook: string;

function adapter(
  channel: Partial<TwilioChannel> & Pick<TwilioChannel, 'kind' | 'channelId'>,
  timeoutMs = 3000,
) {
  return twilioAdapter(
    { ...account, apiBaseUrl: fake.url, sharedKey: 'shared-key-secret', from: '+27870001111', ...channel },
    { baseUrl: receiver.url, clock, http: fetchHttpClient({ timeoutMs }) },
  );
}

function inboundOf(index = 0): Inbound[] {
  const received = receiver.received[index];
  if (received?.outcome.outcome !== 'accepted')
    throw new Error(`webhook ${index} was ${received?.outcome.outcome}`);
  return received.outcome.inbound;
}

beforeAll(async () => {
  fake = await startTwilioFake(account);
  receiver = await startReceiver({ routes, clock });
  sms = adapter({ channelId: 'ch-sms', kind: 'twilio-sms', statusCallbackPath: '/hooks/twilio/status' });
  whatsapp = adapter({
    channelId: 'ch-wa',
    kind: 'twilio-whatsapp',
    from: '+27870002222',
    statusCallbackPath: '/hooks/twilio-wa/status',
  });
  routes['/hooks/twilio/'] = sms;
  routes['/hooks/twilio-wa/'] = whatsapp;
  smsHook = `${receiver.url}/hooks/twilio/sms`;
});
afterAll(async () => {
  await fake?.close();
  await receiver?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  fake.sent.length = 0;
});

describe('Twilio webhooks', () => {
  it('accepts a signed inbound SMS, answers an empty TwiML and keys it on MessageSid', async () => {
    const answer = await fake.inbound(smsHook, { from: '+27821234567', to: '+27870001111', body: '1' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const [message] = inboundOf() as InboundMessage[];
    expect(message).toMatchObject({
      kind: 'message',
      channelId: 'ch-sms',
      from: { scheme: 'tel', value: '+27821234567' },
      to: '+27870001111',
      text: '1',
      at: clock.now(),
    });
    expect(message!.dedupKey).toBe(message!.providerId);
    expect(message!.providerId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('gives a replayed webhook the same dedup key', async () => {
    const webhook = fake.inboundWebhook(smsHook, { from: '+27821234567', to: '+27870001111', body: 'Yebo' });
    await fake.post(webhook);
    await fake.post(webhook);
    expect(inboundOf(0)[0]!.dedupKey).toBe(inboundOf(1)[0]!.dedupKey);
  });

  it('rejects a tampered body, a wrong auth token and a missing signature with 403', async () => {
    const webhook = fake.inboundWebhook(smsHook, { from: '+27821234567', to: '+27870001111', body: '1' });
    const tampered = await fake.post({ ...webhook, body: webhook.body.replace('Body=1', 'Body=2') });
    const other = await startTwilioFake({ ...account, authToken: 'someone-elses-token' });
    const forged = await other.inbound(smsHook, { from: '+27821234567', to: '+27870001111', body: '1' });
    await other.close();
    const { 'x-twilio-signature': _, ...unsigned } = webhook.headers;
    const missing = await fake.post({ ...webhook, headers: unsigned });
    expect([tampered.status, forged.status, missing.status]).toEqual([403, 403, 403]);
    expect(receiver.received.map((r) => r.outcome.outcome === 'rejected' && r.outcome.reason)).toEqual([
      'bad_signature',
      'bad_signature',
      'missing_signature',
    ]);
  });

  it('accepts a URL signed with the standard port, behind a proxy at a public address', async () => {
    const behindProxy = twilioAdapter(
      { ...account, channelId: 'ch-proxy', kind: 'twilio-sms' },
      { baseUrl: 'https://coproduce.example.org', clock, http: fetchHttpClient({ timeoutMs: 1000 }) },
    );
    routes['/hooks/proxied/'] = behindProxy;
    const answer = await fake.inbound(
      `${receiver.url}/hooks/proxied/sms?channel=7`,
      { from: '+27821234567', to: '+27870001111', body: '2' },
      { publicUrl: 'https://coproduce.example.org/hooks/proxied/sms?channel=7', withStandardPort: true },
    );
    expect(answer.status).toBe(200);
    delete routes['/hooks/proxied/'];
  });

  it('accepts HMAC-SHA256 SharedKey signatures, and refuses them on a channel without the key', async () => {
    const signed = { from: '+27821234567', to: '+27870001111', body: '3' };
    expect((await fake.inbound(smsHook, signed, { sharedKey: 'shared-key-secret' })).status).toBe(200);
    routes['/hooks/nokey/'] = adapter({ channelId: 'ch-nokey', kind: 'twilio-sms', sharedKey: undefined });
    const refused = await fake.inbound(`${receiver.url}/hooks/nokey/sms`, signed, {
      sharedKey: 'shared-key-secret',
    });
    delete routes['/hooks/nokey/'];
    expect(refused.status).toBe(403);
    expect(receiver.received[1]!.outcome).toMatchObject({ outcome: 'rejected', reason: 'not_configured' });
  });

  it('verifies the JSON bodySHA256 mode and rejects a body that does not hash to it', async () => {
    const webhook = fake.jsonWebhook(smsHook, {
      MessageSid: 'SM1',
      AccountSid: account.accountSid,
      From: '+27821234567',
      Body: 'Cha',
    });
    expect((await fake.post(webhook)).status).toBe(200);
    expect(inboundOf()[0]).toMatchObject({ providerId: 'SM1', text: 'Cha' });
    expect((await fake.post({ ...webhook, body: webhook.body.replace('Cha', 'Yebo') })).status).toBe(403);
  });

  it('answers a signed but malformed payload with 200 so Twilio does not fall back or retry', async () => {
    const answer = await fake.post(fake.sign(smsHook, { AccountSid: account.accountSid, Body: 'no sid' }));
    expect(answer.status).toBe(200);
    expect(receiver.received[0]!.outcome).toMatchObject({
      outcome: 'malformed',
      problem: 'MessageSid is missing',
    });
  });

  it('reads a WhatsApp reply: profile name, quick-reply payload, BSUID and Advanced Opt-Out keyword', async () => {
    await fake.inbound(`${receiver.url}/hooks/twilio-wa/in`, {
      from: 'whatsapp:+27821234567',
      to: 'whatsapp:+27870002222',
      body: 'Yebo',
      profileName: 'Thandi',
      waId: '27821234567',
      buttonPayload: 'water.yes',
      buttonText: 'Yebo',
      externalUserId: 'ZA.1234567890123456',
      optOutType: 'STOP',
    });
    expect(inboundOf()[0]).toMatchObject({
      from: { scheme: 'wa', value: '+27821234567' },
      alias: { scheme: 'wa-bsuid', value: 'ZA.1234567890123456' },
      to: '+27870002222',
      choiceId: 'water.yes',
      profileName: 'Thandi',
      providerKeyword: 'stop',
    });
  });
});

describe('Twilio sends', () => {
  it('sends through the Messages API and returns the sid, segments and encoding', async () => {
    const result = await sms.send({
      idempotencyKey: 'k1',
      to: { scheme: 'tel', value: '+27821234567' },
      text: 'Ingabe amanzi ahlanzekile ayatholakala?',
      choices: [
        { id: 'yes', label: 'Yebo' },
        { id: 'no', label: 'Cha' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      providerId: fake.sent[0]!.sid,
      segments: 1,
      encoding: 'GSM-7',
      status: 'queued',
      shape: 'text',
    });
    expect(fake.sent[0]).toMatchObject({
      to: '+27821234567',
      from: '+27870001111',
      body: 'Ingabe amanzi ahlanzekile ayatholakala?\n1. Yebo\n2. Cha',
      statusCallback: `${receiver.url}/hooks/twilio/status`,
    });
  });

  it('counts a UCS-2 message in 67-character segments, and keeps it GSM-7 when normalising is allowed', async () => {
    const afrikaans = await sms.send({
      idempotencyKey: 'k2',
      to: { scheme: 'tel', value: '+27821234567' },
      text: `${'Is daar skoon water? '.repeat(4)}ê`,
    });
    expect(afrikaans).toMatchObject({ ok: true, encoding: 'UCS-2', segments: 2 });
    const curly = await sms.send({
      idempotencyKey: 'k3',
      to: { scheme: 'tel', value: '+27821234567' },
      text: 'It’s round 3',
      normalise: true,
    });
    expect(curly).toMatchObject({ ok: true, encoding: 'GSM-7', segments: 1 });
    expect(fake.sent[1]!.body).toBe("It's round 3");
  });

  it('delivers statuses out of order to the status callback; the merged status is delivered', async () => {
    const sent = await sms.send({
      idempotencyKey: 'k4',
      to: { scheme: 'tel', value: '+27821234567' },
      text: 'Round 4',
    });
    if (!sent.ok) throw new Error(sent.message);
    const answers = await fake.statuses(sent.providerId, ['delivered', 'sent', 'queued', 'sent']);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const statuses = receiver.received.map((_, i) => inboundOf(i)[0] as InboundStatus);
    expect(statuses.map((s) => s.providerId)).toEqual(Array(4).fill(sent.providerId));
    expect(statuses[1]!.dedupKey).toBe(statuses[3]!.dedupKey);
    const final = statuses.reduce<DeliveryStatus | undefined>(
      (c, s) => mergeDeliveryStatus(c, s.status),
      undefined,
    );
    expect(final).toBe('delivered');
  });

  it('reports 21610 as opted out, 429 and 503 as retryable, and a timeout as ambiguous', async () => {
    const to = { scheme: 'tel' as const, value: '+27829999999' };
    fake.optOut('+27829999999');
    expect(await sms.send({ idempotencyKey: 'k5', to, text: 'x' })).toMatchObject({
      ok: false,
      failure: 'opted_out',
      providerCode: '21610',
      retryable: false,
    });
    const other = { scheme: 'tel' as const, value: '+27820000001' };
    fake.failNext({ status: 429 }, { status: 503 });
    expect(await sms.send({ idempotencyKey: 'k6', to: other, text: 'x' })).toMatchObject({
      failure: 'throttled',
      retryable: true,
      providerCode: '20429',
    });
    expect(await sms.send({ idempotencyKey: 'k7', to: other, text: 'x' })).toMatchObject({
      failure: 'provider_error',
      retryable: true,
    });
    const impatient = adapter({ channelId: 'ch-sms', kind: 'twilio-sms' }, 200);
    fake.failNext({ timeout: true });
    expect(await impatient.send({ idempotencyKey: 'k8', to: other, text: 'x' })).toMatchObject({
      failure: 'timeout',
      ambiguous: true,
      retryable: true,
    });
  });

  it('refuses free text on WhatsApp outside the window, and sends the template by ContentSid', async () => {
    const to = { scheme: 'wa' as const, value: '+27821234567' };
    const closed = await whatsapp.send({ idempotencyKey: 'k9', to, text: 'Round 5 is open' });
    expect(closed).toMatchObject({ ok: false, failure: 'needs_template' });
    expect(fake.sent).toHaveLength(0);
    const template = {
      name: 'HX00000000000000000000000000000005',
      language: 'zu',
      params: ['5', 'Kwa-Mashu'],
      category: 'utility' as const,
    };
    expect(
      await whatsapp.send({ idempotencyKey: 'k10', to, text: 'Round 5 is open', template }),
    ).toMatchObject({ ok: true, shape: 'template' });
    expect(fake.sent[0]).toMatchObject({
      to: 'whatsapp:+27821234567',
      from: 'whatsapp:+27870002222',
      contentSid: template.name,
      contentVariables: '{"1":"5","2":"Kwa-Mashu"}',
    });
    const inside = await whatsapp.send({
      idempotencyKey: 'k11',
      to,
      text: 'Thank you',
      lastInboundAt: new Date(clock.now().getTime() - 3_600_000),
    });
    expect(inside).toMatchObject({ ok: true, shape: 'text' });
    expect(fake.sent[1]!.body).toBe('Thank you');
  });

  it('learns of a WhatsApp message failed with 63016 from its status callback', async () => {
    fake.failNext({ code: 63016 });
    const sent = await whatsapp.send({
      idempotencyKey: 'k12',
      to: { scheme: 'wa', value: '+27821234567' },
      text: 'Hi',
      lastInboundAt: clock.now(),
    });
    expect(sent).toMatchObject({ ok: true });
    await fake.settled();
    expect(inboundOf()[0]).toMatchObject({
      kind: 'status',
      status: 'failed',
      errorCode: '63016',
      failure: 'outside_window',
    });
  });

  it('escapes text put into an inline TwiML reply', () => {
    expect(sms.ack({ kind: 'screen', text: 'Tom & <Jerry>', end: false }).body).toContain(
      '<Message>Tom &amp; &lt;Jerry&gt;</Message>',
    );
  });
});
