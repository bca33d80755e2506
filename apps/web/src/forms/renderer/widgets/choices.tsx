// Choosing: select_one (radios, or a dropdown with `minimal`), select_multiple (checkboxes),
// `or_other` with its text box, lists from a CSV file, choice filters and rank.
import type { JSX } from 'preact';
import { useI18n } from '../../../i18n/i18n.ts';
import { useFill } from '../context.ts';
import { type MediaFiles, MediaView } from '../MediaView.tsx';
import type { FormSession, Indexes } from '../session.ts';
import { domId, OTHER, type QuestionNode, textIn } from '../tree.ts';
import { appearances, type WidgetProps } from './types.ts';

export interface Option {
  name: string;
  label: string;
  media?: MediaFiles;
}

/** The choices this question offers now: its list (or CSV file), filtered, plus "Other". */
export function optionsOf(
  session: FormSession,
  node: QuestionNode,
  indexes: Indexes,
  language: string,
  fileLists: Record<string, Record<string, string>[]>,
  otherLabel: string,
): Option[] {
  const item = node.item;
  const list = item.list ?? '';
  let rows: Record<string, string>[];
  const labels = new Map<string, string>();
  const media = new Map<string, MediaFiles>();
  if (item.type.endsWith('_from_file')) {
    rows = (fileLists[list] ?? []).map((r) => ({ ...r, name: r.name ?? '' }));
    for (const r of rows)
      labels.set(r.name ?? '', r[`label::${language}`] ?? r[`label:${language}`] ?? r.label ?? r.name ?? '');
  } else {
    const choices = session.form.choices[list] ?? [];
    rows = choices.map((c) => ({ ...c.extra, name: c.name }));
    for (const c of choices) {
      labels.set(c.name, textIn(c.label, language) || c.name);
      media.set(c.name, c.media);
    }
  }
  const kept = item.bind.choiceFilter ? session.engine.filterChoices(node.path, rows, indexes) : rows;
  const options: Option[] = kept.map((r) => ({
    name: r.name ?? '',
    label: labels.get(r.name ?? '') ?? '',
    media: media.get(r.name ?? ''),
  }));
  if (node.otherPath) options.push({ name: OTHER, label: otherLabel });
  return options;
}

function useOptions(p: WidgetProps): Option[] {
  const { session, language, fileLists } = useFill();
  const { t } = useI18n();
  return optionsOf(session, p.node, p.indexes, language, fileLists, t('forms.fill.other'));
}

function OtherText({ node, indexes, selected }: { node: QuestionNode; indexes: Indexes; selected: boolean }) {
  const { session } = useFill();
  const { t } = useI18n();
  if (!selected || !node.otherPath) return null;
  const id = `${domId(node.path, indexes)}-other`;
  const problem = session.problem(node.otherPath, indexes);
  const otherPath = node.otherPath;
  return (
    <div class="field fq-other">
      <label for={id}>{t('forms.fill.otherSpecify')}</label>
      {problem && (
        <p class="error-text" id={`${id}-error`}>
          {t('forms.fill.required')}
        </p>
      )}
      <input
        id={id}
        type="text"
        value={session.value(otherPath, indexes)}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => session.answer(otherPath, indexes, e.currentTarget.value)}
      />
    </div>
  );
}

export function SelectOneWidget(p: WidgetProps): JSX.Element {
  const options = useOptions(p);
  const { t } = useI18n();
  const { languageCode } = useFill();
  if (appearances(p.node).has('minimal')) {
    return (
      <>
        <select
          id={p.id}
          value={p.value}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid ? 'true' : undefined}
          aria-required={p.required ? 'true' : undefined}
          disabled={p.readOnly}
          onChange={(e) => p.setValue(e.currentTarget.value)}
        >
          <option value="">{t('forms.fill.choose')}</option>
          {options.map((o) => (
            <option key={o.name} value={o.name} lang={languageCode}>
              {o.label}
            </option>
          ))}
        </select>
        <OtherText node={p.node} indexes={p.indexes} selected={p.value === OTHER} />
      </>
    );
  }
  return (
    <fieldset
      class="fq-choices"
      id={p.id}
      tabIndex={-1}
      aria-labelledby={p.labelId}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid ? 'true' : undefined}
    >
      {options.map((o) => (
        <label key={o.name} class="fq-choice" lang={languageCode}>
          <input
            type="radio"
            name={p.id}
            value={o.name}
            checked={p.value === o.name}
            disabled={p.readOnly}
            onChange={() => p.setValue(o.name)}
          />
          <span>{o.label}</span>
          <MediaView media={o.media} label={o.label} />
        </label>
      ))}
      {p.value && !p.readOnly && !p.required && (
        <button type="button" class="button button-plain fq-clear" onClick={() => p.setValue('')}>
          {t('forms.fill.clear')}
        </button>
      )}
      <OtherText node={p.node} indexes={p.indexes} selected={p.value === OTHER} />
    </fieldset>
  );
}

export function SelectMultipleWidget(p: WidgetProps): JSX.Element {
  const options = useOptions(p);
  const { languageCode } = useFill();
  const chosen = p.value.split(' ').filter(Boolean);
  const toggle = (name: string, on: boolean) =>
    p.setValue(on ? [...chosen.filter((c) => c !== name), name] : chosen.filter((c) => c !== name));
  return (
    <fieldset
      class="fq-choices"
      id={p.id}
      tabIndex={-1}
      aria-labelledby={p.labelId}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid ? 'true' : undefined}
    >
      {options.map((o) => (
        <label key={o.name} class="fq-choice" lang={languageCode}>
          <input
            type="checkbox"
            value={o.name}
            checked={chosen.includes(o.name)}
            disabled={p.readOnly}
            onChange={(e) => toggle(o.name, e.currentTarget.checked)}
          />
          <span>{o.label}</span>
          <MediaView media={o.media} label={o.label} />
        </label>
      ))}
      <OtherText node={p.node} indexes={p.indexes} selected={chosen.includes(OTHER)} />
    </fieldset>
  );
}
