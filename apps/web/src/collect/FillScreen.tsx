// Filling a form on the phone, online or not: the shared renderer on the downloaded version, the
// answers saved as a sealed draft ("Save draft", and resumed from it), and on finishing moved to the
// outbox and sent at once when there is a connection.
import type { SubmissionItem } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Form } from '../forms/lib.ts';
import { FormView } from '../forms/renderer/FormView.tsx';
import type { FormSession } from '../forms/renderer/session.ts';
import { useI18n } from '../i18n/i18n.ts';
import { latestVersion, readCollectCache, versionOf } from '../offline/download.ts';
import { newInstanceId } from '../offline/ids.ts';
import type { UserStore, Work } from '../offline/store.ts';
import { sendOutbox } from '../offline/sync.ts';
import { navigate, paths } from '../router.ts';
import { Button } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { type FormMedia, openMedia } from './media.ts';
import { keepFiles } from './photos.ts';

type Start = { formId: string } | { workId: string };

interface Opened {
  /** Media by file name (object URLs of the downloaded bytes, released on close) and parsed CSVs. */
  media: FormMedia;
  form: Form;
  title: string;
  item: SubmissionItem;
  draft: Work | null;
}

async function open(store: UserStore, workspaceId: string, start: Start): Promise<Opened | string> {
  const cache = await readCollectCache(store, workspaceId);
  if ('workId' in start) {
    const found = await store.get(start.workId);
    if (!found) return 'collect.fill.missing';
    if (found.kind !== 'draft') return 'collect.fill.finalized';
    const { item } = found.work;
    const version = versionOf(cache, item.formId, item.formVersion);
    if (!version) return 'collect.fill.noVersion';
    const title = cache.forms[item.formId]?.title ?? '';
    return {
      form: version.model as unknown as Form,
      title,
      item,
      draft: found.work,
      media: openMedia(cache, item.formId),
    };
  }
  const version = latestVersion(cache, start.formId);
  if (!version) return 'collect.fill.noVersion';
  const assignment = Object.values(cache.assignments).find(
    (a) => a.formId === start.formId && a.status === 'active',
  );
  const item: SubmissionItem = {
    id: newInstanceId(),
    formId: start.formId,
    formVersion: version.number,
    answers: {},
    files: [],
    startedAt: new Date().toISOString(),
    ...(assignment ? { assignmentId: assignment.id } : {}),
  };
  return {
    form: version.model as unknown as Form,
    title: cache.forms[start.formId]?.title ?? '',
    media: openMedia(cache, start.formId),
    item,
    draft: null,
  };
}

export function FillScreen({
  store,
  workspaceId,
  start,
}: {
  store: UserStore;
  workspaceId: string;
  start: Start;
}): JSX.Element {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | string | null>(null);
  const [saving, setSaving] = useState(false);
  const session = useRef<FormSession | null>(null);
  const key = 'workId' in start ? start.workId : start.formId;
  useEffect(() => {
    let opening: Opened | string | null = null;
    let closed = false;
    void open(store, workspaceId, start).then((o) => {
      opening = o;
      // Closed before the cache was read: nobody will show these URLs, give them back now.
      if (closed && typeof o !== 'string') o.media.release();
      else setOpened(o);
    });
    return () => {
      closed = true;
      if (opening && typeof opening !== 'string') opening.media.release();
    };
  }, [store, workspaceId, key]);

  const save = async (filled: FormSession, finalize: boolean) => {
    if (!opened || typeof opened === 'string') return;
    setSaving(true);
    try {
      const savedAt = new Date().toISOString();
      const { answers, files, fileData } = await keepFiles(filled, opened.draft);
      await store.saveDraft({ workspaceId, item: { ...opened.item, answers, files }, savedAt, fileData });
      if (finalize) {
        await store.finalize(opened.item.id);
        if (navigator.onLine) void sendOutbox(store).catch(() => {});
      }
      navigate(paths.collect(workspaceId));
    } finally {
      setSaving(false);
    }
  };

  const view = useMemo(() => {
    if (!opened || typeof opened === 'string') return null;
    return (
      <FormView
        form={opened.form}
        mediaUrls={opened.media.mediaUrls}
        fileLists={opened.media.fileLists}
        onSession={(s) => {
          session.current = s;
          if (opened.draft) {
            s.engine.loadAnswers(opened.draft.item.answers);
            s.refresh();
          }
        }}
        onSubmit={(_answers, filled) => void save(filled, true)}
      />
    );
  }, [opened]);

  if (opened === null) return <Loading />;
  if (typeof opened === 'string')
    return (
      <Screen title={t('collect.fill.heading')}>
        <p class="notice notice-error" role="alert">
          {t(opened as 'collect.fill.missing')}
        </p>
        <a href={paths.collect(workspaceId)}>{t('collect.back')}</a>
      </Screen>
    );
  return (
    <Screen title={opened.title || t('collect.fill.heading')} wide>
      <p class="collect-fill-bar">
        <a href={paths.collect(workspaceId)}>{t('collect.back')}</a>
        <Button
          variant="secondary"
          disabled={saving}
          onClick={() => session.current && void save(session.current, false)}
        >
          {t('collect.fill.saveDraft')}
        </Button>
      </p>
      <p class="hint">{t('collect.fill.hint')}</p>
      {view}
    </Screen>
  );
}
