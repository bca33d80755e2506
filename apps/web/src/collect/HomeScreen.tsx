// The researcher's home on the phone: their assignments with what is drafted, waiting to send, sent
// and needing a fix; the send and download controls; and whether the phone keeps the work safe.
import type { Assignment } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { latestVersion } from '../offline/download.ts';
import type { StorageState } from '../offline/storage.ts';
import type { UserStore } from '../offline/store.ts';
import { paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button } from '../ui/forms.tsx';
import { Screen } from '../ui/screen.tsx';
import { BackupSection } from './BackupSection.tsx';
import { reasonText } from './reasons.ts';
import { type Collection, useCollection } from './useCollection.ts';
import { DraftList, NeedsFixList, PinSection, SentList, WaitingList } from './WorkLists.tsx';

export function HomeScreen({ store, workspaceId }: { store: UserStore; workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const collection = useCollection(store, workspaceId);
  const { workspaces } = useApp();
  const workspace = workspaces?.find((w) => w.id === workspaceId);
  const collectsForAll = workspace?.role === 'coordinator' || workspace?.role === 'staff';
  // A coordinator's download holds everyone's assignments; "My assignments" are the ones naming them.
  const assignments = Object.values(collection.cache.assignments).filter(
    (a) => a.status === 'active' && (!collectsForAll || a.personId === workspace?.personId),
  );
  return (
    <Screen title={t('collect.home.title')}>
      <SyncPanel collection={collection} />
      <section aria-labelledby="collect-assignments">
        <h2 id="collect-assignments">{t('collect.assignments.title')}</h2>
        {assignments.length === 0 ? (
          <p class="muted">
            {!collection.cache.syncedAt
              ? t('collect.assignments.notYet')
              : collectsForAll
                ? t('collect.assignments.noneOwn')
                : t('collect.assignments.none')}
          </p>
        ) : (
          <ul class="collect-cards">
            {assignments.map((assignment) => (
              <AssignmentCard
                key={assignment.id}
                assignment={assignment}
                collection={collection}
                workspaceId={workspaceId}
              />
            ))}
          </ul>
        )}
      </section>
      <DraftList collection={collection} store={store} workspaceId={workspaceId} />
      <WaitingList collection={collection} />
      <NeedsFixList collection={collection} />
      <SentList collection={collection} />
      <StorageNote storage={collection.storage} />
      <PinSection store={store} />
      <BackupSection store={store} othersWork={collectsForAll} onRestored={() => void collection.reload()} />
    </Screen>
  );
}

function SyncPanel({ collection }: { collection: Collection }): JSX.Element {
  const { t, date } = useI18n();
  const { online, busy, outbox, lastSend, downloadFailure, cache } = collection;
  return (
    <section class="collect-sync" aria-labelledby="collect-sync">
      <h2 id="collect-sync" class="visually-hidden">
        {t('collect.sync.title')}
      </h2>
      <p class={online ? 'notice notice-success' : 'notice notice-offline'} role="status">
        {online ? t('collect.sync.online') : t('collect.sync.offline')}{' '}
        {t('collect.sync.waiting', { count: outbox.length })}
      </p>
      <Button
        data-endpoint="ingestSubmissions"
        disabled={busy || !online}
        onClick={() => void collection.sync()}
        aria-describedby="collect-sync-state"
      >
        {busy ? t('collect.sync.sending') : t('collect.sync.sendNow')}
      </Button>
      <p id="collect-sync-state" class="hint" aria-live="polite">
        {lastSend?.stopped
          ? reasonText(t, lastSend.stopped)
          : lastSend
            ? t('collect.sync.sent', { count: lastSend.confirmed.length })
            : ''}{' '}
        {downloadFailure ? reasonText(t, downloadFailure) : ''}{' '}
        {cache.syncedAt
          ? t('collect.sync.downloadedAt', { when: date(cache.syncedAt, true) })
          : t('collect.sync.neverDownloaded')}
      </p>
    </section>
  );
}

/** Where the work is, as the phone holds it: "Sonop, section A: 55 structures on this phone". */
function PlaceLine({ assignment, collection }: { assignment: Assignment; collection: Collection }) {
  const { t } = useI18n();
  const { settlements, sections, structures } = collection.cache;
  const settlement = assignment.settlementId ? settlements[assignment.settlementId] : undefined;
  if (!settlement) return null;
  const section = assignment.sectionId ? sections[assignment.sectionId] : undefined;
  const count = Object.values(structures).filter((s) =>
    section ? s.sectionId === section.id : s.settlementId === settlement.id,
  ).length;
  return (
    <p class="collect-place">
      {section
        ? t('collect.place.section', { settlement: settlement.name, section: section.code, count })
        : t('collect.place.settlement', { settlement: settlement.name, count })}
    </p>
  );
}

function AssignmentCard({
  assignment,
  collection,
  workspaceId,
}: {
  assignment: Assignment;
  collection: Collection;
  workspaceId: string;
}): JSX.Element {
  const { t } = useI18n();
  const formId = assignment.formId;
  const version = latestVersion(collection.cache, formId);
  const ofForm = <T extends { formId: string }>(list: T[]) => list.filter((x) => x.formId === formId).length;
  const drafted = ofForm(collection.drafts.map((w) => w.item));
  const waiting = ofForm(collection.outbox.map((w) => w.item));
  const serverSide = Object.values(collection.cache.submissions).filter((s) => s.formId === formId);
  const sentIds = new Set([
    ...serverSide.map((s) => s.id),
    ...collection.sent.filter((r) => r.formId === formId).map((r) => r.id),
  ]);
  const needsFix = serverSide.filter((s) => s.state === 'needs_attention' || s.state === 'rejected').length;
  const headingId = `assignment-${assignment.id}`;
  return (
    <li class="collect-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{assignment.formTitle}</h3>
      {assignment.note && <p>{assignment.note}</p>}
      <PlaceLine assignment={assignment} collection={collection} />
      <dl class="collect-counts">
        <div>
          <dt>{t('collect.count.drafted')}</dt>
          <dd>{drafted}</dd>
        </div>
        <div>
          <dt>{t('collect.count.waiting')}</dt>
          <dd>{waiting}</dd>
        </div>
        <div>
          <dt>{t('collect.count.sent')}</dt>
          <dd>
            {assignment.targetCount
              ? t('collect.count.ofTarget', { count: sentIds.size, target: assignment.targetCount })
              : sentIds.size}
          </dd>
        </div>
        <div>
          <dt>{t('collect.count.needsFix')}</dt>
          <dd>{needsFix}</dd>
        </div>
      </dl>
      {version ? (
        <a class="button button-primary" href={paths.collectNew(workspaceId, formId)}>
          <span>{t('collect.start')}</span>
        </a>
      ) : (
        <p class="muted">{t('collect.notDownloaded')}</p>
      )}
    </li>
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes > 1024 * 1024 * 1024 ? 0 : 1);
}

function StorageNote({ storage }: { storage: StorageState | null }): JSX.Element {
  const { t } = useI18n();
  const kept =
    storage?.persisted === true
      ? t('collect.storage.granted')
      : storage?.persisted === false
        ? t('collect.storage.denied')
        : t('collect.storage.unknown');
  const free =
    storage?.quotaBytes != null && storage.usageBytes != null
      ? t('collect.storage.free', { mb: megabytes(storage.quotaBytes - storage.usageBytes) })
      : '';
  return (
    <section aria-labelledby="collect-storage">
      <h2 id="collect-storage">{t('collect.storage.title')}</h2>
      <p data-testid="storage-state">
        {kept} {free}
      </p>
    </section>
  );
}
