// X-Twilio-Signature, computed as Twilio computes it: base64(HMAC-SHA1(auth token, URL + each
// parameter name and value, names sorted; a repeated name contributes its distinct values, sorted)).
// A JSON webhook carries `bodySHA256=<hex sha256 of the body>` in its URL and is signed over the URL
// alone. Twilio's back ends sign the URL with or without the standard port and sometimes in an
// escaped form, so the URL variants twilio-node accepts are accepted here too.
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';
import { hmac, safeEqual, sha256Hex } from '../signatures.ts';

export type TwilioParams = Record<string, string | string[]>;
export type TwilioAlgorithm = 'sha1' | 'sha256';

export function twilioSignature(
  key: string,
  url: string,
  params: TwilioParams,
  algorithm: TwilioAlgorithm = 'sha1',
): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    if (Array.isArray(value)) for (const one of [...new Set(value)].sort()) data += name + one;
    else data += name + value;
  }
  return hmac(algorithm, key, Buffer.from(data, 'utf8'), 'base64');
}

/** scheme://[userinfo@]host[:port]rest, split without normalising (new URL() would re-escape). */
function splitUrl(url: string) {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const [prefix, scheme, authority] = match as unknown as [string, string, string];
  const at = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(at + 1);
  const colon = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, at + 1),
    host: colon === -1 ? hostAndPort : hostAndPort.slice(0, colon),
    port: colon === -1 ? '' : hostAndPort.slice(colon),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

function withStandardPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function withLegacyQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return url;
  return `${url.slice(0, start)}?${stringifyQuery(parseQuery(url.slice(start + 1)))}`;
}

/** The URLs Twilio may have signed for a request to `url`: as received first, then normalised. */
export function signedUrlCandidates(url: string): string[] {
  const candidates = [withoutPort(url), withStandardPort(url)];
  let normalised: string | undefined;
  try {
    normalised = new URL(url).toString();
  } catch {
    normalised = undefined;
  }
  if (normalised) {
    const bare = withoutPort(normalised);
    const ported = withStandardPort(normalised);
    candidates.push(bare, ported, withLegacyQuery(bare), withLegacyQuery(ported));
  }
  return [...new Set(candidates)];
}

export function validTwilioSignature(
  key: string,
  header: string,
  url: string,
  params: TwilioParams,
  algorithm: TwilioAlgorithm = 'sha1',
): boolean {
  let valid = false;
  // Every candidate is computed, so the time taken does not say which variant matched.
  for (const candidate of signedUrlCandidates(url))
    if (safeEqual(header, twilioSignature(key, candidate, params, algorithm))) valid = true;
  return valid;
}

/** The JSON mode: the URL (with its bodySHA256) is signed with no parameters; the body must hash to it. */
export function validTwilioJsonSignature(
  key: string,
  header: string,
  url: string,
  body: Buffer,
  algorithm: TwilioAlgorithm = 'sha1',
): boolean {
  let expectedHash = '';
  try {
    expectedHash = new URL(url).searchParams.get('bodySHA256') ?? '';
  } catch {
    return false;
  }
  const signed = validTwilioSignature(key, header, url, {}, algorithm);
  return safeEqual(sha256Hex(body), expectedHash) && signed;
}

/** The algorithm named by X-Twilio-Webhooks-Signature-Settings (`key=…,algorithm=HMAC_SHA256`). */
export function signatureAlgorithm(settingsHeader: string | undefined): TwilioAlgorithm | 'unsupported' {
  for (const part of (settingsHeader ?? '').split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name !== 'algorithm' || !value) continue;
    if (value.toUpperCase() === 'HMAC_SHA1') return 'sha1';
    if (value.toUpperCase() === 'HMAC_SHA256') return 'sha256';
    return 'unsupported';
  }
  return 'sha1';
}
