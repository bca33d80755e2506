import type { MessageKey, Translate } from '../i18n/i18n.ts';

/** Languages our users speak most, offered as tick boxes; others can be typed as codes. */
export const commonLanguages = ['zu', 'xh', 'hi', 'mr', 'en'] as const;

export function languageName(t: Translate, code: string): string {
  if ((commonLanguages as readonly string[]).includes(code)) return t(`lang.${code}` as MessageKey);
  return code;
}
