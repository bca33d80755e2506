// Settings while filling: the form's language (separate from the app's), text size and layout.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import type { Mode } from './steps.ts';

export function FillToolbar(props: {
  languages: { value: string; label: string }[];
  language: string;
  onLanguage: (language: string) => void;
  mode: Mode;
  onMode: (mode: Mode) => void;
  largeText: boolean;
  onLargeText: (on: boolean) => void;
}): JSX.Element {
  const { t } = useI18n();
  // Open on wide screens; folded on phones, where the question must start on the first screen.
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 40.01rem)').matches;
  return (
    <details class="fill-settings" open={wide}>
      <summary>{t('forms.fill.settings')}</summary>
      <div class="fill-toolbar">
        {props.languages.length > 1 && (
          <div class="field fill-language">
            <label for="fill-language">{t('forms.fill.formLanguage')}</label>
            <select
              id="fill-language"
              value={props.language}
              onChange={(e) => props.onLanguage(e.currentTarget.value)}
            >
              {props.languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="check">
          <input
            id="fill-large"
            type="checkbox"
            checked={props.largeText}
            onChange={(e) => props.onLargeText(e.currentTarget.checked)}
          />
          <label for="fill-large">{t('forms.fill.largeText')}</label>
        </div>
        <div class="check">
          <input
            id="fill-single"
            type="checkbox"
            checked={props.mode === 'single'}
            onChange={(e) => props.onMode(e.currentTarget.checked ? 'single' : 'pages')}
          />
          <label for="fill-single">{t('forms.fill.oneAtATime')}</label>
        </div>
      </div>
    </details>
  );
}
