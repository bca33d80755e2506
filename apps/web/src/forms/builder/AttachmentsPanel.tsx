// A form's attachments: media files its questions and choices show, and the CSVs of
// select_*_from_file questions. Lists them (with the files the form names but nobody uploaded),
// uploads (replacing a file of the same name), downloads and deletes.
import type { FormAttachment } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, buildPath, call, routes } from '../../api.ts';
import { type Translate, useI18n } from '../../i18n/i18n.ts';
import { issueMessage } from '../../i18n/issues.ts';
import { Button, problemMessage, useAction } from '../../ui/forms.tsx';
import { Icon } from '../../ui/icons.tsx';
import type { Form, SurveyItem } from '../lib.ts';
import { readBase64 } from '../shared.tsx';

/** formLimits.fileBytes of the contract (imported there with zod; checked equal in the test). */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** File names the form refers to: media of questions and choices, CSV lists of *_from_file. */
export function referencedFiles(form: Form): string[] {
  const names = new Set<string>();
  const media = (m: Partial<Record<string, Record<string, string>>>) => {
    for (const texts of Object.values(m))
      for (const name of Object.values(texts ?? {})) if (name) names.add(name);
  };
  const visit = (items: SurveyItem[]) => {
    for (const item of items) {
      media(item.media);
      if (item.kind === 'question' && item.type.endsWith('_from_file') && item.list) names.add(item.list);
      if (item.kind !== 'question') visit(item.children);
    }
  };
  visit(form.survey);
  for (const list of Object.values(form.choices)) for (const c of list) media(c.media);
  return [...names].sort();
}

/** What went wrong, worded from the server's issue code; a file too big names the limit. */
export function attachmentError(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 413)
    return t('forms.attachments.tooLarge', { size: sizeText(maxAttachmentBytes) });
  const issue = error instanceof ApiError ? error.problem.errors?.find((e) => e.code) : undefined;
  if (issue) return issueMessage(t, issue);
  return problemMessage(t, error);
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

class TooLarge extends Error {}

export function AttachmentsPanel({
  workspaceId,
  formId,
  form,
  canEdit,
}: {
  workspaceId: string;
  formId: string;
  form: Form;
  canEdit: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const [items, setItems] = useState<FormAttachment[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const params = { workspaceId, formId };
  const load = useCallback(async () => {
    const list = await call('listFormAttachments', { params: { workspaceId, formId } });
    setItems(list.items.filter((a) => !a.deletedAt));
  }, [workspaceId, formId]);
  useEffect(() => {
    void action.run(load);
  }, [load]);

  const upload = (files: File[]) =>
    action.run(async () => {
      setDone(null);
      for (const file of files) {
        if (file.size > maxAttachmentBytes) throw new TooLarge(file.name);
        const contentBase64 = await readBase64(file);
        await call('uploadFormAttachment', { params, body: { fileName: file.name, contentBase64 } });
      }
      await load();
      setDone(t('forms.attachments.uploaded', { count: files.length }));
    });
  const remove = (a: FormAttachment) =>
    action.run(async () => {
      if (!confirm(t('forms.attachments.deleteConfirm', { name: a.fileName }))) return;
      setDone(null);
      await call('deleteFormAttachment', { params: { ...params, attachmentId: a.id } });
      await load();
      setDone(t('forms.attachments.deleted', { name: a.fileName }));
    });

  const uploaded = new Set((items ?? []).map((a) => a.fileName));
  const missing = referencedFiles(form).filter((n) => !uploaded.has(n));
  const error = action.error;
  return (
    <section class="attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('forms.attachments.heading')}</h2>
      <p class="hint">{t('forms.attachments.hint', { size: sizeText(maxAttachmentBytes) })}</p>
      <div class="status" role="alert" aria-live="assertive">
        {error ? (
          <p class="notice notice-error">
            {error instanceof TooLarge
              ? t('forms.attachments.fileTooLarge', {
                  name: error.message,
                  size: sizeText(maxAttachmentBytes),
                })
              : attachmentError(t, error)}
          </p>
        ) : done ? (
          <p class="notice notice-success">{done}</p>
        ) : null}
      </div>
      {canEdit && (
        <label class="button button-secondary file-button">
          <Icon name="plus" />
          <span>{t('forms.attachments.upload')}</span>
          <input
            type="file"
            multiple
            class="visually-hidden"
            data-endpoint="uploadFormAttachment"
            disabled={action.busy}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              if (files.length) void upload(files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      )}
      {items === null ? null : items.length === 0 ? (
        <p class="muted">{t('forms.attachments.none')}</p>
      ) : (
        <ul class="attachment-list">
          {items.map((a) => (
            <li key={a.id}>
              <span class="attachment-name">{a.fileName}</span> <span class="muted">{sizeText(a.size)}</span>
              <span class="row-actions">
                <a
                  class="button button-plain"
                  href={buildPath(routes.downloadFormAttachment[1], { ...params, attachmentId: a.id })}
                  download={a.fileName}
                  aria-label={t('forms.attachments.downloadNamed', { name: a.fileName })}
                >
                  {t('forms.attachments.download')}
                </a>
                {canEdit && (
                  <Button
                    variant="plain"
                    data-endpoint="deleteFormAttachment"
                    icon={<Icon name="trash" />}
                    disabled={action.busy}
                    onClick={() => remove(a)}
                    aria-label={t('forms.attachments.deleteNamed', { name: a.fileName })}
                  >
                    {t('forms.attachments.delete')}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <div class="notice">
          <p>{t('forms.attachments.missing')}</p>
          <ul>
            {missing.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
