// One thread: the comment or suggestion (before → after), replies, and what its reader may do:
// reply, accept or decline with a reason (coordinators), resolve.
import type { FormThread } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { Button, StatusMessage, TextArea, useAction } from '../../ui/forms.tsx';
import { languageName } from '../renderer/tree.ts';

export function ThreadView({
  thread,
  workspaceId,
  onChanged,
}: {
  thread: FormThread;
  workspaceId: string;
  onChanged: () => Promise<void>;
}): JSX.Element {
  const { t, date } = useI18n();
  const [mode, setMode] = useState<'reply' | 'decline' | null>(null);
  const [text, setText] = useState('');
  const action = useAction();
  const params = { workspaceId, formId: thread.formId, threadId: thread.id };
  const s = thread.suggestion;
  const done = async () => {
    setMode(null);
    setText('');
    await onChanged();
  };
  const base = `thread-${thread.id}`;
  return (
    <li class={`thread thread-${thread.status}`} aria-labelledby={`${base}-by`}>
      <p class="thread-by" id={`${base}-by`}>
        <strong>{thread.author.displayName}</strong>
        {thread.enteredBy && <> ({t('thread.enteredBy', { name: thread.enteredBy.displayName })})</>} ·{' '}
        {date(thread.createdAt, true)} ·{' '}
        <span class={`badge badge-${thread.status}`}>{t(`forms.thread.${thread.status}`)}</span>
      </p>
      {s && (
        <div class="thread-suggestion">
          <p class="muted">
            {t('forms.thread.suggests', {
              field: t(`forms.field.${s.field}`),
              language: languageName(s.language, t('forms.fill.languageDefault')),
            })}
            {s.choiceName ? ` (${s.choiceName})` : ''}
          </p>
          <p>
            <span class="visually-hidden">{t('forms.changes.before')}</span>
            <del>{s.before || '—'}</del>
          </p>
          <p>
            <span class="visually-hidden">{t('forms.changes.after')}</span>
            <ins>{s.text}</ins>
          </p>
        </div>
      )}
      {thread.text && <p class="pre-line">{thread.text}</p>}
      {thread.decision && (
        <p class="muted">
          {t(
            `forms.thread.decided.${thread.status === 'declined' ? 'declined' : thread.status === 'accepted' ? 'accepted' : 'resolved'}`,
            {
              name: thread.decision.by.displayName,
            },
          )}
          {thread.decision.reason ? `: ${thread.decision.reason}` : ''}
        </p>
      )}
      {thread.replies.length > 0 && (
        <ul class="thread-replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <strong>{r.author.displayName}</strong>
              {r.enteredBy && <> ({t('thread.enteredBy', { name: r.enteredBy.displayName })})</>}:{' '}
              <span class="pre-line">{r.text}</span>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage error={action.error} />
      {mode ? (
        <form
          class="thread-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              if (mode === 'reply') await call('replyToFormThread', { params, body: { text } });
              else await call('declineFormSuggestion', { params, body: { reason: text } });
              await done();
            });
          }}
        >
          <TextArea
            id={`${base}-text`}
            label={mode === 'reply' ? t('forms.thread.yourReply') : t('forms.thread.reason')}
            value={text}
            onValue={setText}
            rows={2}
          />
          <div class="row-actions">
            <Button type="submit" disabled={action.busy || !text.trim()}>
              {mode === 'reply' ? t('forms.thread.sendReply') : t('forms.thread.decline')}
            </Button>
            <Button variant="plain" onClick={() => setMode(null)}>
              {t('forms.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div class="row-actions">
          {thread.abilities.decide && thread.status === 'open' && s && (
            <>
              <Button
                data-endpoint="acceptFormSuggestion"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await call('acceptFormSuggestion', { params });
                    await done();
                  })
                }
              >
                {t('forms.thread.accept')}
              </Button>
              <Button
                variant="danger"
                data-endpoint="declineFormSuggestion"
                onClick={() => setMode('decline')}
              >
                {t('forms.thread.declineStart')}
              </Button>
            </>
          )}
          {thread.abilities.reply && (
            <Button variant="secondary" data-endpoint="replyToFormThread" onClick={() => setMode('reply')}>
              {t('forms.thread.reply')}
            </Button>
          )}
          {thread.abilities.resolve && thread.status === 'open' && (
            <Button
              variant="plain"
              data-endpoint="resolveFormThread"
              disabled={action.busy}
              onClick={() =>
                action.run(async () => {
                  await call('resolveFormThread', { params });
                  await done();
                })
              }
            >
              {t('forms.thread.resolve')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
