// Which of a form's languages to show: the one a person picked for this form on this device,
// else the interface language when the form has it, else the form's default, else its first.
// Until a person picks one, the form follows the interface language as it changes.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.ts';
import type { Form } from '../lib.ts';
import { languageCode } from './tree.ts';

const key = (form: Form) =>
  `coproduce.form-language.${form.settings.formId ?? form.settings.formTitle ?? ''}`;

function picked(form: Form): string | null {
  try {
    return localStorage.getItem(key(form));
  } catch {
    return null;
  }
}

export function formLanguageFor(form: Form, languages: string[], uiLocale: string): string {
  const chosen = picked(form);
  if (chosen && languages.includes(chosen)) return chosen;
  const ui = languages.find((l) => languageCode(l) === uiLocale);
  if (ui) return ui;
  const wanted = form.settings.defaultLanguage;
  if (wanted && languages.includes(wanted)) return wanted;
  return languages[0] ?? 'default';
}

/** The language to show and a way to pick one (remembered per form on this device). */
export function useFormLanguage(
  form: Form | null,
  languages: string[],
): [string, (language: string) => void] {
  const { locale } = useI18n();
  const [, setPicks] = useState(0);
  const language = form ? formLanguageFor(form, languages, locale) : 'default';
  const choose = (next: string) => {
    if (!form) return;
    try {
      localStorage.setItem(key(form), next);
    } catch {
      // Not remembered on this device; the choice still holds on this screen.
    }
    setPicks((n) => n + 1);
  };
  return [language, choose];
}
