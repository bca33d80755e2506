// A message as the Cloud API takes it. Inside the 24-hour window a question with choices becomes
// reply buttons (≤ 3, titles ≤ 20) or a list (≤ 10 rows, titles ≤ 24, descriptions ≤ 72) when its
// choices fit, numbered text otherwise; outside the window only an approved template may go.

import { numberedText } from '../numbered-choices.ts';
import type { Choice, Outbound } from '../types.ts';
import { windowOpen } from '../window.ts';

export const WHATSAPP_LIMITS = {
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  menuLabel: 20,
  interactiveBody: 1024,
  text: 4096,
} as const;

const length = (text: string) => [...text].length;

export type WhatsAppPayload =
  | { shape: 'text'; payload: Record<string, unknown>; text: string }
  | { shape: 'buttons' | 'list'; payload: Record<string, unknown>; text: string }
  | { shape: 'template'; payload: Record<string, unknown>; text: string; marketing: boolean };

function fitsButtons(choices: Choice[]): boolean {
  const l = WHATSAPP_LIMITS;
  return (
    choices.length <= l.buttons &&
    choices.every((c) => !c.description && length(c.label) <= l.buttonTitle && length(c.id) <= l.buttonId)
  );
}

function fitsList(choices: Choice[], menuLabel: string | undefined): boolean {
  const l = WHATSAPP_LIMITS;
  return (
    !!menuLabel &&
    length(menuLabel) <= l.menuLabel &&
    choices.length <= l.listRows &&
    choices.every(
      (c) =>
        length(c.label) <= l.rowTitle &&
        length(c.id) <= l.rowId &&
        (c.description === undefined || length(c.description) <= l.rowDescription),
    )
  );
}

/** The message part of the request body (without messaging_product and the recipient). */
export function whatsappPayload(
  message: Outbound,
  now: Date,
  marginMinutes: number,
): WhatsAppPayload | 'needs_template' | 'too_long' {
  if (!windowOpen(message.lastInboundAt, now, marginMinutes)) {
    const template = message.template;
    if (!template) return 'needs_template';
    return {
      shape: 'template',
      marketing: template.category === 'marketing',
      text: message.text,
      payload: {
        type: 'template',
        template: {
          name: template.name,
          language: { code: template.language },
          components: template.params.length
            ? [{ type: 'body', parameters: template.params.map((text) => ({ type: 'text', text })) }]
            : [],
        },
      },
    };
  }
  const choices = message.choices ?? [];
  if (choices.length && length(message.text) <= WHATSAPP_LIMITS.interactiveBody) {
    if (fitsButtons(choices))
      return {
        shape: 'buttons',
        text: message.text,
        payload: {
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: message.text },
            action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.label } })) },
          },
        },
      };
    if (fitsList(choices, message.menuLabel))
      return {
        shape: 'list',
        text: message.text,
        payload: {
          type: 'interactive',
          interactive: {
            type: 'list',
            body: { text: message.text },
            action: {
              button: message.menuLabel,
              sections: [
                {
                  rows: choices.map((c) => ({
                    id: c.id,
                    title: c.label,
                    ...(c.description ? { description: c.description } : {}),
                  })),
                },
              ],
            },
          },
        },
      };
  }
  const text = numberedText(message.text, choices);
  if (length(text) > WHATSAPP_LIMITS.text) return 'too_long';
  return { shape: 'text', text, payload: { type: 'text', text: { body: text, preview_url: false } } };
}
