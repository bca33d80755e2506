// Preview: the draft filled exactly as collectors will fill it (the same renderer), answers kept
// only on this screen so a coordinator can try skip logic and messages.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { buildPath, call, routes } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import type { Form, SurveyItem } from './lib.ts';
import { parseCsv } from './renderer/csv.ts';
import { FormView } from './renderer/FormView.tsx';
import { draftOf, FormTabs, useFormDetail } from './shared.tsx';

export function PreviewScreen({ workspaceId, formId }: { workspaceId: string; formId: string }): JSX.Element {
  const { t } = useI18n();
  const { detail, error } = useFormDetail(workspaceId, formId);
  const workspace = useWorkspace(workspaceId);
  const [answers, setAnswers] = useState<Record<string, unknown> | null>(null);
  const [round, setRound] = useState(0);
  const form = detail ? draftOf(detail) : null;
  const { fileLists, mediaUrls } = useAttachments(workspaceId, formId, form);
  return (
    <Screen title={detail ? t('forms.preview.title', { title: detail.title }) : t('forms.preview.heading')}>
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="preview"
        openThreads={detail?.openThreads}
        abilities={detail?.abilities}
      />
      <StatusMessage error={error} />
      {!detail ? (
        <Loading />
      ) : !form ? (
        <p class="muted">{t('forms.noDraft')}</p>
      ) : (
        <>
          <p class="hint">{t('forms.preview.hint')}</p>
          <FormView
            key={round}
            form={form}
            fileLists={fileLists}
            mediaUrls={mediaUrls}
            // People who read little meet one question at a time, unless they choose otherwise.
            defaultMode={workspace?.role === 'member' ? 'single' : 'pages'}
            onSubmit={(a) => setAnswers(a)}
          />
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

function fileListNames(items: SurveyItem[], out = new Set<string>()): Set<string> {
  for (const item of items) {
    if (item.kind === 'question' && item.type.endsWith('_from_file') && item.list) out.add(item.list);
    if (item.kind !== 'question') fileListNames(item.children, out);
  }
  return out;
}

const none = { fileLists: {}, mediaUrls: {} };

/**
 * The form's attachments: download addresses by file name for media, and the parsed CSVs of
 * select_*_from_file questions.
 */
function useAttachments(workspaceId: string, formId: string, form: Form | null) {
  const [found, setFound] = useState<{
    fileLists: Record<string, Record<string, string>[]>;
    mediaUrls: Record<string, string>;
  }>(none);
  useEffect(() => {
    if (!form) return;
    const wanted = fileListNames(form.survey);
    void (async () => {
      const { items } = await call('listFormAttachments', { params: { workspaceId, formId } });
      const fileLists: Record<string, Record<string, string>[]> = {};
      const mediaUrls: Record<string, string> = {};
      for (const attachment of items) {
        if (attachment.deletedAt) continue;
        const path = `${buildPath(routes.listFormAttachments[1], { workspaceId, formId })}/${attachment.id}`;
        mediaUrls[attachment.fileName] = path;
        if (!wanted.has(attachment.fileName)) continue;
        const response = await fetch(path, { credentials: 'same-origin' });
        if (response.ok) fileLists[attachment.fileName] = parseCsv(await response.text());
      }
      setFound({ fileLists, mediaUrls });
    })().catch(() => {});
  }, [workspaceId, formId, form]);
  return found;
}
