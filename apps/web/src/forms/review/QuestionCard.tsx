// One question in the co-design list: its words as they stand, its threads, and a panel to
// comment or suggest better wording in the chosen form language.
import type { FormThread } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { languageName as ownLanguageName } from '../../i18n/language-names.ts';
import { Button, SelectField, StatusMessage, TextArea, useAction } from '../../ui/forms.tsx';
import { ReadAloud } from '../../ui/ReadAloud.tsx';
import type { Form } from '../lib.ts';
import { questionSpeech } from '../renderer/speech.ts';
import { domId, languageCode, languageName, type RenderNode, textIn } from '../renderer/tree.ts';
import { ThreadView } from './ThreadView.tsx';

type Field = 'label' | 'hint' | 'choiceLabel';
type Kind = 'comment' | 'suggestion';

export function QuestionCard(props: {
  workspaceId: string;
  formId: string;
  form: Form;
  node: RenderNode;
  language: string;
  label: string;
  threads: FormThread[];
  canComment: boolean;
  onChanged: () => Promise<void>;
}): JSX.Element {
  const { t } = useI18n();
  const { node, language, form } = props;
  const item = node.item;
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('comment');
  const [field, setField] = useState<Field>('label');
  const choices = item.kind === 'question' && item.list ? (form.choices[item.list] ?? []) : [];
  const [choiceName, setChoiceName] = useState(choices[0]?.name ?? '');
  const current = (f: Field, choice: string) =>
    f === 'choiceLabel'
      ? textIn(choices.find((c) => c.name === choice)?.label, language)
      : textIn(item[f], language);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const id = domId(node.path, []);
  const code = languageCode(language);
  const hint = textIn(item.hint, language);
  const openCount = props.threads.filter((th) => th.status === 'open').length;

  const start = (k: Kind) => {
    setKind(k);
    setOpen(true);
    if (k === 'suggestion') setText(current(field, choiceName));
    setTimeout(() => document.getElementById(`${id}-text`)?.focus(), 0);
  };
  const send = () =>
    action.run(async () => {
      const params = { workspaceId: props.workspaceId, formId: props.formId };
      if (kind === 'comment') await call('createFormComment', { params, body: { path: node.path, text } });
      else {
        await call('createFormSuggestion', {
          params,
          body: {
            path: node.path,
            field,
            language,
            text,
            note,
            ...(field === 'choiceLabel' ? { choiceName } : {}),
          },
        });
      }
      setOpen(false);
      setText('');
      setNote('');
      await props.onChanged();
    });

  const fields: { value: Field; label: string }[] = [
    { value: 'label', label: t('forms.field.label') },
    { value: 'hint', label: t('forms.field.hint') },
  ];
  if (choices.length) fields.push({ value: 'choiceLabel', label: t('forms.field.choiceLabel') });

  return (
    <li class={node.kind === 'question' ? 'review-item card' : 'review-item review-section card'}>
      <h2 class="review-q" id={`${id}-q`} lang={code}>
        {props.label}
      </h2>
      {hint && (
        <p class="hint" lang={code}>
          {hint}
        </p>
      )}
      {choices.length > 0 && (
        <ul class="review-choices" lang={code}>
          {choices.map((c) => (
            <li key={c.name}>{textIn(c.label, language) || c.name}</li>
          ))}
        </ul>
      )}
      {/* Members read the question before saying what is unclear: they may hear it instead. */}
      <div class="review-read">
        <ReadAloud
          parts={() =>
            questionSpeech({
              label: props.label,
              hint,
              choices: choices.map((c) => textIn(c.label, language) || c.name),
            })
          }
          lang={code}
          languageName={
            code ? ownLanguageName(code) : languageName(language, t('forms.fill.languageDefault'))
          }
          describedBy={`${id}-q`}
        />
      </div>
      {props.threads.length > 0 && (
        <details class="review-threads" open={openCount > 0}>
          <summary>{t('forms.review.threads', { count: props.threads.length, open: openCount })}</summary>
          <ul>
            {props.threads.map((th) => (
              <ThreadView
                key={th.id}
                thread={th}
                workspaceId={props.workspaceId}
                onChanged={props.onChanged}
              />
            ))}
          </ul>
        </details>
      )}
      {props.canComment && !open && (
        <div class="row-actions">
          <Button
            variant="secondary"
            data-endpoint="createFormComment"
            onClick={() => start('comment')}
            aria-describedby={`${id}-q`}
          >
            {t('forms.review.comment')}
          </Button>
          <Button
            variant="secondary"
            data-endpoint="createFormSuggestion"
            onClick={() => start('suggestion')}
            aria-describedby={`${id}-q`}
          >
            {t('forms.review.suggest')}
          </Button>
        </div>
      )}
      {open && (
        <form
          class="review-panel"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <StatusMessage error={action.error} />
          {kind === 'suggestion' && (
            <>
              <SelectField
                id={`${id}-field`}
                label={t('forms.review.which')}
                value={field}
                options={fields}
                onValue={(f) => {
                  setField(f);
                  setText(current(f, choiceName));
                }}
              />
              {field === 'choiceLabel' && (
                <SelectField
                  id={`${id}-choice`}
                  label={t('forms.review.whichChoice')}
                  value={choiceName}
                  options={choices.map((c) => ({
                    value: c.name,
                    label: textIn(c.label, language) || c.name,
                  }))}
                  onValue={(c) => {
                    setChoiceName(c);
                    setText(current(field, c));
                  }}
                />
              )}
            </>
          )}
          <TextArea
            id={`${id}-text`}
            label={kind === 'comment' ? t('forms.review.yourComment') : t('forms.review.yourWording')}
            hint={kind === 'suggestion' ? t('forms.review.wordingHint') : undefined}
            value={text}
            onValue={setText}
          />
          {kind === 'suggestion' && (
            <TextArea
              id={`${id}-note`}
              label={t('forms.review.why')}
              value={note}
              onValue={setNote}
              rows={2}
            />
          )}
          <div class="row-actions">
            <Button type="submit" disabled={action.busy || !text.trim()}>
              {t('forms.review.send')}
            </Button>
            <Button variant="plain" onClick={() => setOpen(false)}>
              {t('forms.cancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
