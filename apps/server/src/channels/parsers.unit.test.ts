// Fuzzed webhooks through every adapter: whatever arrives, verify and parse return a typed result
// and receiveWebhook an answer for the provider; nothing throws.
import { textProblem } from '@coproduce/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { africasTalkingSmsAdapter } from './africastalking/sms.ts';
import { africasTalkingUssdAdapter } from './africastalking/ussd.ts';
import { androidGatewayAdapter } from './android-gateway/adapter.ts';
import { receiveWebhook } from './receive.ts';
import { twilioAdapter } from './twilio/adapter.ts';
import type { ChannelAdapter, HttpClient, RawRequest } from './types.ts';
import { whatsappCloudAdapter } from './whatsapp/adapter.ts';

const http: HttpClient = {
  send: () => Promise.reject(new Error('no sends in this test')),
};
const context = { baseUrl: 'https://coproduce.example.org', clock: systemClock, http };
const token = 'a-path-token-of-enough-length';
const adapters: ChannelAdapter[] = [
  twilioAdapter(
    { channelId: 't', kind: 'twilio-sms', accountSid: 'AC1', authToken: 'tok', from: '+1' },
    context,
  ),
  twilioAdapter(
    { channelId: 'w', kind: 'twilio-whatsapp', accountSid: 'AC1', authToken: 'tok', from: '+1' },
    context,
  ),
  africasTalkingSmsAdapter(
    { channelId: 'a', kind: 'africastalking-sms', username: 'u', apiKey: 'k', pathToken: token },
    context,
  ),
  africasTalkingUssdAdapter({
    channelId: 'u',
    kind: 'africastalking-ussd',
    username: 'u',
    apiKey: 'k',
    pathToken: token,
  }),
  whatsappCloudAdapter(
    {
      channelId: 'm',
      kind: 'whatsapp-cloud',
      phoneNumberId: '1',
      accessToken: 'x',
      appSecret: 's',
      verifyToken: 'v',
    },
    context,
  ),
  androidGatewayAdapter(
    {
      channelId: 'g',
      kind: 'android-gateway',
      apiBaseUrl: 'http://phone',
      username: 'u',
      password: 'p',
      signingKey: 'k',
    },
    context,
  ),
];

const fieldNames = [
  'MessageSid',
  'SmsSid',
  'AccountSid',
  'From',
  'To',
  'Body',
  'NumMedia',
  'MediaUrl0',
  'MessageStatus',
  'SmsStatus',
  'ErrorCode',
  'ButtonPayload',
  'ExternalUserId',
  'OptOutType',
  'id',
  'from',
  'to',
  'text',
  'date',
  'status',
  'phoneNumber',
  'failureReason',
  'sessionId',
  'serviceCode',
  'input',
  'durationInMillis',
  'lastAppResponse',
];
const formBody = fc
  .dictionary(
    fc.constantFrom(...fieldNames),
    fc.oneof(fc.string(), fc.constantFrom('received', 'failed', 'Success', 'Incomplete', 'AC1', '')),
    { maxKeys: 10 },
  )
  .map((fields) => new URLSearchParams(fields).toString());
const jsonBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record({
      object: fc.constantFrom('whatsapp_business_account', 'page'),
      entry: fc.array(
        fc.record({
          changes: fc.array(fc.record({ field: fc.constantFrom('messages', 'x'), value: fc.jsonValue() })),
        }),
      ),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      id: fc.string(),
      event: fc.constantFrom('sms:received', 'sms:sent', 'sms:batch:received', 'sms:failed', 'x'),
      deviceId: fc.string(),
      payload: fc.jsonValue(),
    })
    .map((value) => JSON.stringify(value)),
);
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  url: fc.oneof(
    fc.constantFrom(
      `/hooks/x/${token}`,
      '/hooks/x',
      '/',
      '/?hub.mode=subscribe&hub.verify_token=v&hub.challenge=1',
      '/%E0%A4%A',
    ),
    fc.webPath(),
  ),
  headers: fc.record(
    {
      'content-type': fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain'),
      'x-twilio-signature': fc.base64String(),
      'x-hub-signature-256': fc.oneof(
        fc.string(),
        hex.map((h) => `sha256=${h}`),
      ),
      'x-signature': hex,
      'x-timestamp': fc.oneof(fc.string(), fc.integer().map(String)),
      'x-twilio-webhooks-signature-settings': fc.string(),
    },
    { requiredKeys: [] },
  ),
  body: fc.oneof(
    formBody,
    jsonBody,
    fc.string(),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  ),
});

describe('fuzzed webhooks', () => {
  it('property: verify, parse and receiveWebhook always give a typed result, never a throw', () => {
    fc.assert(
      fc.property(request, fc.date({ noInvalidDate: true }), (input, receivedAt) => {
        const raw: RawRequest = { ...input, body: Buffer.from(input.body), receivedAt };
        for (const adapter of adapters) {
          const verified = adapter.verify(raw);
          expect(typeof verified.ok).toBe('boolean');
          const parsed = adapter.parse(raw);
          if (parsed.ok) for (const item of parsed.inbound) expect(item.dedupKey.length).toBeGreaterThan(0);
          else expect(parsed.problem.length).toBeGreaterThan(0);
          const outcome = receiveWebhook(adapter, raw);
          const response =
            outcome.outcome === 'accepted' ? adapter.ack({ kind: 'accepted' }) : outcome.response;
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(500);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: parse alone accepts or explains any form or JSON body; every item has a dedup key and storable text', () => {
    fc.assert(
      fc.property(fc.oneof(formBody, jsonBody), (body) => {
        const raw: RawRequest = {
          method: 'POST',
          url: '/',
          headers: {},
          body: Buffer.from(body),
          receivedAt: new Date(0),
        };
        for (const adapter of adapters) {
          const parsed = adapter.parse(raw);
          if (!parsed.ok) continue;
          for (const item of parsed.inbound) {
            expect(typeof item.dedupKey).toBe('string');
            // Whatever the provider sent, the text can go into either database.
            if (item.kind === 'message') expect(textProblem(item.text)).toBeNull();
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
