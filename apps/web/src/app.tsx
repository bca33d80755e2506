// The app shell: loads the session, holds the language, draws header and navigation, and picks
// the screen for the current route. Screens live one per file under their area.
import type { Account, Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { AccountScreen } from './account/AccountScreen.tsx';
import { ApiError, call, callAllPages, setCsrfToken, whenSignedOut } from './api.ts';
import { AuditScreen } from './audit/AuditScreen.tsx';
import { SignInScreen } from './auth/SignInScreen.tsx';
import { lockCollector } from './collect/collector.ts';
import { CollectRoute } from './collect/lazy.tsx';
import { FormsRoute } from './forms/lazy.tsx';
import en from './i18n/en.json';
import {
  type Catalogue,
  dateFormatter,
  type I18n,
  I18nContext,
  initialLocale,
  type Locale,
  loadCatalogue,
  rememberLocale,
  translator,
  useI18n,
} from './i18n/i18n.ts';
import { InviteSlipScreen } from './members/InviteSlipScreen.tsx';
import { JoinScreen } from './members/JoinScreen.tsx';
import { MembersScreen } from './members/MembersScreen.tsx';
import { PeopleScreen } from './people/PeopleScreen.tsx';
import { PersonScreen } from './people/PersonScreen.tsx';
import { isCollectRoute, navigate, paths, type Route, useRoute } from './router.ts';
import { SettlementsRoute } from './settlements/lazy.tsx';
import { SetupScreen } from './setup/SetupScreen.tsx';
import { AppContext, type AppState, lastWorkspace, useApp } from './state.ts';
import { Header } from './ui/Header.tsx';
import { Loading, Screen } from './ui/screen.tsx';
import { workspaceHome } from './workspaces/home.ts';
import { WorkspacesScreen } from './workspaces/WorkspacesScreen.tsx';

const publicRoutes = new Set<Route['name']>(['setup', 'signIn', 'join', 'notFound']);

export function App(): JSX.Element {
  const route = useRoute();
  const [locale, setLocaleState] = useState<Locale>('en');
  const [catalogue, setCatalogue] = useState<Catalogue>(en);
  const [account, setAccountState] = useState<Account | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [setupNeeded, setSetupNeeded] = useState(false);
  const [workspaces, setWorkspaces] = useState<Workspace[] | null>(null);

  const applyLocale = useCallback(async (next: Locale) => {
    const loaded = await loadCatalogue(next);
    setCatalogue(loaded);
    setLocaleState(next);
    rememberLocale(next);
    document.documentElement.lang = next;
  }, []);

  useEffect(() => {
    void applyLocale(initialLocale()).catch(() => {});
  }, [applyLocale]);

  const refreshSession = useCallback(async () => {
    try {
      const session = await call('session', {});
      setCsrfToken(session.csrfToken);
      setAccountState(session.account);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'network') setOffline(true);
      setAccountState(null);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        const status = await call('setupStatus', {});
        setSetupNeeded(status.needed);
        // Signed out: asking for the session would only answer 401 (a red line in the console).
        if (status.needed || !status.signedIn) {
          setAccountState(null);
          return;
        }
      } catch (error) {
        if (error instanceof ApiError && error.code === 'network') setOffline(true);
      }
      await refreshSession();
    })();
  }, [refreshSession]);

  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(null);
      setAccountState(null);
      setWorkspaces(null);
    });
    return () => whenSignedOut(null);
  }, []);

  const reloadWorkspaces = useCallback(async () => {
    const list = await callAllPages('listWorkspaces', {});
    setWorkspaces(list);
    return list;
  }, []);

  const state: AppState = useMemo(
    () => ({
      account,
      offline,
      workspaces,
      reloadWorkspaces,
      refreshSession,
      setAccount: setAccountState,
      signedIn: (session) => {
        setCsrfToken(session.csrfToken);
        setAccountState(session.account);
        setSetupNeeded(false);
        setWorkspaces(null);
        // The language read on the sign-in screen is the one this person chose: keep it.
        if (session.account.locale !== locale) {
          void call('updateAccount', { body: { locale } })
            .then(setAccountState)
            .catch(() => {});
        }
      },
      signedOut: () => {
        lockCollector(); // the key leaves memory; the work stays on the phone
        setCsrfToken(null);
        setAccountState(null);
        setWorkspaces(null);
        navigate(paths.signIn());
      },
    }),
    [account, offline, workspaces, reloadWorkspaces, refreshSession, locale],
  );

  const i18n: I18n = useMemo(() => {
    const translate = translator(locale, catalogue);
    return {
      locale,
      t: translate,
      date: dateFormatter(locale, translate),
      setLocale: (next) => {
        void applyLocale(next).catch(() => {});
        if (account) {
          void call('updateAccount', { body: { locale: next } })
            .then(setAccountState)
            .catch(() => {});
        }
      },
    };
  }, [locale, catalogue, applyLocale, account]);

  // Send people where they can be: setup first, then sign-in, then their last workspace.
  useEffect(() => {
    if (account === undefined) return;
    if (setupNeeded && route.name !== 'setup') navigate(paths.setup(), { replace: true });
    else if (!setupNeeded && route.name === 'setup') navigate(paths.home(), { replace: true });
    else if (!account && !publicRoutes.has(route.name) && !offline)
      navigate(paths.signIn(), { replace: true });
    else if (account && route.name === 'signIn') navigate(paths.home(), { replace: true });
    else if (account && route.name === 'home') {
      // The last workspace used on this device if this account is in it (devices are shared),
      // else the only one, else the list to choose from.
      void reloadWorkspaces()
        .then((list) => {
          const chosen =
            list.find((item) => item.id === lastWorkspace()) ?? (list.length === 1 ? list[0] : null);
          navigate(chosen ? workspaceHome(chosen) : paths.workspaces(), { replace: true });
        })
        .catch(() => navigate(paths.workspaces(), { replace: true }));
    }
  }, [account, setupNeeded, route, offline, reloadWorkspaces]);

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={state}>
        <a class="skip-link" href="#main">
          {i18n.t('nav.skip')}
        </a>
        <Header route={route} />
        <main id="main" tabIndex={-1}>
          {isCollectRoute(route) && account !== undefined ? (
            // Collection works with no connection: it opens the phone's store, not the server.
            <CollectRoute route={route} />
          ) : offline && !account ? (
            <OfflineScreen />
          ) : account === undefined ? (
            <Loading />
          ) : (
            <CurrentScreen route={route} />
          )}
        </main>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}

/** The cached shell with no server: say so plainly and offer to try again. */
function OfflineScreen(): JSX.Element {
  const { t } = useI18n();
  return (
    <Screen title={t('offline.title')}>
      <p class="notice notice-offline" role="status">
        {t('app.offline')}
      </p>
      <button type="button" class="button button-primary" onClick={() => location.reload()}>
        <span>{t('offline.retry')}</span>
      </button>
    </Screen>
  );
}

function CurrentScreen({ route }: { route: Route }): JSX.Element {
  const { account } = useApp();
  const { t } = useI18n();
  switch (route.name) {
    case 'setup':
      return <SetupScreen />;
    case 'signIn':
      return <SignInScreen />;
    case 'join':
      return <JoinScreen code={route.code} />;
    case 'notFound':
      return (
        <Screen title={t('notFound.title')}>
          <p>
            <a href={paths.home()}>{t('notFound.home')}</a>
          </p>
        </Screen>
      );
    default:
      break;
  }
  if (!account) return <Loading />;
  switch (route.name) {
    case 'home':
      return <Loading />;
    case 'workspaces':
      return <WorkspacesScreen />;
    case 'account':
      return <AccountScreen />;
    case 'people':
      return <PeopleScreen workspaceId={route.workspaceId} />;
    case 'newPerson':
      return <PersonScreen workspaceId={route.workspaceId} personId={null} />;
    case 'person':
      return <PersonScreen workspaceId={route.workspaceId} personId={route.personId} />;
    case 'members':
      return <MembersScreen workspaceId={route.workspaceId} />;
    case 'inviteSlip':
      return <InviteSlipScreen workspaceId={route.workspaceId} />;
    case 'audit':
      return <AuditScreen workspaceId={route.workspaceId} />;
    case 'forms':
    case 'form':
    case 'assignments':
      return <FormsRoute route={route} />;
    case 'collect':
    case 'collectNew':
    case 'collectWork':
      return <CollectRoute route={route} />;
    case 'settlements':
    case 'settlement':
    case 'structure':
    case 'round':
      return <SettlementsRoute route={route} />;
  }
}
