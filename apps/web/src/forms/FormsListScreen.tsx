// The workspace's questionnaires: open one, import an XLSForm, start from a template or blank.
import type { FormSummary } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { type MessageKey, useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { emptyForm, formLanding, LocatedErrors, readBase64 } from './shared.tsx';

type Template = { id: string; title: string; formId: string; languages: string[]; questionCount: number };

export function FormsListScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t, date } = useI18n();
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [mayCreate, setMayCreate] = useState(false);
  const [title, setTitle] = useState('');
  const action = useAction();

  useEffect(() => {
    void action.run(async () => {
      const list = await call('listForms', { params: { workspaceId }, query: { limit: 200 } });
      setForms(list.items.filter((f) => !f.deletedAt));
      // Templates, import and "new form" are offered only to those the server lets create forms.
      setMayCreate(list.abilities.create);
      if (list.abilities.create) {
        const shipped = await call('listFormTemplates', { params: { workspaceId } });
        setTemplates(shipped.items);
      }
    });
  }, [workspaceId]);

  const open = (id: string) => navigate(paths.form(workspaceId, id));
  const importFile = (file: File) =>
    action.run(async () => {
      const contentBase64 = await readBase64(file);
      const created = await call('importForm', {
        params: { workspaceId },
        body: { fileName: file.name, contentBase64 },
      });
      open(created.id);
    });
  const fromTemplate = (templateId: string) =>
    action.run(async () => {
      const created = await call('createFormFromTemplate', { params: { workspaceId }, body: { templateId } });
      open(created.id);
    });
  const blank = () =>
    action.run(async () => {
      const name = title.trim() || t('forms.list.untitled');
      const formId =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_|_$/g, '') || 'form';
      const created = await call('createForm', {
        params: { workspaceId },
        body: { model: emptyForm(name, formId) as unknown as Record<string, unknown> },
      });
      open(created.id);
    });

  // A template's title is the workbook's (English); the catalogue has it in the reader's language.
  const templateTitle = (tpl: { id: string; title: string }) => {
    const key = `forms.template.${tpl.id}` as MessageKey;
    const text = t(key);
    return text === key ? tpl.title : text;
  };

  return (
    <Screen title={t('forms.list.title')}>
      <StatusMessage error={action.error} />
      <LocatedErrors error={action.error} />
      {forms === null ? (
        <Loading />
      ) : forms.length === 0 ? (
        <p class="muted">{mayCreate ? t('forms.list.none') : t('forms.list.noneToRead')}</p>
      ) : (
        <ul class="card-list">
          {forms.map((f) => (
            <li key={f.id} class="card">
              <a class="card-link" href={paths.form(workspaceId, f.id, formLanding(f))}>
                {f.title || f.formId}
              </a>
              <p class="muted form-meta">
                <span class={`badge badge-${f.status}`}>{t(`forms.status.${f.status}`)}</span>{' '}
                {t('forms.list.meta', { questions: f.questionCount, languages: f.languages.length })}
                {f.latestVersion &&
                  ` · ${t('forms.list.published', { number: f.latestVersion.number, date: date(f.latestVersion.publishedAt) })}`}
                {f.openThreads > 0 && ` · ${t('forms.list.openThreads', { count: f.openThreads })}`}
              </p>
            </li>
          ))}
        </ul>
      )}

      {mayCreate && templates.length > 0 && (
        <section aria-labelledby="templates-heading">
          <h2 id="templates-heading">{t('forms.list.templates')}</h2>
          <p class="hint">{t('forms.list.templatesHint')}</p>
          <ul class="card-list">
            {templates
              .map((tpl) => ({ ...tpl, title: templateTitle(tpl) }))
              .map((tpl) => (
                <li key={tpl.id} class="card template-card">
                  <div>
                    <strong>{tpl.title}</strong>
                    <p class="muted form-meta">
                      {t('forms.list.meta', {
                        questions: tpl.questionCount,
                        languages: tpl.languages.length,
                      })}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    data-endpoint="createFormFromTemplate"
                    disabled={action.busy}
                    onClick={() => fromTemplate(tpl.id)}
                  >
                    {t('forms.list.useTemplate', { title: tpl.title })}
                  </Button>
                </li>
              ))}
          </ul>
        </section>
      )}

      {mayCreate && (
        <CreateForms
          busy={action.busy}
          title={title}
          setTitle={setTitle}
          onFile={importFile}
          onBlank={blank}
        />
      )}
    </Screen>
  );
}

function CreateForms(props: {
  busy: boolean;
  title: string;
  setTitle: (title: string) => void;
  onFile: (file: File) => void;
  onBlank: () => void;
}): JSX.Element {
  const { t } = useI18n();
  const { busy, title, setTitle } = props;
  return (
    <>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('forms.list.import')}</h2>
        <div class="field">
          <label for="xlsform-file">{t('forms.list.importLabel')}</label>
          <p class="hint" id="xlsform-file-hint">
            {t('forms.list.importHint')}
          </p>
          <input
            id="xlsform-file"
            type="file"
            accept=".xlsx,.xlsm,.xls,.md,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv,text/markdown"
            aria-describedby="xlsform-file-hint"
            data-endpoint="importForm"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onFile(file);
            }}
          />
        </div>
      </section>

      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{t('forms.list.new')}</h2>
        <div class="add-row">
          <TextField id="new-form-title" label={t('forms.list.newTitle')} value={title} onValue={setTitle} />
          <Button
            icon={<Icon name="plus" />}
            data-endpoint="createForm"
            disabled={busy}
            onClick={props.onBlank}
          >
            {t('forms.list.create')}
          </Button>
        </div>
      </section>
    </>
  );
}
