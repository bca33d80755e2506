// Choices written into the text for channels without buttons (SMS, USSD, WhatsApp past 10 rows).
import type { Choice } from './types.ts';

/**
 * Choices written into the text for channels without buttons, numbered from 1 in the order given,
 * the numbering that `matchChoice` reads replies by.
 */
export function numberedText(text: string, choices: Choice[] | undefined): string {
  if (!choices?.length) return text;
  return `${text}\n${choices.map((choice, index) => `${index + 1}. ${choice.label}`).join('\n')}`;
}
