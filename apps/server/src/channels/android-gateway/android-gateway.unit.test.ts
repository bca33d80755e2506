// The Android SMS gateway adapter driven by the local SMS Gateway app over loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AndroidGatewayFake,
  deviceTime,
  startAndroidGatewayFake,
} from '../../test/fakes/android-gateway.ts';
import { type Receiver, startReceiver } from '../../test/fakes/receiver.ts';
import { manualClock } from '../../test/manual-clock.ts';
import { mergeDeliveryStatus } from '../delivery-status.ts';
import { fetchHttpClient } from '../http-client.ts';
import type { ChannelAdapter, DeliveryStatus, Inbound, InboundStatus } from '../types.ts';
import { type AndroidGatewayChannel, androidGatewayAdapter } from './adapter.ts';

const clock = manualClock('2026-11-26T08:00:00Z');
const secrets = { username: 'sms', password: 'gateway-password', signingKey: 'gateway-signing-key' };
const routes: Record<string, ChannelAdapter> = {};
let fake: AndroidGatewayFake;
let receiver: Receiver;
let gateway: ChannelAdapter;
const to = { scheme: 'tel' as const, value: '+27821234567' };

const adapter = (overrides: Partial<AndroidGatewayChannel> = {}, timeoutMs = 3000) =>
  androidGatewayAdapter(
    { ...secrets, channelId: 'ch-phone', kind: 'android-gateway', apiBaseUrl: fake.url, ...overrides },
    { baseUrl: receiver.url, clock, http: fetchHttpClient({ timeoutMs }) },
  );

function inbound(index = 0): Inbound[] {
  const outcome = receiver.received[index]?.outcome;
  if (outcome?.outcome !== 'accepted') throw new Error(`webhook ${index} was ${outcome?.outcome}`);
  return outcome.inbound;
}

beforeAll(async () => {
  receiver = await startReceiver({ routes, clock });
  fake = await startAndroidGatewayFake({ ...secrets, webhookUrl: `${receiver.url}/hooks/phone`, clock });
  gateway = adapter();
  routes['/hooks/phone'] = gateway;
});
afterAll(async () => {
  await fake?.close();
  await receiver?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  fake.sent.length = 0;
});

describe('SMS gateway webhooks', () => {
  it('accepts a signed sms:received and reads the device-local time as an instant', async () => {
    const answer = await fake.smsReceived({
      sender: '+27821234567',
      message: 'Yebo',
      receivedAt: '2026-11-26T09:59:30.000+02:00',
    });
    expect(answer.status).toBe(200);
    expect(inbound()[0]).toMatchObject({
      kind: 'message',
      from: { scheme: 'tel', value: '+27821234567' },
      to: '+27870004444',
      text: 'Yebo',
      at: new Date('2026-11-26T07:59:30Z'),
    });
  });

  it('keys a message on its content, so retries and a second registration are one message', async () => {
    const sms = { sender: '+27821234567', message: '1', receivedAt: deviceTime(clock.now()) };
    const first = fake.smsWebhook(sms);
    await fake.post(first);
    await fake.post(first);
    clock.advance(40_000);
    const envelope = JSON.parse(first.body);
    await fake.post(fake.webhook('sms:received', envelope.payload, { id: envelope.id })); // the app's retry, re-signed
    await fake.post(fake.webhook('sms:received', envelope.payload)); // another registered webhook
    const keys = [0, 1, 2, 3].map((i) => inbound(i)[0]!.dedupKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps two messages apart that share the app’s 32-bit id, or that repeat the same answer later', async () => {
    await fake.smsReceived({ sender: '+27821234567', message: '1', messageId: 'a1b2c3d4' });
    await fake.smsReceived({ sender: '+27821234568', message: '2', messageId: 'a1b2c3d4' });
    clock.advance(10_000);
    await fake.smsReceived({ sender: '+27821234567', message: '1' });
    const keys = [0, 1, 2].map((i) => inbound(i)[0]!.dedupKey);
    expect(new Set(keys).size).toBe(3);
    expect(inbound(0)[0]).toMatchObject({ providerId: 'a1b2c3d4' });
  });

  it('rejects a stale timestamp, a tampered body, missing headers and another key with 401', async () => {
    const sms = { sender: '+27821234567', message: '1' };
    const webhook = fake.smsWebhook(sms);
    const stale = fake.webhook('sms:received', JSON.parse(webhook.body).payload, {
      signedAt: new Date(clock.now().getTime() - 6 * 60_000),
    });
    const other = await startAndroidGatewayFake({
      ...secrets,
      signingKey: 'not-our-key',
      webhookUrl: webhook.url,
      clock,
    });
    const answers = [
      await fake.post(stale),
      await fake.post({ ...webhook, body: webhook.body.replace('"message":"1"', '"message":"2"') }),
      await fake.post({ ...webhook, headers: { 'content-type': 'application/json' } }),
      await other.smsReceived(sms),
    ];
    await other.close();
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(receiver.received.map((r) => r.outcome.outcome === 'rejected' && r.outcome.reason)).toEqual([
      'stale',
      'bad_signature',
      'missing_signature',
      'bad_signature',
    ]);
  });

  it('reads a batch of received messages, skips pings and answers an unreadable payload with 200', async () => {
    await fake.post(
      fake.webhook('sms:batch:received', {
        messages: [
          { messageId: '1f', message: 'Cha', sender: '+27821234567', receivedAt: deviceTime(clock.now()) },
          { messageId: '2f', message: 'Yebo', sender: '+27821234568', receivedAt: deviceTime(clock.now()) },
        ],
      }),
    );
    expect(inbound(0).map((m) => (m.kind === 'message' ? m.text : ''))).toEqual(['Cha', 'Yebo']);
    await fake.post(fake.webhook('system:ping', { health: { status: 'pass' } }));
    expect(inbound(1)).toEqual([]);
    expect((await fake.post(fake.webhook('sms:sent', { sentAt: 'x' }))).status).toBe(200);
    expect(receiver.received[2]!.outcome).toMatchObject({ outcome: 'malformed' });
  });
});

describe('SMS gateway sends', () => {
  it('sends through the phone’s local server with our idempotency key as the message id', async () => {
    const result = await gateway.send({
      idempotencyKey: 'round-3:q1:person-9',
      to,
      text: 'Ingabe udoti uqoqiwe?',
      choices: [
        { id: 'y', label: 'Yebo' },
        { id: 'n', label: 'Cha' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      providerId: 'round-3:q1:person-9',
      segments: 1,
      encoding: 'GSM-7',
      status: 'queued',
      shape: 'text',
    });
    expect(fake.sent[0]).toMatchObject({
      id: 'round-3:q1:person-9',
      text: 'Ingabe udoti uqoqiwe?\n1. Yebo\n2. Cha',
      phoneNumbers: ['+27821234567'],
    });
    expect(fake.requests.at(-1)!.url).toBe('/messages');
  });

  it('sends through the cloud server path too, and counts UCS-2 segments', async () => {
    const cloud = adapter({ apiBaseUrl: `${fake.url}/3rdparty/v1` });
    const result = await cloud.send({
      idempotencyKey: 'k2',
      to,
      text: 'क्या आपकी बस्ती में पिछले सात दिनों में कचरा उठाया गया? कृपया 1 या 2 भेजें।',
    });
    expect(result).toMatchObject({ ok: true, encoding: 'UCS-2', segments: 2 });
    expect(fake.requests.at(-1)!.url).toBe('/3rdparty/v1/messages');
  });

  it('merges delivered and sent arriving out of order, and reports a phone-side failure', async () => {
    await gateway.send({ idempotencyKey: 'k3', to, text: 'Round 3' });
    await fake.statuses('k3', ['sms:delivered', 'sms:sent']);
    const statuses = [0, 1].map((i) => inbound(i)[0] as InboundStatus);
    expect(
      statuses.reduce<DeliveryStatus | undefined>((c, s) => mergeDeliveryStatus(c, s.status), undefined),
    ).toBe('delivered');
    fake.failNext({ failed: 'RESULT_ERROR_NO_SERVICE' });
    await gateway.send({ idempotencyKey: 'k4', to, text: 'Round 3' });
    await fake.settled();
    expect(inbound(2)[0]).toMatchObject({
      providerId: 'k4',
      status: 'failed',
      failure: 'provider_error',
      errorMessage: 'RESULT_ERROR_NO_SERVICE',
    });
  });

  it('reports a full queue as throttled, 5xx, wrong credentials, an invalid number and a timeout', async () => {
    fake.failNext({ status: 429 }, { status: 500 });
    expect(await gateway.send({ idempotencyKey: 'k5', to, text: 'x' })).toMatchObject({
      failure: 'throttled',
      retryable: true,
    });
    expect(await gateway.send({ idempotencyKey: 'k6', to, text: 'x' })).toMatchObject({
      failure: 'provider_error',
      retryable: true,
    });
    expect(await adapter({ password: 'wrong' }).send({ idempotencyKey: 'k7', to, text: 'x' })).toMatchObject({
      failure: 'auth',
    });
    expect(
      await gateway.send({ idempotencyKey: 'k8', to: { scheme: 'tel', value: '0821234567' }, text: 'x' }),
    ).toMatchObject({ failure: 'rejected', message: expect.stringContaining('0821234567') });
    fake.failNext({ timeout: true });
    expect(await adapter({}, 200).send({ idempotencyKey: 'k9', to, text: 'x' })).toMatchObject({
      failure: 'timeout',
      ambiguous: true,
    });
  });
});
