// Encryption of unsent work on the phone (WebCrypto only). Each user has a random AES-GCM data key;
// it is stored only wrapped by keys derived (PBKDF2-SHA-256) from their sign-in password or a
// device PIN, so someone else on the same browser profile holds ciphertext and nothing to open it.

/** OWASP's 2023 figure for PBKDF2-SHA-256; stored with each wrap so it can rise later. */
export const pbkdf2Iterations = 600_000;

/** A data key wrapped under one secret (the password, or the PIN). */
export interface WrappedKey {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: ArrayBuffer;
}

/** One sealed value: the AES-GCM nonce and the ciphertext with its tag. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** The secret did not open the key: a wrong password or PIN (GCM's tag check failed). */
export class WrongSecretError extends Error {
  constructor() {
    super('wrong secret');
    this.name = 'WrongSecretError';
  }
}

const subtle = () => globalThis.crypto.subtle;
const random = (bytes: number) => globalThis.crypto.getRandomValues(new Uint8Array(bytes));
const aesGcm = { name: 'AES-GCM', length: 256 } as const;

async function wrappingKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    aesGcm,
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A fresh data key. Extractable only so it can be wrapped; see `unwrapDataKey` for the kept copy. */
export function newDataKey(): Promise<CryptoKey> {
  return subtle().generateKey(aesGcm, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(
  dataKey: CryptoKey,
  secret: string,
  iterations = pbkdf2Iterations,
): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const key = await wrappingKey(secret, salt, iterations);
  const wrapped = await subtle().wrapKey('raw', dataKey, key, { name: 'AES-GCM', iv: iv as BufferSource });
  return { salt, iterations, iv, wrapped };
}

/**
 * Opens a wrapped data key. It comes back extractable so a PIN can be added while unlocked; it
 * lives only in memory and is dropped on sign-out.
 */
export async function unwrapDataKey(wrap: WrappedKey, secret: string): Promise<CryptoKey> {
  const key = await wrappingKey(secret, wrap.salt, wrap.iterations);
  try {
    return await subtle().unwrapKey(
      'raw',
      wrap.wrapped,
      key,
      { name: 'AES-GCM', iv: wrap.iv as BufferSource },
      aesGcm,
      true,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    // By name, not instanceof: a DOMException from another realm (a test DOM, a worker) is still one.
    if ((error as { name?: unknown } | null)?.name === 'OperationError') throw new WrongSecretError();
    throw error;
  }
}

/**
 * Encrypts a JSON value. `binding` (owner and record id) is authenticated with it, so a sealed
 * value moved to another record or another user's row no longer opens.
 */
export async function seal(key: CryptoKey, value: unknown, binding: string): Promise<Sealed> {
  const iv = random(12);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(binding) },
    key,
    plain,
  );
  return { iv, data };
}

export async function unseal<T>(key: CryptoKey, sealed: Sealed, binding: string): Promise<T> {
  const plain = await subtle().decrypt(
    {
      name: 'AES-GCM',
      iv: sealed.iv as BufferSource,
      additionalData: new TextEncoder().encode(binding),
    },
    key,
    sealed.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
