// The lists of the researcher's home: drafts (resume, delete after asking), waiting to send (with
// the reason in words), needing a fix, sent (with conflicts said plainly), and the device PIN.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import type { Receipt, UserStore } from '../offline/store.ts';
import { paths } from '../router.ts';
import { Button, TextField } from '../ui/forms.tsx';
import { reasonText } from './reasons.ts';
import type { Collection } from './useCollection.ts';

function formTitle(collection: Collection, formId: string): string {
  return (
    collection.cache.forms[formId]?.title ??
    Object.values(collection.cache.assignments).find((a) => a.formId === formId)?.formTitle ??
    formId
  );
}

export function DraftList({
  collection,
  store,
  workspaceId,
}: {
  collection: Collection;
  store: UserStore;
  workspaceId: string;
}): JSX.Element {
  const { t, date } = useI18n();
  const [asking, setAsking] = useState<string | null>(null);
  const remove = async (id: string) => {
    await store.deleteDraft(id);
    setAsking(null);
    await collection.reload();
  };
  return (
    <section aria-labelledby="collect-drafts">
      <h2 id="collect-drafts">{t('collect.drafts.title', { count: collection.drafts.length })}</h2>
      {collection.drafts.length === 0 && <p class="muted">{t('collect.drafts.none')}</p>}
      <ul class="collect-list">
        {collection.drafts.map((work) => (
          <li key={work.item.id}>
            <span>
              <strong>{formTitle(collection, work.item.formId)}</strong>{' '}
              <span class="muted">{t('collect.drafts.saved', { when: date(work.savedAt, true) })}</span>
            </span>
            {asking === work.item.id ? (
              <span class="collect-confirm" role="alert">
                <span>{t('collect.drafts.confirm')}</span>
                <Button variant="danger" onClick={() => void remove(work.item.id)}>
                  {t('collect.drafts.confirmDelete')}
                </Button>
                <Button variant="secondary" onClick={() => setAsking(null)}>
                  {t('collect.drafts.keep')}
                </Button>
              </span>
            ) : (
              <span class="collect-actions">
                <a class="button button-secondary" href={paths.collectWork(workspaceId, work.item.id)}>
                  <span>{t('collect.drafts.resume')}</span>
                </a>
                <Button variant="plain" onClick={() => setAsking(work.item.id)}>
                  {t('collect.drafts.delete')}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WaitingList({ collection }: { collection: Collection }): JSX.Element {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="collect-waiting">
      <h2 id="collect-waiting">{t('collect.waiting.title', { count: collection.outbox.length })}</h2>
      {collection.outbox.length === 0 && <p class="muted">{t('collect.waiting.none')}</p>}
      <ul class="collect-list">
        {collection.outbox.map((work) => (
          <li key={work.item.id}>
            <span>
              <strong>{formTitle(collection, work.item.formId)}</strong>{' '}
              <span class="muted">
                {t('collect.waiting.finished', {
                  when: date(work.item.finishedAt ?? work.savedAt, true),
                })}
              </span>
            </span>
            <span class={work.lastAttempt?.failure === 'refused' ? 'collect-reason error' : 'collect-reason'}>
              {work.lastAttempt ? reasonText(t, work.lastAttempt) : t('collect.waiting.notYet')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NeedsFixList({ collection }: { collection: Collection }): JSX.Element | null {
  const { t } = useI18n();
  const list = Object.values(collection.cache.submissions)
    .filter((s) => s.state === 'needs_attention' || s.state === 'rejected')
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="collect-fix">
      <h2 id="collect-fix">{t('collect.fix.title', { count: list.length })}</h2>
      <p class="hint">{t('collect.fix.hint')}</p>
      <details>
        <summary>{t('collect.fix.show')}</summary>
        <ul class="collect-list">
          {list.slice(0, 50).map((s) => (
            <li key={s.id}>
              <strong>{s.instanceName ?? formTitle(collection, s.formId)}</strong>{' '}
              <span class="collect-reason error">
                {s.state === 'rejected' ? t('collect.state.rejected') : t('collect.state.needs_attention')}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

const outcomeKey = {
  stored: 'collect.sent.stored',
  duplicate: 'collect.sent.stored',
  needs_attention: 'collect.sent.needs_attention',
  conflict: 'collect.sent.conflict',
} as const satisfies Record<Receipt['outcome'], string>;

export function SentList({ collection }: { collection: Collection }): JSX.Element {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="collect-sent">
      <h2 id="collect-sent">{t('collect.sent.title', { count: collection.sent.length })}</h2>
      {collection.sent.length === 0 && <p class="muted">{t('collect.sent.none')}</p>}
      <ul class="collect-list">
        {collection.sent.slice(0, 20).map((receipt) => (
          <li key={receipt.id}>
            <span>
              <strong>{formTitle(collection, receipt.formId)}</strong>{' '}
              <span class="muted">{t('collect.sent.at', { when: date(receipt.sentAt, true) })}</span>
            </span>
            <span class={receipt.outcome === 'conflict' ? 'collect-reason error' : 'collect-reason'}>
              {t(outcomeKey[receipt.outcome])}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PinSection({ store }: { store: UserStore }): JSX.Element {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{6,}$/.test(pin)) return setMessage({ ok: false, text: t('collect.pin.short') });
    await store.setPin(pin);
    setPin('');
    setMessage({ ok: true, text: t('collect.pin.saved') });
  };
  return (
    <section aria-labelledby="collect-pin">
      <h2 id="collect-pin">{t('collect.pin.title')}</h2>
      <p class="hint">{t('collect.pin.hint')}</p>
      <form onSubmit={save} noValidate>
        <div class="status" role="alert" aria-live="assertive">
          {message && (
            <p class={message.ok ? 'notice notice-success' : 'notice notice-error'}>{message.text}</p>
          )}
        </div>
        <TextField
          id="collect-pin-field"
          type="password"
          label={t('collect.pin.label')}
          value={pin}
          onValue={setPin}
          autocomplete="off"
        />
        <Button type="submit" variant="secondary">
          {t('collect.pin.save')}
        </Button>
      </form>
    </section>
  );
}
