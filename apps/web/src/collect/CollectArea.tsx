// The collection area: the unlocked store of the person collecting, then their home or a form.
import '../forms/forms.css';
import './collect.css';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UserStore } from '../offline/store.ts';
import type { CollectRoute } from '../router.ts';
import { useApp } from '../state.ts';
import { Loading } from '../ui/screen.tsx';
import { currentCollector, onCollectorChange, pendingCollector } from './collector.ts';
import { FillScreen } from './FillScreen.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { UnlockScreen } from './UnlockScreen.tsx';

/** The unlocked store; undefined while a sign-in's unlock is still running. */
function useCollector(): UserStore | null | undefined {
  const [store, setStore] = useState<UserStore | null | undefined>(() =>
    pendingCollector() ? undefined : currentCollector(),
  );
  useEffect(() => {
    const update = () => setStore(currentCollector());
    const off = onCollectorChange(update);
    const pending = pendingCollector();
    if (pending) void pending.then(update);
    else update();
    return off;
  }, []);
  return store;
}

export function CollectArea({ route }: { route: CollectRoute }): JSX.Element {
  const { account } = useApp();
  const store = useCollector();
  if (store === undefined || account === undefined) return <Loading />;
  // Signed in as someone else than whose work is open (a shared phone): theirs stays shut.
  if (!store || (account && store.userId !== account.id)) return <UnlockScreen />;
  if (route.name === 'collect') return <HomeScreen store={store} workspaceId={route.workspaceId} />;
  if (route.name === 'collectNew')
    return <FillScreen store={store} workspaceId={route.workspaceId} start={{ formId: route.formId }} />;
  return <FillScreen store={store} workspaceId={route.workspaceId} start={{ workId: route.workId }} />;
}
