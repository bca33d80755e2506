// The choices of a select or rank question: name and label in every language, add, reorder and
// delete. A list shared by several questions changes for all of them, as in the spreadsheet.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { Icon } from '../../ui/icons.tsx';
import type { Choice, Form } from '../lib.ts';
import { languageCode, languageName } from '../renderer/tree.ts';

export function ChoicesEditor({
  form,
  list,
  languages,
  onChange,
}: {
  form: Form;
  list: string;
  languages: string[];
  onChange: (form: Form) => void;
}): JSX.Element {
  const { t } = useI18n();
  const choices = form.choices[list] ?? [];
  const set = (next: Choice[]) => onChange({ ...form, choices: { ...form.choices, [list]: next } });
  const edit = (i: number, change: Partial<Choice>) =>
    set(choices.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...choices];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    set(next);
  };
  const add = () => {
    const names = new Set(choices.map((c) => c.name));
    let n = choices.length + 1;
    while (names.has(`choice_${n}`)) n++;
    set([...choices, { name: `choice_${n}`, label: {}, media: {}, extra: {} }]);
  };
  return (
    <fieldset class="choices-editor">
      <legend>{t('forms.builder.choices', { list })}</legend>
      <ol>
        {choices.map((c, i) => {
          const base = `choice-${list}-${i}`;
          const shown = Object.values(c.label)[0] || c.name;
          return (
            <li key={i} class="choice-row">
              <div class="field choice-name">
                <label for={`${base}-name`}>{t('forms.builder.choiceName')}</label>
                <input
                  id={`${base}-name`}
                  type="text"
                  class="expr-input"
                  value={c.name}
                  onInput={(e) => edit(i, { name: e.currentTarget.value.trim() })}
                />
              </div>
              {languages.map((lang) => (
                <div class="field" key={lang}>
                  <label for={`${base}-${lang.replace(/[^A-Za-z0-9]/g, '_')}`}>
                    {languageName(lang, t('forms.builder.noLanguage'))}
                  </label>
                  <input
                    id={`${base}-${lang.replace(/[^A-Za-z0-9]/g, '_')}`}
                    type="text"
                    lang={languageCode(lang)}
                    value={c.label[lang] ?? ''}
                    onInput={(e) => edit(i, { label: { ...c.label, [lang]: e.currentTarget.value } })}
                  />
                </div>
              ))}
              <span class="outline-actions">
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('forms.builder.moveUp', { name: shown })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('forms.builder.moveDown', { name: shown })}
                  disabled={i === choices.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <Icon name="down" />
                </button>
                <button
                  type="button"
                  class="icon-button icon-danger"
                  aria-label={t('forms.builder.delete', { name: shown })}
                  onClick={() => set(choices.filter((_, j) => j !== i))}
                >
                  <Icon name="trash" />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" class="button button-secondary" onClick={add}>
        <Icon name="plus" />
        <span>{t('forms.builder.addChoice')}</span>
      </button>
    </fieldset>
  );
}
