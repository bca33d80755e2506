// What the collection screens read: this person's drafts, outbox and receipts on the phone, the
// downloaded forms, and the storage state; and the two network actions, send and download, run
// automatically when a connection appears and by the "Send now" button.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type CollectCache, downloadChanges, emptyCache, readCollectCache } from '../offline/download.ts';
import { requestPersistentStorage, type StorageState } from '../offline/storage.ts';
import type { Attempt, Receipt, UserStore, Work } from '../offline/store.ts';
import { attemptFrom, type SendReport, sendOutbox } from '../offline/sync.ts';
import { useApp } from '../state.ts';

export interface Collection {
  drafts: Work[];
  outbox: Work[];
  sent: Receipt[];
  cache: CollectCache;
  storage: StorageState | null;
  online: boolean;
  busy: boolean;
  lastSend: SendReport | null;
  /** Why the last download failed, as an attempt (same words as the outbox). */
  downloadFailure: Attempt | null;
  reload: () => Promise<void>;
  sync: () => Promise<void>;
}

const autoSendEveryMs = 60_000;

export function useCollection(store: UserStore, workspaceId: string): Collection {
  const [drafts, setDrafts] = useState<Work[]>([]);
  const [outbox, setOutbox] = useState<Work[]>([]);
  const [sent, setSent] = useState<Receipt[]>([]);
  const [cache, setCache] = useState<CollectCache>(emptyCache);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [busy, setBusy] = useState(false);
  const [lastSend, setLastSend] = useState<SendReport | null>(null);
  const [downloadFailure, setDownloadFailure] = useState<Attempt | null>(null);
  const syncing = useRef(false);
  const { account, refreshSession } = useApp();

  const reload = useCallback(async () => {
    const inWorkspace = (w: { workspaceId: string }) => w.workspaceId === workspaceId;
    const [d, o, s, c] = await Promise.all([
      store.list('draft'),
      store.list('outbox'),
      store.listSent(),
      readCollectCache(store, workspaceId),
    ]);
    const newest = <T extends { id?: string; item?: { id: string } }>(a: T, b: T) =>
      (b.item?.id ?? b.id ?? '') < (a.item?.id ?? a.id ?? '') ? -1 : 1;
    setDrafts(d.filter(inWorkspace).sort(newest));
    setOutbox(o.filter(inWorkspace).sort(newest));
    setSent(s.filter(inWorkspace).sort(newest));
    setCache(c);
  }, [store, workspaceId]);

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    setBusy(true);
    try {
      // Opened offline: the session (and its CSRF token) was never read, so read it before sending.
      if (!account) await refreshSession();
      setLastSend(await sendOutbox(store));
      try {
        await downloadChanges(store, workspaceId);
        setDownloadFailure(null);
      } catch (error) {
        setDownloadFailure(attemptFrom(error, new Date().toISOString()));
      }
    } finally {
      syncing.current = false;
      setBusy(false);
      await reload();
    }
  }, [store, workspaceId, reload, account, refreshSession]);

  useEffect(() => {
    void reload();
    void requestPersistentStorage().then(setStorage);
  }, [reload]);

  // Automatically: on opening with a connection, when one appears, and every minute while online.
  useEffect(() => {
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    if (navigator.onLine) void sync();
    const timer = setInterval(() => {
      if (navigator.onLine) void sync();
    }, autoSendEveryMs);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [sync]);

  return { drafts, outbox, sent, cache, storage, online, busy, lastSend, downloadFailure, reload, sync };
}
