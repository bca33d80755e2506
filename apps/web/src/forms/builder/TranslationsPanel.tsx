// Translations side by side: every label, hint and choice of the form in one table, a column
// per language, empty cells marked so translators find what is missing. Adds a language too.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type Translate, useI18n } from '../../i18n/i18n.ts';
import { Button, TextField } from '../../ui/forms.tsx';
import type { Form, Translated } from '../lib.ts';
import { languageCode, languageName } from '../renderer/tree.ts';
import { type Address, outline, updateItem } from './edit.ts';

type Row = { key: string; what: string; text: Translated; set: (form: Form, text: Translated) => Form };

function rows(form: Form, t: Translate): Row[] {
  const out: Row[] = [];
  for (const { item, address } of outline(form.survey)) {
    for (const field of ['label', 'hint'] as const) {
      if (field === 'hint' && Object.keys(item.hint).length === 0) continue;
      out.push({
        key: `${address.join('.')}-${field}`,
        what: `${item.name} · ${t(`forms.field.${field}`)}`,
        text: item[field],
        set: (f, text) => updateItem(f, address as Address, (old) => ({ ...old, [field]: text })),
      });
    }
  }
  for (const [list, choices] of Object.entries(form.choices)) {
    choices.forEach((choice, i) => {
      out.push({
        key: `choice-${list}-${i}`,
        what: `${list} · ${choice.name}`,
        text: choice.label,
        set: (f, text) => ({
          ...f,
          choices: {
            ...f.choices,
            [list]: (f.choices[list] ?? []).map((c, j) => (j === i ? { ...c, label: text } : c)),
          },
        }),
      });
    });
  }
  return out;
}

export function TranslationsPanel({
  form,
  languages,
  onChange,
  onAddLanguage,
}: {
  form: Form;
  languages: string[];
  onChange: (form: Form) => void;
  onAddLanguage: (language: string) => void;
}): JSX.Element {
  const { t } = useI18n();
  const [adding, setAdding] = useState('');
  const all = rows(form, t);
  const missing = (lang: string) => all.filter((r) => Object.keys(r.text).length > 0 && !r.text[lang]).length;
  return (
    <div class="translations">
      <div class="add-row">
        <TextField
          id="add-language"
          label={t('forms.builder.addLanguage')}
          hint={t('forms.builder.addLanguageHint')}
          value={adding}
          onValue={setAdding}
        />
        <Button
          variant="secondary"
          disabled={!adding.trim() || languages.includes(adding.trim())}
          onClick={() => {
            onAddLanguage(adding.trim());
            setAdding('');
          }}
        >
          {t('forms.builder.add')}
        </Button>
      </div>
      <div class="table-scroll">
        <table class="translation-table">
          <caption class="visually-hidden">{t('forms.builder.translations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forms.builder.what')}</th>
              {languages.map((lang) => (
                <th scope="col" key={lang}>
                  {languageName(lang, t('forms.builder.noLanguage'))}
                  <span class="muted"> · {t('forms.builder.missing', { count: missing(lang) })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <code>{row.what}</code>
                </th>
                {languages.map((lang) => (
                  <td key={lang} class={row.text[lang] ? undefined : 'cell-missing'}>
                    <textarea
                      rows={2}
                      lang={languageCode(lang)}
                      aria-label={`${row.what} · ${languageName(lang, t('forms.builder.noLanguage'))}`}
                      value={row.text[lang] ?? ''}
                      onInput={(e) => {
                        const text = { ...row.text, [lang]: e.currentTarget.value };
                        if (!e.currentTarget.value) delete text[lang];
                        onChange(row.set(form, text));
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
