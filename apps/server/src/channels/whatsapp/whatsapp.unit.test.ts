// The WhatsApp Cloud API adapter driven by the local Meta over loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../test/fakes/receiver.ts';
import { startWhatsAppCloudFake, type WhatsAppCloudFake } from '../../test/fakes/whatsapp-cloud.ts';
import { manualClock } from '../../test/manual-clock.ts';
import { mergeDeliveryStatus } from '../delivery-status.ts';
import { fetchHttpClient } from '../http-client.ts';
import type { ChannelAdapter, DeliveryStatus, Inbound, InboundMessage, InboundStatus } from '../types.ts';
import { type WhatsAppCloudChannel, whatsappCloudAdapter } from './adapter.ts';

const clock = manualClock('2026-11-26T08:00:00Z');
const secrets = {
  appSecret: 'meta-app-secret',
  accessToken: 'EAAG-test-token',
  verifyToken: 'verify-me-please',
};
const routes: Record<string, ChannelAdapter> = {};
let fake: WhatsAppCloudFake;
let receiver: Receiver;
let whatsapp: ChannelAdapter;
const to = { scheme: 'wa' as const, value: '+27821234567' };
const yesNo = [
  { id: 'water.yes', label: 'Yebo' },
  { id: 'water.no', label: 'Cha' },
  { id: 'water.unknown', label: 'Angazi' },
];

const adapter = (overrides: Partial<WhatsAppCloudChannel> = {}, timeoutMs = 3000) =>
  whatsappCloudAdapter(
    {
      ...secrets,
      channelId: 'ch-meta',
      kind: 'whatsapp-cloud',
      phoneNumberId: '106540352242922',
      apiBaseUrl: fake.url,
      ...overrides,
    },
    { baseUrl: receiver.url, clock, http: fetchHttpClient({ timeoutMs }) },
  );

function inbound(index = 0): Inbound[] {
  const outcome = receiver.received[index]?.outcome;
  if (outcome?.outcome !== 'accepted') throw new Error(`webhook ${index} was ${outcome?.outcome}`);
  return outcome.inbound;
}
const lastSent = () => fake.sent.at(-1)!.body;

beforeAll(async () => {
  receiver = await startReceiver({ routes, clock });
  fake = await startWhatsAppCloudFake({
    ...secrets,
    phoneNumberId: '106540352242922',
    displayPhoneNumber: '27870003333',
    webhookUrl: `${receiver.url}/hooks/meta`,
    clock,
  });
  whatsapp = adapter();
  routes['/hooks/meta'] = whatsapp;
});
afterAll(async () => {
  await fake?.close();
  await receiver?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  fake.sent.length = 0;
});

describe('WhatsApp Cloud API webhooks', () => {
  it('answers the subscription handshake with the challenge, and refuses a wrong verify token', async () => {
    expect(await fake.handshake(secrets.verifyToken, 'challenge-1158201444')).toMatchObject({
      status: 200,
      body: 'challenge-1158201444',
    });
    expect((await fake.handshake('guess', 'c')).status).toBe(403);
  });

  it('reads a batch: several entries and messages, with text, a button reply, a list reply and a status', async () => {
    const webhook = fake.webhook({
      entries: 2,
      messages: [
        { from: '27821234567', name: 'Thandi', text: 'Amanzi awekho – कचरा नहीं उठाया 😟 a/b' },
        { from: '27821234568', name: 'Sipho', buttonReply: { id: 'water.yes', title: 'Yebo' } },
        { from: '27821234569', listReply: { id: 'toilets.3', title: 'Three' }, context: 'wamid.question' },
      ],
      statuses: [{ id: 'wamid.sent-earlier', status: 'delivered', recipient: '27821234567' }],
    });
    expect(webhook.body).toContain('\\u2013');
    expect(webhook.body).toContain('\\/');
    expect((await fake.post(webhook)).status).toBe(200);
    const all = inbound();
    expect(all).toHaveLength(4);
    const messages = all.filter((i): i is InboundMessage => i.kind === 'message');
    expect(messages.map((m) => [m.from.value, m.text, m.choiceId])).toEqual([
      ['+27821234567', 'Amanzi awekho – कचरा नहीं उठाया 😟 a/b', undefined],
      ['+27821234569', 'Three', 'toilets.3'],
      ['+27821234568', 'Yebo', 'water.yes'],
    ]);
    expect(messages[0]).toMatchObject({ profileName: 'Thandi', to: '106540352242922', at: clock.now() });
    expect(messages[1]).toMatchObject({ replyTo: 'wamid.question' });
    expect(all.find((i) => i.kind === 'status')).toMatchObject({
      providerId: 'wamid.sent-earlier',
      status: 'delivered',
    });
  });

  it('takes a BSUID-only sender as a wa-bsuid address, and a BSUID beside a number as an alias', async () => {
    await fake.inbound(
      { userId: 'ZA.1502576394655843', text: '2' },
      { from: '27821234567', userId: 'ZA.99', text: '1' },
    );
    const [hidden, both] = inbound() as InboundMessage[];
    expect(hidden!.from).toEqual({ scheme: 'wa-bsuid', value: 'ZA.1502576394655843' });
    expect(both).toMatchObject({
      from: { scheme: 'wa', value: '+27821234567' },
      alias: { scheme: 'wa-bsuid', value: 'ZA.99' },
    });
  });

  it('hashes the raw bytes: a re-serialised body, a tampered body, no header or another secret are refused', async () => {
    const webhook = fake.webhook({ messages: [{ from: '27821234567', text: 'Ngiyabonga ’' }] });
    const reserialised = JSON.stringify(JSON.parse(webhook.body));
    expect(reserialised).not.toBe(webhook.body);
    const answers = [
      await fake.post({ ...webhook, body: reserialised }),
      await fake.post({ ...webhook, body: webhook.body.replace('Ngiyabonga', 'Ngiyabongi') }),
      await fake.post({ ...webhook, headers: { 'content-type': 'application/json' } }),
    ];
    routes['/hooks/meta-other'] = adapter({ appSecret: 'not-the-secret' });
    answers.push(await fake.post({ ...webhook, url: `${receiver.url}/hooks/meta-other` }));
    delete routes['/hooks/meta-other'];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(receiver.received.map((r) => r.outcome.outcome === 'rejected' && r.outcome.reason)).toEqual([
      'bad_signature',
      'bad_signature',
      'missing_signature',
      'bad_signature',
    ]);
  });

  it('gives a redelivered batch the same dedup keys', async () => {
    const webhook = fake.webhook({
      messages: [
        { from: '27821234567', text: '1' },
        { from: '27821234568', text: '2' },
      ],
    });
    await fake.post(webhook);
    await fake.post(webhook);
    expect(inbound(1).map((i) => i.dedupKey)).toEqual(inbound(0).map((i) => i.dedupKey));
  });

  it('skips another number’s events and reactions but keeps the rest; answers unreadable JSON with 200', async () => {
    await fake.post(
      fake.webhook({
        messages: [
          { from: '27821234567', reaction: '👍' },
          { from: '27821234567', text: 'Cha' },
        ],
      }),
    );
    expect(inbound().map((i) => (i as InboundMessage).text)).toEqual(['Cha']);
    expect(receiver.received[0]!.outcome).toMatchObject({ outcome: 'accepted' });
    await fake.post(fake.webhook({ phoneNumberId: '999', messages: [{ from: '27821234567', text: 'x' }] }));
    expect(inbound(1)).toEqual([]);
    const garbage = fake.webhook({ messages: [] });
    const resigned = { ...garbage, body: '{"object":' };
    const { createHmac } = await import('node:crypto');
    resigned.headers = {
      ...garbage.headers,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secrets.appSecret).update(resigned.body).digest('hex')}`,
    };
    expect((await fake.post(resigned)).status).toBe(200);
    expect(receiver.received[2]!.outcome).toMatchObject({
      outcome: 'malformed',
      problem: 'the body is not JSON',
    });
  });
});

describe('WhatsApp Cloud API sends', () => {
  const open = () => new Date(clock.now().getTime() - 2 * 3_600_000);

  it('sends up to three choices as reply buttons inside the window', async () => {
    await fake.inbound({ from: '27821234567', text: 'Sawubona' });
    const result = await whatsapp.send({
      idempotencyKey: 'm1',
      to,
      text: 'Ingabe amanzi ahlanzekile ayatholakala?',
      choices: yesNo,
      lastInboundAt: open(),
    });
    expect(result).toEqual({
      ok: true,
      providerId: fake.sent[0]!.id,
      segments: 1,
      encoding: 'GSM-7',
      status: 'queued',
      shape: 'buttons',
    });
    expect(lastSent()).toMatchObject({
      messaging_product: 'whatsapp',
      to: '27821234567',
      type: 'interactive',
      interactive: {
        type: 'button',
        action: { buttons: yesNo.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.label } })) },
      },
    });
  });

  it('sends four to ten choices as a list with its menu label, and more than ten as numbered text', async () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({
      id: `count.${n}`,
      label: `${n} izindlu zangasese`,
      description: 'kulezi zinsuku eziyisikhombisa',
    }));
    expect(
      await whatsapp.send({
        idempotencyKey: 'm2',
        to,
        text: 'Zingaki?',
        choices: five,
        menuLabel: 'Khetha',
        lastInboundAt: open(),
      }),
    ).toMatchObject({ ok: true, shape: 'list' });
    expect(lastSent()).toMatchObject({ interactive: { type: 'list', action: { button: 'Khetha' } } });
    const twelve = Array.from({ length: 12 }, (_, i) => ({ id: `n.${i}`, label: String(i) }));
    expect(
      await whatsapp.send({
        idempotencyKey: 'm3',
        to,
        text: 'Zingaki?',
        choices: twelve,
        menuLabel: 'Khetha',
        lastInboundAt: open(),
      }),
    ).toMatchObject({ ok: true, shape: 'text' });
    expect(lastSent()).toMatchObject({ type: 'text', text: { body: expect.stringContaining('\n12. 11') } });
    expect(
      await whatsapp.send({
        idempotencyKey: 'm4',
        to,
        text: 'Zingaki?',
        choices: five,
        lastInboundAt: open(),
      }),
    ).toMatchObject({ shape: 'text' });
  });

  it('needs a template outside the window, and routes a marketing template to marketing_messages', async () => {
    expect(await whatsapp.send({ idempotencyKey: 'm5', to, text: 'Round 6 is open' })).toMatchObject({
      ok: false,
      failure: 'needs_template',
    });
    expect(fake.sent).toHaveLength(0);
    const template = { name: 'round_open', language: 'zu', params: ['6'], category: 'utility' as const };
    expect(
      await whatsapp.send({ idempotencyKey: 'm6', to, text: 'Round 6 is open', template }),
    ).toMatchObject({ ok: true, shape: 'template' });
    expect(fake.sent[0]).toMatchObject({
      path: 'messages',
      body: {
        type: 'template',
        template: {
          name: 'round_open',
          language: { code: 'zu' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: '6' }] }],
        },
      },
    });
    await whatsapp.send({
      idempotencyKey: 'm7',
      to,
      text: 'x',
      template: { ...template, category: 'marketing' },
    });
    expect(fake.sent[1]!.path).toBe('marketing_messages');
  });

  it('learns from a failed status with 131047 that the window had closed at Meta', async () => {
    fake.failNext({ code: 131047 });
    const sent = await whatsapp.send({ idempotencyKey: 'm8', to, text: 'Ngiyabonga', lastInboundAt: open() });
    expect(sent.ok).toBe(true);
    await fake.settled();
    expect(inbound()[0]).toMatchObject({
      kind: 'status',
      status: 'failed',
      errorCode: '131047',
      failure: 'outside_window',
    });
  });

  it('sends to a BSUID with `recipient` and no `to`', async () => {
    await fake.inbound({ userId: 'ZA.1502576394655843', text: 'hi' });
    expect(
      await whatsapp.send({
        idempotencyKey: 'm9',
        to: { scheme: 'wa-bsuid', value: 'ZA.1502576394655843' },
        text: 'Sawubona',
        lastInboundAt: open(),
      }),
    ).toMatchObject({ ok: true });
    expect(lastSent()).toMatchObject({ recipient: 'ZA.1502576394655843' });
    expect(lastSent()).not.toHaveProperty('to');
  });

  it('reports 429 as throttled, 5xx as a provider error, a bad token as auth, and a timeout', async () => {
    fake.failNext({ status: 429 }, { status: 500 });
    const text = { to, text: 'x', lastInboundAt: open() };
    expect(await whatsapp.send({ idempotencyKey: 'm10', ...text })).toMatchObject({
      failure: 'throttled',
      providerCode: '130429',
      retryable: true,
    });
    expect(await whatsapp.send({ idempotencyKey: 'm11', ...text })).toMatchObject({
      failure: 'provider_error',
      retryable: true,
    });
    expect(await adapter({ accessToken: 'expired' }).send({ idempotencyKey: 'm12', ...text })).toMatchObject({
      failure: 'auth',
      providerCode: '190',
    });
    fake.failNext({ timeout: true });
    expect(await adapter({}, 200).send({ idempotencyKey: 'm13', ...text })).toMatchObject({
      failure: 'timeout',
      ambiguous: true,
    });
  });

  it('merges statuses that arrive out of order to read', async () => {
    const sent = await whatsapp.send({ idempotencyKey: 'm14', to, text: 'Round 7', lastInboundAt: open() });
    if (!sent.ok) throw new Error(sent.message);
    await fake.statuses(sent.providerId, ['read', 'sent', 'delivered']);
    const statuses = [0, 1, 2].map((i) => inbound(i)[0] as InboundStatus);
    expect(statuses.map((s) => s.status)).toEqual(['read', 'sent', 'delivered']);
    expect(
      statuses.reduce<DeliveryStatus | undefined>((c, s) => mergeDeliveryStatus(c, s.status), undefined),
    ).toBe('read');
  });
});
