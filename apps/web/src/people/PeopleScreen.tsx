// The people register: everyone who takes part, with or without an account. Search as you type.
import type { Person } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { workspaceHome } from '../workspaces/home.ts';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { languageName } from './languages.ts';

export function PeopleScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const action = useAction();
  const latest = useRef(0);

  const load = (q: string, after: string | null) =>
    action.run(async () => {
      const ticket = ++latest.current;
      const page = await call('listPeople', {
        params: { workspaceId },
        query: { ...(q.trim() ? { q: q.trim() } : {}), ...(after ? { cursor: after } : {}), limit: 50 },
      });
      // An older search answering late must not replace what the newer one found.
      if (ticket !== latest.current) return;
      const items = page.items.filter((person) => !person.deletedAt);
      setPeople((list) => (after && list ? [...list, ...items] : items));
      setCursor(page.hasMore ? page.cursor : null);
    });

  useEffect(() => {
    const timer = setTimeout(() => void load(query, null), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [query, workspaceId]);

  useEffect(() => {
    if (workspace && !workspace.abilities.readPeople) navigate(workspaceHome(workspace), { replace: true });
  }, [workspace]);

  if (workspace === undefined || (workspace && !workspace.abilities.readPeople)) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;

  return (
    <Screen
      title={t('people.title')}
      actions={
        workspace.abilities.writePeople && (
          <a class="button button-primary" data-endpoint="createPerson" href={paths.newPerson(workspaceId)}>
            <Icon name="plus" />
            <span>{t('people.add')}</span>
          </a>
        )
      }
    >
      <search class="search">
        <label for="people-search">
          <Icon name="search" />
          <span>{t('people.search')}</span>
        </label>
        <input
          id="people-search"
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          autocomplete="off"
        />
      </search>
      <StatusMessage error={action.error} />
      <p class="visually-hidden" aria-live="polite">
        {people && t('people.count', { count: people.length })}
      </p>
      {people === null ? (
        <Loading />
      ) : people.length === 0 ? (
        <p>{query ? t('people.noMatch', { query }) : t('people.empty')}</p>
      ) : (
        <ul class="card-list">
          {people.map((person) => (
            <li key={person.id} class="card">
              <a class="card-link" href={paths.person(workspaceId, person.id)}>
                {person.displayName}
              </a>
              <span class="muted">
                {person.languages.map((code) => languageName(code)).join(', ')}
                {person.contactChannels?.[0] && ` · ${t(`channel.${person.contactChannels[0].kind}`)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <Button variant="secondary" disabled={action.busy} onClick={() => void load(query, cursor)}>
          {t('people.more')}
        </Button>
      )}
    </Screen>
  );
}
