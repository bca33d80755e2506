// Deterministic record ids: the same (seed, kind, index) always gives the same id, so a generated
// city written twice has the same keys, and a benchmark can name a record without looking it up.
import { createHash } from 'node:crypto';

/**
 * A UUID shaped as RFC 9562 version 8 (custom): 122 bits of SHA-256 of the seed, the kind of
 * record and its position, with the version nibble 8 and the variant bits 10. Version 8 says
 * plainly that the id is neither random (v4) nor a SHA-1 name (v5).
 */
export function cityId(seed: number, kind: string, ...position: number[]): string {
  const hex = createHash('sha256')
    .update(`${seed}|${kind}|${position.join('.')}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A pseudonymous household code: a bijection of its index (mod 2^31 - 1), so codes never repeat in a round. */
export function pseudonym(index: number, multiplier: number, offset: number): string {
  const prime = 2_147_483_647;
  const value = Number((BigInt(index) * BigInt(multiplier) + BigInt(offset)) % BigInt(prime));
  return `H-${value.toString(36).toUpperCase().padStart(8, '0')}`;
}
