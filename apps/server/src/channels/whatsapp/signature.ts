// Meta signs each webhook with X-Hub-Signature-256: "sha256=" + hex(HMAC-SHA256(app secret, raw
// body)). Meta escapes non-ASCII as \uXXXX in the bytes it signs, so the raw bytes are hashed as
// received, never a re-serialised JSON.
import { hmac, safeEqual } from '../signatures.ts';

export const metaSignature = (appSecret: string, rawBody: Buffer | string): string =>
  `sha256=${hmac('sha256', appSecret, rawBody, 'hex')}`;

export function validMetaSignature(appSecret: string, header: string, rawBody: Buffer): boolean {
  const [scheme, hex] = header.split('=', 2);
  if (scheme !== 'sha256' || !hex) return false;
  return safeEqual(`sha256=${hex.toLowerCase()}`, metaSignature(appSecret, rawBody));
}
