// Addresses as providers write them, turned into one form: phone numbers as +digits where the
// provider gives an international number, WhatsApp BSUIDs (`ZA.123…`) kept exactly as received.
import type { Address } from './types.ts';

const INTERNATIONAL = /^\+?[1-9]\d{5,14}$/;

/** A phone number from an SMS provider; spaces and dashes dropped, a local number kept as written. */
export function telAddress(value: string): Address {
  const compact = value.replace(/[\s\-().]/g, '');
  return { scheme: 'tel', value: compact };
}

/** A WhatsApp sender: `whatsapp:+27…`, a bare wa_id (`27…`), or a BSUID (`ZA.1234…`). */
export function whatsappAddress(value: string): Address {
  const bare = value.replace(/^whatsapp:/i, '').trim();
  if (INTERNATIONAL.test(bare)) return { scheme: 'wa', value: bare.startsWith('+') ? bare : `+${bare}` };
  return { scheme: 'wa-bsuid', value: bare };
}

/** The number to put in a provider's `to` field, without the + some providers reject. */
export const digitsOf = (address: Address): string => address.value.replace(/^\+/, '');
