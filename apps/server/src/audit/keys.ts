import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The audit log's keys, kept outside the database (like the cookie secret) so that someone who can
 * rewrite the database cannot recompute the chain: an HMAC key that seals each entry, and an
 * Ed25519 key pair that signs checkpoints a partner can keep and check with the public key alone.
 */
export interface AuditKeys {
  hmacKey: Buffer;
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as base64 (raw 32 bytes), short enough to print on a checkpoint slip. */
  publicKeyText: string;
}

const hmacFile = 'audit-key';
const signingFile = 'audit-signing-key.pem';

function writeSecretFile(file: string, content: string) {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Loads the keys from `dir`, making them on first start; a half-made pair is an error, not a new key. */
export function loadOrCreateAuditKeys(dir: string): AuditKeys {
  mkdirSync(dir, { recursive: true });
  const hmacPath = join(dir, hmacFile);
  const signingPath = join(dir, signingFile);
  if (!existsSync(hmacPath)) writeSecretFile(hmacPath, randomBytes(32).toString('hex'));
  if (!existsSync(signingPath)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeSecretFile(signingPath, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const hmacText = readFileSync(hmacPath, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hmacText)) throw new Error(`${hmacPath} is not an audit key (64 hex digits)`);
  const signingKey = createPrivateKey(readFileSync(signingPath, 'utf8'));
  const publicKey = createPublicKey(signingKey);
  return {
    hmacKey: Buffer.from(hmacText, 'hex'),
    signingKey,
    publicKey,
    publicKeyText: publicKeyText(publicKey),
  };
}

/** Raw Ed25519 public key bytes (the last 32 of its SPKI DER form) as base64. */
export function publicKeyText(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32).toString('base64');
}

/** The public key back from its printed form, for checking checkpoints without any secret. */
export function publicKeyFromText(text: string): KeyObject {
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== 32) throw new Error('an audit public key is 32 bytes in base64');
  // SPKI DER prefix of an Ed25519 key (RFC 8410), followed by the raw key.
  const prefix = Buffer.from('302a300506032b6570032100', 'hex');
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}
