// The form builder: an outline of the questions beside the editor of the selected one, the
// translations table, and the draft's life (save, import/export XLSForm, preview, publish).
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, buildPath, call, routes } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { ArchiveButton } from './builder/ArchiveButton.tsx';
import { AttachmentsPanel } from './builder/AttachmentsPanel.tsx';
import {
  type Address,
  addressKey,
  blankQuestion,
  blankSection,
  insertAfter,
  itemAt,
  moveItem,
  parseAddress,
  removeItem,
  ungroup,
  uniqueName,
  wrapInGroup,
} from './builder/edit.ts';
import { Outline } from './builder/Outline.tsx';
import { QuestionEditor } from './builder/QuestionEditor.tsx';
import { TranslationsPanel } from './builder/TranslationsPanel.tsx';
import { createFormEngine, type Form, FormEngineError } from './lib.ts';
import { buildTree, engineFields, languagesOf } from './renderer/tree.ts';
import {
  draftOf,
  FormTabs,
  formLanding,
  ImportWarnings,
  LocatedErrors,
  readBase64,
  useFormDetail,
} from './shared.tsx';

type Panel = 'questions' | 'translations' | 'attachments';

export function BuilderScreen({ workspaceId, formId }: { workspaceId: string; formId: string }): JSX.Element {
  const { t, date } = useI18n();
  const { detail, setDetail, error } = useFormDetail(workspaceId, formId);
  const [model, setModel] = useState<Form | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState('0');
  const [panel, setPanel] = useState<Panel>('questions');
  const [added, setAdded] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    if (detail && !dirty) setModel(detail ? draftOf(detail) : null);
    // Those who may not edit read the form elsewhere (comments or preview), not in a builder
    // whose Save the server would refuse. An archived form stays here, read-only, to export it.
    if (detail && !detail.abilities.edit && detail.status !== 'archived') {
      navigate(paths.form(workspaceId, formId, formLanding(detail)), { replace: true });
    }
  }, [detail]);
  // Leaving with unsaved edits loses them: ask first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const languages = useMemo(() => {
    const found = model ? languagesOf(model) : ['default'];
    return [...found, ...added.filter((l) => !found.includes(l))];
  }, [model, added]);
  const shown = languages[0] ?? 'default';
  // The engine finds what the single-field checks cannot: circular calculations, for instance.
  const engineProblem = useMemo(() => {
    if (!model) return null;
    try {
      createFormEngine(engineFields(buildTree(model.survey)));
      return null;
    } catch (caught) {
      return caught instanceof FormEngineError ? caught.message : null;
    }
  }, [model]);

  if (!detail || !model) {
    return (
      <Screen title={t('forms.builder.heading')}>
        <StatusMessage error={error} />
        {!error && (detail && !model ? <p>{t('forms.noDraft')}</p> : <Loading />)}
      </Screen>
    );
  }

  const edit = (next: Form) => {
    setModel(next);
    setDirty(true);
    setSaved(null);
  };
  const address = parseAddress(selected);
  const item = itemAt(model.survey, address);
  const add = (kind: 'question' | 'group' | 'repeat') => {
    const name = uniqueName(model, kind === 'question' ? 'question' : kind);
    const fresh = kind === 'question' ? blankQuestion(name) : blankSection(kind, name);
    const [next, at] = insertAfter(model, item ? address : null, fresh);
    edit(next);
    setSelected(addressKey(at));
    setTimeout(
      () => document.getElementById(`edit-label-${shown.replace(/[^A-Za-z0-9]/g, '_')}`)?.focus(),
      0,
    );
  };
  const move = (at: Address, by: -1 | 1) => {
    const [next, to] = moveItem(model, at, by);
    edit(next);
    setSelected(addressKey(to));
  };
  const remove = (at: Address) => {
    const target = itemAt(model.survey, at);
    if (!target || !confirm(t('forms.builder.deleteConfirm', { name: target.name }))) return;
    edit(removeItem(model, at));
    setSelected(
      addressKey(
        at[at.length - 1]! > 0
          ? [...at.slice(0, -1), at[at.length - 1]! - 1]
          : at.slice(0, -1).length
            ? at.slice(0, -1)
            : [0],
      ),
    );
  };
  const saveModel = async () => {
    const next = await call('updateFormDraft', {
      params: { workspaceId, formId },
      body: { model: model as unknown as Record<string, unknown>, baseRevision: detail.revision },
    });
    setDirty(false);
    setDetail(next);
  };
  const save = () =>
    action.run(async () => {
      await saveModel();
      setSaved(t('forms.builder.saved'));
    });
  const publish = () =>
    action.run(async () => {
      if (dirty) await saveModel();
      const version = await call('publishForm', { params: { workspaceId, formId }, body: {} });
      setDetail(await call('getForm', { params: { workspaceId, formId } }));
      setSaved(t('forms.builder.published', { number: version.number, date: date(version.publishedAt) }));
    });
  const replace = (file: File) =>
    action.run(async () => {
      if (dirty && !confirm(t('forms.builder.replaceConfirm'))) return;
      const contentBase64 = await readBase64(file);
      const next = await call('importFormDraft', {
        params: { workspaceId, formId },
        body: { fileName: file.name, contentBase64, baseRevision: detail.revision },
      });
      setDirty(false);
      setDetail(next);
      setModel(draftOf(next));
      setSelected('0');
      setSaved(t('forms.builder.imported'));
    });
  const exportHref = `${buildPath(routes.getForm[1], { workspaceId, formId })}/draft/xlsform`;
  const stale = action.error instanceof ApiError && action.error.code === 'form.stale';
  const archived = detail.status === 'archived';
  const canEdit = detail.abilities.edit && !archived;

  return (
    <Screen title={t('forms.builder.title', { title: detail.title })} wide>
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="build"
        openThreads={detail.openThreads}
        abilities={detail.abilities}
      />
      <div class="builder-bar">
        {canEdit && (
          <Button
            icon={<Icon name="save" />}
            data-endpoint="updateFormDraft"
            disabled={action.busy || !dirty}
            onClick={save}
          >
            {dirty ? t('forms.builder.save') : t('forms.builder.allSaved')}
          </Button>
        )}
        {detail.abilities.publish && !archived && (
          <Button
            variant="secondary"
            data-endpoint="publishForm"
            icon={<Icon name="check" />}
            disabled={action.busy || Boolean(engineProblem)}
            onClick={publish}
          >
            {t('forms.builder.publish')}
          </Button>
        )}
        <a
          class="button button-secondary"
          data-endpoint="downloadFormDraft"
          href={exportHref}
          download={`${model.settings.formId ?? 'form'}.xlsx`}
        >
          {t('forms.builder.export')}
        </a>
        {canEdit && (
          <label class="button button-secondary file-button">
            <span>{t('forms.builder.import')}</span>
            <input
              type="file"
              class="visually-hidden"
              data-endpoint="importFormDraft"
              accept=".xlsx,.xlsm,.xls,.md,.csv"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void replace(file);
                e.currentTarget.value = '';
              }}
            />
          </label>
        )}
        <ArchiveButton
          workspaceId={workspaceId}
          detail={detail}
          action={action}
          onArchived={async (message) => {
            setDetail(await call('getForm', { params: { workspaceId, formId } }));
            setSaved(message);
          }}
        />
      </div>
      <StatusMessage error={action.error} success={saved} />
      {archived && <p class="notice">{t('forms.builder.archivedNotice')}</p>}
      {stale && <p class="notice notice-error">{t('forms.builder.stale')}</p>}
      <LocatedErrors error={action.error} />
      {engineProblem && (
        <p class="notice notice-error" role="status">
          {t('forms.builder.engineProblem', { message: engineProblem })}
        </p>
      )}
      <ImportWarnings warnings={detail.warnings} />
      <fieldset class="panel-switch">
        <legend class="visually-hidden">{t('forms.builder.view')}</legend>
        {(['questions', 'translations', 'attachments'] as const).map((p) => (
          <button
            key={p}
            type="button"
            class="button button-plain"
            aria-pressed={panel === p}
            onClick={() => setPanel(p)}
          >
            {t(`forms.builder.panel.${p}`)}
          </button>
        ))}
      </fieldset>
      {panel === 'attachments' ? (
        <AttachmentsPanel
          workspaceId={workspaceId}
          formId={formId}
          form={model}
          canEdit={detail.abilities.edit && detail.status !== 'archived'}
        />
      ) : panel === 'translations' ? (
        <fieldset class="plain-fieldset" disabled={!canEdit}>
          <TranslationsPanel
            form={model}
            languages={languages}
            onChange={edit}
            onAddLanguage={(l) => setAdded([...added, l])}
          />
        </fieldset>
      ) : (
        <div class="builder">
          <div class="builder-outline">
            <h2 class="visually-hidden">{t('forms.builder.outline')}</h2>
            <Outline
              form={model}
              language={shown}
              selected={selected}
              onSelect={(a) => {
                setSelected(addressKey(a));
                // On a phone the editor is below the list: take people there.
                setTimeout(() => document.getElementById('editor-heading')?.focus(), 0);
              }}
              {...(canEdit ? { onMove: move, onRemove: remove } : {})}
            />
            {canEdit && (
              <div class="row-actions">
                <Button variant="secondary" icon={<Icon name="plus" />} onClick={() => add('question')}>
                  {t('forms.builder.addQuestion')}
                </Button>
                <Button variant="plain" onClick={() => add('group')}>
                  {t('forms.builder.addGroup')}
                </Button>
                <Button variant="plain" onClick={() => add('repeat')}>
                  {t('forms.builder.addRepeat')}
                </Button>
              </div>
            )}
          </div>
          <div class="builder-editor">
            {item ? (
              <>
                <h2 id="editor-heading" tabIndex={-1}>
                  {t('forms.builder.editing', { name: item.name })}
                </h2>
                {canEdit && (
                  <div class="row-actions">
                    <Button
                      variant="plain"
                      onClick={() => edit(wrapInGroup(model, address, uniqueName(model, 'group')))}
                    >
                      {t('forms.builder.wrap')}
                    </Button>
                    {item.kind !== 'question' && (
                      <Button variant="plain" onClick={() => edit(ungroup(model, address))}>
                        {t('forms.builder.ungroup')}
                      </Button>
                    )}
                  </div>
                )}
                {/* A disabled fieldset makes every field of the editor read-only at once. */}
                <fieldset class="plain-fieldset" disabled={!canEdit}>
                  <QuestionEditor
                    key={selected}
                    form={model}
                    address={address}
                    item={item}
                    languages={languages}
                    onChange={edit}
                  />
                </fieldset>
              </>
            ) : (
              <p class="muted">{t('forms.builder.pick')}</p>
            )}
          </div>
        </div>
      )}
    </Screen>
  );
}
