// Preview: the draft filled exactly as collectors will fill it (the same renderer), answers kept
// only on this screen so a coordinator can try skip logic and messages.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { FormView } from './renderer/FormView.tsx';
import { draftOf, FormTabs, useFormDetail } from './shared.tsx';

export function PreviewScreen({ workspaceId, formId }: { workspaceId: string; formId: string }): JSX.Element {
  const { t } = useI18n();
  const { detail, error } = useFormDetail(workspaceId, formId);
  const [answers, setAnswers] = useState<Record<string, unknown> | null>(null);
  const [round, setRound] = useState(0);
  const form = detail ? draftOf(detail) : null;
  return (
    <Screen title={detail ? t('forms.preview.title', { title: detail.title }) : t('forms.preview.heading')}>
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="preview"
        openThreads={detail?.openThreads}
      />
      <StatusMessage error={error} />
      {!detail ? (
        <Loading />
      ) : !form ? (
        <p class="muted">{t('forms.noDraft')}</p>
      ) : (
        <>
          <p class="hint">{t('forms.preview.hint')}</p>
          <FormView key={round} form={form} onSubmit={(a) => setAnswers(a)} />
          {answers && (
            <details class="preview-answers">
              <summary>{t('forms.preview.answers')}</summary>
              <pre>{JSON.stringify(answers, null, 2)}</pre>
            </details>
          )}
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setAnswers(null);
              setRound((n) => n + 1);
            }}
          >
            {t('forms.preview.restart')}
          </button>
        </>
      )}
    </Screen>
  );
}
