// Messages in ICU MessageFormat, one flat catalogue per language. English is bundled as the
// fallback; isiZulu and Hindi load on demand (the service worker precaches them for offline use).
import { localeCodes } from '@coproduce/contract/constants';
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import en from './en.json';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export const locales = localeCodes;
export type Locale = (typeof locales)[number];
export type Values = Record<string, string | number | Date>;

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  en: async () => en,
  zu: async () => (await import('./zu.json')).default as Catalogue,
  hi: async () => (await import('./hi.json')).default as Catalogue,
};

const storageKey = 'coproduce.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's first language we have, else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked; the browser's languages still give a good guess.
  }
  for (const language of navigator.languages ?? []) {
    const base = language.split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered on this device; the account's language still is.
  }
}

export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return loaders[locale]();
}

export type Translate = (key: MessageKey, values?: Values) => string;

/** A translator for one catalogue; a key missing there falls back to English. */
export function translator(locale: Locale, catalogue: Catalogue): Translate {
  const cache = new Map<MessageKey, IntlMessageFormat>();
  return (key, values) => {
    let format = cache.get(key);
    if (!format) {
      const source = catalogue[key] ?? en[key] ?? key;
      format = new IntlMessageFormat(source, locale === 'zu' ? ['zu', 'en'] : locale);
      cache.set(key, format);
    }
    return String(format.format(values));
  };
}

export interface I18n {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
  /** A date (and time) in the reader's language. */
  date: (iso: string, withTime?: boolean) => string;
}

export const I18nContext = createContext<I18n>({
  locale: 'en',
  t: translator('en', en),
  setLocale: () => {},
  date: (iso) => iso,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * Dates in the reader's language. Where the browser has no data for the language (Chromium has
 * none for isiZulu and shows "2026 M12 2"), the catalogue's month names and date pattern are used,
 * with the time as 24-hour digits. `supported` is Intl's own check, replaceable in tests.
 */
export function dateFormatter(
  locale: Locale,
  t: Translate = translator(locale, en),
  supported: (locale: string) => boolean = (code) =>
    Intl.DateTimeFormat.supportedLocalesOf([code]).some((found) => found.split('-')[0] === code),
): I18n['date'] {
  if (!supported(locale)) {
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const names = months.map((month) => t(`date.month.${month}` as MessageKey));
    return (iso, withTime = false) => {
      const value = new Date(iso);
      if (Number.isNaN(value.getTime())) return iso;
      const day = { day: value.getDate(), month: names[value.getMonth()] ?? '', year: value.getFullYear() };
      return withTime ? t('date.dayTime', { ...day, time: time.format(value) }) : t('date.day', day);
    };
  }
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso, withTime = false) => {
    const value = new Date(iso);
    if (Number.isNaN(value.getTime())) return iso;
    return (withTime ? dayTime : day).format(value);
  };
}
