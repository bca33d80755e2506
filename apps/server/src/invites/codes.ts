import { randomInt } from 'node:crypto';
import { sha256 } from '../ids.ts';

/** No 0/O, 1/I/L: a code copied from paper or read aloud cannot be mistyped into another. */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const codeLength = 10;
/** Email links carry a longer secret: nobody types it, so it can be far harder to guess. */
const linkLength = 32;

function randomText(length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += codeAlphabet[randomInt(codeAlphabet.length)];
  return text;
}

/** A printable code such as `7KQ4M-XW2PA` (about 50 bits; guessing is throttled per address). */
export function newInviteCode(): string {
  const raw = randomText(codeLength);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export const newLinkSecret = (): string => randomText(linkLength);

/** Typed by hand: case, spaces and dashes do not matter. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]+/g, '');

/** Only this hash is stored, so a copy of the database cannot redeem anything. */
export const inviteSecretHash = (code: string): string => sha256(`invite:${normaliseCode(code)}`);

/** The last characters, to recognise a printed slip in the list without storing the code. */
export const codeHint = (code: string): string => normaliseCode(code).slice(-3);
