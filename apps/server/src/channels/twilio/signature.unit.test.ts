// Our Twilio signer against the official `twilio` package (a devDependency) as the oracle: fixed
// vectors from Twilio's documentation, then random URLs and parameters.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  signatureAlgorithm,
  twilioSignature,
  validTwilioJsonSignature,
  validTwilioSignature,
} from './signature.ts';

const require = createRequire(import.meta.url);
const twilio = require('twilio/lib/webhooks/webhooks.js') as {
  getExpectedTwilioSignature(token: string, url: string, params: object, algorithm?: string): string;
  validateRequest(token: string, header: string, url: string, params: object, algorithm?: string): boolean;
};

const docsParams = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};

describe('Twilio webhook signatures', () => {
  it('match the example in Twilio’s security documentation', () => {
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, docsParams)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature('12345', url, docsParams, 'sha256')).toBe(
      'Rmm4Vzj+Ky7JGoWXMCsZDZuHDszLr9xvdbvitrDr4/M=',
    );
    expect(validTwilioSignature('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, docsParams)).toBe(true);
  });

  it('sign non-ASCII text and a repeated name by its distinct values, sorted (fixed vector)', () => {
    const params = { Body: 'Yebo ’ ngiyabonga – 😀', From: '+27821234567', MediaUrl0: ['b', 'a', 'b'] };
    expect(twilioSignature('a1b2c3', 'https://hooks.coproduce.example/hooks/twilio/sms', params)).toBe(
      '1E1MvduOXtcOURL2Bi5SzCF3Qtg=',
    );
  });

  it('accept the URL with and without the standard port, as twilio-node does', () => {
    const signedWithPort = twilio.getExpectedTwilioSignature(
      'tok',
      'https://example.org:443/hook?x=1',
      docsParams,
    );
    expect(validTwilioSignature('tok', signedWithPort, 'https://example.org/hook?x=1', docsParams)).toBe(
      true,
    );
    const signedWithout = twilio.getExpectedTwilioSignature('tok', 'https://example.org/hook', docsParams);
    expect(validTwilioSignature('tok', signedWithout, 'https://example.org:443/hook', docsParams)).toBe(true);
    expect(validTwilioSignature('other', signedWithout, 'https://example.org/hook', docsParams)).toBe(false);
    expect(validTwilioSignature('tok', signedWithout, 'https://example.org/hook2', docsParams)).toBe(false);
  });

  it('accept a query Twilio signed in its escaped form', () => {
    const received = "https://example.org/hook?name=O'Brien&x=a b";
    const escaped = twilio.getExpectedTwilioSignature(
      'tok',
      'https://example.org/hook?name=O%27Brien&x=a%20b',
      {},
    );
    expect(twilio.validateRequest('tok', escaped, received, {})).toBe(true);
    expect(validTwilioSignature('tok', escaped, received, {})).toBe(true);
  });

  it('check the JSON mode: the URL with bodySHA256 signed alone, and the body’s hash', () => {
    const body = Buffer.from('{"property": "value", "boolean": true}');
    const url =
      'https://mycompany.com/myapp.php?bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
    const header = twilio.getExpectedTwilioSignature('12345', url, {});
    expect(validTwilioJsonSignature('12345', header, url, body)).toBe(true);
    expect(validTwilioJsonSignature('12345', header, url, Buffer.from('{"property": "other"}'))).toBe(false);
  });

  it('read the algorithm from X-Twilio-Webhooks-Signature-Settings', () => {
    expect(signatureAlgorithm(undefined)).toBe('sha1');
    expect(signatureAlgorithm('key=webhooks_sharedkey_1,algorithm=HMAC_SHA256')).toBe('sha256');
    expect(signatureAlgorithm('key=k, algorithm=HMAC_SHA512')).toBe('unsupported');
  });

  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/);
  const value = fc.string({ unit: 'grapheme', maxLength: 30 });
  const params = fc.dictionary(name, fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 4 })), {
    maxKeys: 12,
  });
  const url = fc.webUrl({ withQueryParameters: true });

  it('property: our signature is twilio-node’s for any URL and parameters, SHA-1 and SHA-256', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), url, params, (token, webUrl, form) => {
        expect(twilioSignature(token, webUrl, form)).toBe(
          twilio.getExpectedTwilioSignature(token, webUrl, form),
        );
        expect(twilioSignature(token, webUrl, form, 'sha256')).toBe(
          twilio.getExpectedTwilioSignature(token, webUrl, form, 'HMAC_SHA256'),
        );
      }),
    );
  });

  it('property: we accept exactly what twilio-node accepts, for signatures over the URL or a variant', () => {
    fc.assert(
      fc.property(url, params, fc.boolean(), fc.boolean(), (webUrl, form, port, tamper) => {
        const signedUrl = port
          ? webUrl.replace(
              /^(https?:\/\/[^/:?#]+)(?=[/?#]|$)/,
              (m) => `${m}:${m.startsWith('https') ? 443 : 80}`,
            )
          : webUrl;
        let header = twilio.getExpectedTwilioSignature('secret', signedUrl, form);
        if (tamper) header = `${header.slice(0, -2)}AA`;
        expect(validTwilioSignature('secret', header, webUrl, form)).toBe(
          twilio.validateRequest('secret', header, webUrl, form),
        );
      }),
    );
  });
});
