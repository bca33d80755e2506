import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { newSecret } from '../ids.ts';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Algorithm.Argon2id is a const enum (2).
const options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Slow on purpose (~tens of ms): call it before a transaction opens, never inside one. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let verifications = 0;
/** How many argon2 verifications ran in this process; tests compare known and unknown logins with it. */
export const passwordVerifications = (): number => verifications;

let dummy: Promise<string> | null = null;
/** A real hash of a throwaway secret, so an unknown login costs the same as a known one. */
const dummyHash = () => {
  dummy ??= hashPassword(newSecret());
  return dummy;
};

/** Makes the dummy hash now, so the first unknown login is not slower than a known one. */
export function warmUpDummyHash(): void {
  void dummyHash();
}

/** Verifies against the stored hash, or against the dummy when there is no account. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await dummyHash());
  verifications += 1;
  try {
    const ok = await verify(target, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}
