// Add or change one person: names, languages, how to reach them, what they need to take part,
// notes. Fields the caller may not see are not sent by the server and not shown here.
import type { AccessNeeds, Person, UpdatePersonInput } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, Checkbox, StatusMessage, TextArea, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { AccessNeedsEditor, noAccessNeeds } from './AccessNeedsEditor.tsx';
import { ContactChannelsEditor } from './ContactChannelsEditor.tsx';
import { type ChannelDraft, fromDraft, toDraft } from './channels.ts';
import { commonLanguages } from './languages.ts';
import { PersonSummary } from './PersonSummary.tsx';

interface Draft {
  displayName: string;
  legalName: string;
  languages: string[];
  otherLanguages: string;
  channels: ChannelDraft[];
  needs: AccessNeeds;
  notes: string;
}

function draftOf(person: Person | null): Draft {
  const languages = person?.languages ?? [];
  return {
    displayName: person?.displayName ?? '',
    legalName: person?.legalName ?? '',
    languages: languages.filter((code) => (commonLanguages as readonly string[]).includes(code)),
    otherLanguages: languages
      .filter((code) => !(commonLanguages as readonly string[]).includes(code))
      .join(', '),
    channels: (person?.contactChannels ?? []).map(toDraft),
    needs: person?.accessNeeds ?? noAccessNeeds,
    notes: person?.notes ?? '',
  };
}

/** Said once on the new person's page after Add person, so the coordinator knows it was saved. */
let justAdded: string | null = null;

export function PersonScreen({
  workspaceId,
  personId,
}: {
  workspaceId: string;
  personId: string | null;
}): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [person, setPerson] = useState<Person | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null));
  const [onBehalf, setOnBehalf] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useAction();
  const save = useAction();

  useEffect(() => {
    setPerson(null);
    setDraft(draftOf(null));
    setSaved(justAdded);
    justAdded = null;
    if (!personId) return;
    void load.run(async () => {
      const found = await call('getPerson', { params: { workspaceId, personId } });
      setPerson(found);
      setDraft(draftOf(found));
    });
  }, [workspaceId, personId]);

  if (workspace === undefined || (personId && !person && !load.error)) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  if (personId && !person)
    return <Screen title={t('person.notFound')}>{<StatusMessage error={load.error} />}</Screen>;

  const abilities = workspace.abilities;
  const creating = !person;
  const canEdit = creating ? abilities.writePeople : person.abilities.edit;
  const canEditContact = creating ? abilities.writeContact : person.abilities.editContact;
  const showContact = creating ? abilities.writeContact : person.contactChannels !== undefined;
  const showLegal = creating ? abilities.writeLegalName : person.legalName !== undefined;
  const canEditLegal = creating ? abilities.writeLegalName : person.abilities.editLegalName;
  const errors = save.fieldErrors;
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const languages = () => [
    ...draft.languages,
    ...draft.otherLanguages
      .split(/[\s,]+/)
      .map((code) => code.trim())
      .filter(Boolean),
  ];

  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const body: UpdatePersonInput = { displayName: draft.displayName, languages: languages() };
    if (canEditLegal) body.legalName = draft.legalName.trim() || null;
    if (canEditContact) {
      body.contactChannels = draft.channels.map(fromDraft);
      body.accessNeeds = draft.needs;
      body.notes = draft.notes;
    }
    void save.run(async () => {
      if (creating) {
        const created = await call('createPerson', {
          params: { workspaceId },
          body: { ...body, displayName: draft.displayName },
        });
        justAdded = t('person.added', { name: created.displayName });
        navigate(paths.person(workspaceId, created.id), { replace: true });
        return;
      }
      const updated = await call('updatePerson', {
        params: { workspaceId, personId: person.id },
        body,
        onBehalfOf: onBehalf ? person.id : null,
      });
      setPerson(updated);
      setDraft(draftOf(updated));
      // Each on-behalf save is a deliberate choice: the next edit is the staff member's own again.
      setOnBehalf(false);
      setSaved(t('person.saved', { name: updated.displayName }));
    });
  };

  const remove = () => {
    if (!person || !confirm(t('person.delete.confirm', { name: person.displayName }))) return;
    void save.run(async () => {
      await call('deletePerson', { params: { workspaceId, personId: person.id } });
      navigate(paths.people(workspaceId));
    });
  };

  const title = creating ? t('person.add.title') : person.displayName;
  return (
    <Screen title={title}>
      {abilities.readPeople && (
        <p>
          <a href={paths.people(workspaceId)}>
            <Icon name="back" />
            <span>{t('person.back')}</span>
          </a>
        </p>
      )}
      {person?.isSelf && <p>{t('person.self.intro', { workspace: workspace.name })}</p>}
      {!canEdit && !canEditContact && person ? (
        <PersonSummary person={person} />
      ) : (
        <form onSubmit={submit} noValidate>
          <StatusMessage error={save.error} success={saved} />
          {!creating && abilities.actOnBehalf && canEdit && (
            <div class="on-behalf">
              <Checkbox
                id="person-on-behalf"
                label={t('person.onBehalf', { name: person.displayName })}
                checked={onBehalf}
                onChecked={setOnBehalf}
              />
              <p class="hint">{t('person.onBehalf.hint')}</p>
            </div>
          )}
          <fieldset class="group" disabled={!canEdit}>
            <legend>{t('person.names')}</legend>
            <TextField
              id="person-display-name"
              label={t('person.displayName')}
              hint={t('person.displayName.hint')}
              value={draft.displayName}
              onValue={(displayName) => set({ displayName })}
              error={errors.displayName}
              required
            />
            {showLegal && (
              <TextField
                id="person-legal-name"
                label={t('person.legalName')}
                hint={t('person.legalName.hint')}
                value={draft.legalName}
                onValue={(legalName) => set({ legalName })}
                error={errors.legalName}
                disabled={!canEditLegal}
              />
            )}
          </fieldset>
          <fieldset class="group" disabled={!canEdit}>
            <legend>{t(person?.isSelf ? 'person.languages.self' : 'person.languages')}</legend>
            <div class="check-grid">
              {commonLanguages.map((code) => (
                <Checkbox
                  key={code}
                  id={`person-lang-${code}`}
                  label={t(`lang.${code}`)}
                  checked={draft.languages.includes(code)}
                  onChecked={(checked) =>
                    set({
                      languages: checked
                        ? [...draft.languages, code]
                        : draft.languages.filter((item) => item !== code),
                    })
                  }
                />
              ))}
            </div>
            <TextField
              id="person-other-languages"
              label={t('person.otherLanguages')}
              hint={t('person.otherLanguages.hint')}
              value={draft.otherLanguages}
              onValue={(otherLanguages) => set({ otherLanguages })}
              error={Object.entries(errors).find(([path]) => path.startsWith('languages'))?.[1]}
            />
          </fieldset>
          {showContact && (
            <>
              <ContactChannelsEditor
                channels={draft.channels}
                onChange={(channels) => set({ channels })}
                self={person?.isSelf === true}
                errors={errors}
                readOnly={!canEditContact}
              />
              <AccessNeedsEditor
                needs={draft.needs}
                onChange={(needs) => set({ needs })}
                self={person?.isSelf === true}
                errors={errors}
                readOnly={!canEditContact}
              />
              {/* One labelled box, not a "Notes" group around a "Notes" field. */}
              <TextArea
                id="person-notes"
                label={t('person.notes.label')}
                hint={t('person.notes.hint')}
                value={draft.notes}
                onValue={(notes) => set({ notes })}
                error={errors.notes}
                rows={4}
                disabled={!canEditContact}
              />
            </>
          )}
          {canEdit && (
            <div class="form-actions">
              <Button
                type="submit"
                data-endpoint={creating ? 'createPerson' : 'updatePerson'}
                disabled={save.busy}
                icon={<Icon name="save" />}
              >
                {creating ? t('person.add.submit') : t('person.save')}
              </Button>
              {person?.abilities.delete && (
                <Button
                  variant="danger"
                  data-endpoint="deletePerson"
                  icon={<Icon name="trash" />}
                  onClick={remove}
                  disabled={save.busy}
                >
                  {t('person.delete')}
                </Button>
              )}
            </div>
          )}
        </form>
      )}
    </Screen>
  );
}
