// Co-design on a draft, phone first: every question in the chosen form language, with its
// comments and wording suggestions. Members and researchers comment and suggest; coordinators
// accept (the draft changes, the author is credited) or decline with a reason; threads resolve.
import type { FormThread } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { SelectField, StatusMessage, useAction } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import type { Form } from './lib.ts';
import { useFormLanguage } from './renderer/formLanguage.ts';
import { buildTree, isShown, languageName, languagesOf, type RenderNode, textIn } from './renderer/tree.ts';
import { QuestionCard } from './review/QuestionCard.tsx';
import { draftOf, FormTabs, useFormDetail } from './shared.tsx';

function flatten(nodes: RenderNode[], out: RenderNode[] = []): RenderNode[] {
  for (const node of nodes) {
    // Nobody reads calculates or metadata: nothing to word better.
    if (!isShown(node.item)) continue;
    out.push(node);
    if (node.kind !== 'question') flatten(node.children, out);
  }
  return out;
}

export function ReviewScreen({ workspaceId, formId }: { workspaceId: string; formId: string }): JSX.Element {
  const { t } = useI18n();
  const { detail, reload } = useFormDetail(workspaceId, formId);
  const [threads, setThreads] = useState<FormThread[] | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const action = useAction();
  const form: Form | null = detail ? draftOf(detail) : null;
  const languages = useMemo(() => (form ? languagesOf(form) : []), [form]);
  const [lang, setLanguage] = useFormLanguage(form, languages);
  const nodes = useMemo(() => (form ? flatten(buildTree(form.survey)) : []), [form]);

  const loadThreads = useCallback(async () => {
    const all: FormThread[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('listFormThreads', {
        params: { workspaceId, formId },
        query: { limit: 500, cursor },
      });
      all.push(...page.items);
      cursor = page.hasMore && page.cursor ? page.cursor : undefined;
    } while (cursor);
    setThreads(all.filter((th) => !th.deletedAt));
  }, [workspaceId, formId]);
  useEffect(() => {
    void action.run(loadThreads);
  }, [loadThreads]);

  /** After a decision the draft may have changed: reload both. */
  const changed = useCallback(async () => {
    await Promise.all([loadThreads(), reload()]);
  }, [loadThreads, reload]);

  const byPath = new Map<string, FormThread[]>();
  for (const th of threads ?? []) byPath.set(th.path, [...(byPath.get(th.path) ?? []), th]);
  const shown = onlyOpen
    ? nodes.filter((n) => byPath.get(n.path)?.some((th) => th.status === 'open'))
    : nodes;

  return (
    <Screen title={detail ? t('forms.review.title', { title: detail.title }) : t('forms.review.heading')}>
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="review"
        openThreads={detail?.openThreads}
        abilities={detail?.abilities}
      />
      <StatusMessage error={action.error} />
      {!detail || threads === null || !form ? (
        action.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <p class="hint">{t('forms.review.hint')}</p>
          <div class="review-controls">
            {languages.length > 1 && (
              <SelectField
                id="review-language"
                label={t('forms.fill.formLanguage')}
                value={lang}
                options={languages.map((l) => ({
                  value: l,
                  label: languageName(l, t('forms.fill.languageDefault')),
                }))}
                onValue={setLanguage}
              />
            )}
            <div class="check">
              <input
                id="only-open"
                type="checkbox"
                checked={onlyOpen}
                onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
              />
              <label for="only-open">{t('forms.review.onlyOpen')}</label>
            </div>
          </div>
          {shown.length === 0 && <p class="muted">{t('forms.review.nothingOpen')}</p>}
          <ol class="review-list">
            {shown.map((node) => (
              <QuestionCard
                key={node.path}
                workspaceId={workspaceId}
                formId={formId}
                form={form}
                node={node}
                language={lang}
                label={textIn(node.item.label, lang) || node.item.name}
                threads={byPath.get(node.path) ?? []}
                canComment={detail.abilities.comment}
                onChanged={changed}
              />
            ))}
          </ol>
        </>
      )}
    </Screen>
  );
}
