// One text (label, hint, message) in every form language side by side, so translators see the
// original next to what they write. Narrow screens stack the languages.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import type { Translated } from '../lib.ts';
import { languageCode, languageName } from '../renderer/tree.ts';

export function TextsByLanguage({
  id,
  label,
  languages,
  value,
  onValue,
  multiline = false,
}: {
  id: string;
  label: string;
  languages: string[];
  value: Translated;
  onValue: (value: Translated) => void;
  multiline?: boolean;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <fieldset class="by-language">
      <legend>{label}</legend>
      {languages.map((lang) => {
        const inputId = `${id}-${lang.replace(/[^A-Za-z0-9]/g, '_')}`;
        const set = (text: string) => {
          const next = { ...value };
          if (text === '') delete next[lang];
          else next[lang] = text;
          onValue(next);
        };
        return (
          <div class="field" key={lang}>
            <label for={inputId}>{languageName(lang, t('forms.builder.noLanguage'))}</label>
            {multiline ? (
              <textarea
                id={inputId}
                rows={2}
                lang={languageCode(lang)}
                value={value[lang] ?? ''}
                onInput={(e) => set(e.currentTarget.value)}
              />
            ) : (
              <input
                id={inputId}
                type="text"
                lang={languageCode(lang)}
                value={value[lang] ?? ''}
                onInput={(e) => set(e.currentTarget.value)}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
