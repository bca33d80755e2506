// One question: text in the form language, hint, message, read-aloud, and the widget for its type.
// It watches its own state in the session, so answering elsewhere does not re-render it.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { ReadAloud } from '../../ui/ReadAloud.tsx';
import { useFill, useWatch } from './context.ts';
import { GuidanceView, MediaView } from './MediaView.tsx';
import { type Indexes, keyOf } from './session.ts';
import { questionSpeech } from './speech.ts';
import { domId, type QuestionNode, textIn } from './tree.ts';
import { optionsOf } from './widgets/choices.tsx';
import { selectGrouped, widgetFor } from './widgets/index.tsx';
import { appearances } from './widgets/types.ts';

export function QuestionView({
  node,
  indexes,
}: {
  node: QuestionNode;
  indexes: Indexes;
}): JSX.Element | null {
  const { session, language, languageCode, languageName, fileLists } = useFill();
  const { t } = useI18n();
  const { path, item } = node;
  const key = keyOf(path, indexes);
  const read = (): string => {
    const e = session.engine;
    if (!e.isRelevant(path, indexes)) return '';
    const label = session.fill(textIn(item.label, language), indexes);
    const hint = session.fill(textIn(item.hint, language), indexes);
    return JSON.stringify([
      e.getAnswer(path, indexes),
      e.isRequired(path, indexes),
      e.isReadOnly(path, indexes) || Boolean(item.bind.calculation),
      session.problem(path, indexes) ?? '',
      label,
      hint,
      node.otherPath ? e.getAnswer(node.otherPath, indexes) : '',
      node.otherPath ? (session.problem(node.otherPath, indexes) ?? '') : '',
      // A choice filter depends on other answers: the offered choices are part of the state.
      item.bind.choiceFilter
        ? optionsOf(session, node, indexes, language, fileLists, '')
            .map((o) => o.name)
            .join(' ')
        : '',
    ]);
  };
  const state = useWatch(key, read);
  if (state === '') return null;
  const [value, required, readOnly, problem, label, hint] = JSON.parse(state) as [
    string,
    boolean,
    boolean,
    string,
    string,
    string,
  ];
  const id = domId(path, indexes);
  const custom = textIn(problem === 'required' ? item.requiredMessage : item.constraintMessage, language);
  const message = problem
    ? custom || t(problem === 'required' ? 'forms.fill.required' : 'forms.fill.constraint')
    : '';
  const describedBy =
    [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const Widget = widgetFor(item.type);
  const grouped = selectGrouped(item.type, appearances(node).has('minimal'));
  const isNote = item.type === 'note';
  return (
    <div class={problem ? 'fq fq-error' : 'fq'} data-path={path}>
      <div class="fq-head">
        <span class="fq-label" id={`${id}-label`} lang={languageCode}>
          {isNote || grouped ? label : <label for={id}>{label}</label>}
          {required && (
            <span class="fq-required">
              {' '}
              <abbr title={t('forms.fill.requiredMark')}>*</abbr>
            </span>
          )}
        </span>
        {(label || hint) && (
          <ReadAloud
            parts={() =>
              questionSpeech({
                label,
                hint,
                choices: item.list
                  ? optionsOf(session, node, indexes, language, fileLists, t('forms.fill.other')).map(
                      (o) => o.label,
                    )
                  : [],
              })
            }
            lang={languageCode}
            languageName={languageName}
            describedBy={`${id}-label`}
          />
        )}
      </div>
      {hint && (
        <p class="hint" id={`${id}-hint`} lang={languageCode}>
          {hint}
        </p>
      )}
      <MediaView media={item.media} label={label} />
      <GuidanceView text={textIn(item.guidanceHint, language)} lang={languageCode} />
      {message && (
        <p class="error-text" id={`${id}-error`} lang={custom ? languageCode : undefined}>
          {message}
        </p>
      )}
      {item.type.endsWith('_from_file') && item.list && !fileLists[item.list] && (
        <p class="notice">{t('forms.fill.listMissing', { file: item.list })}</p>
      )}
      {!isNote || value ? (
        <Widget.View
          node={node}
          indexes={indexes}
          id={id}
          labelId={`${id}-label`}
          describedBy={describedBy}
          invalid={Boolean(problem)}
          required={required}
          readOnly={readOnly}
          value={value}
          setValue={(next) => session.answer(path, indexes, next)}
        />
      ) : null}
    </div>
  );
}
