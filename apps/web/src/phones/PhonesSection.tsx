// Phones that collect with ODK Collect or KoboCollect without an account: a coordinator names the
// phone, the person who answers for it and its forms, and gets a QR code to scan, shown once.
import type { DeviceAccess, FormSummary, Person, Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, callAllPages } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, Checkbox, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { QrCode } from './QrCode.tsx';

interface Created {
  access: DeviceAccess;
  serverUrl: string;
  collectSettings: string;
}

export function PhonesSection({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t, date } = useI18n();
  const params = { workspaceId: workspace.id };
  const [phones, setPhones] = useState<DeviceAccess[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [name, setName] = useState('');
  const [personId, setPersonId] = useState('');
  const [formIds, setFormIds] = useState<string[]>([]);
  const [created, setCreated] = useState<Created | null>(null);
  const action = useAction();

  const load = () =>
    action.run(async () => {
      const [phoneList, personList, formList] = await Promise.all([
        callAllPages('listDeviceAccess', { params }),
        callAllPages('listPeople', { params }),
        callAllPages('listForms', { params }),
      ]);
      setPhones(phoneList);
      setPeople(personList);
      setForms(formList.filter((form) => form.latestVersion && form.status !== 'archived'));
    });
  useEffect(() => {
    void load();
  }, [workspace.id]);

  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? t('phones.someone');
  const create = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const made = await call('createDeviceAccess', { params, body: { name, personId, formIds } });
      setCreated(made);
      setName('');
      setFormIds([]);
      setPhones((list) => [made.access, ...list]);
    });
  };
  const revoke = (phone: DeviceAccess) => {
    if (!confirm(t('phones.stop.confirm', { name: phone.name }))) return;
    void action.run(async () => {
      await call('revokeDeviceAccess', { params: { ...params, deviceAccessId: phone.id } });
      await load();
    });
  };
  const toggle = (id: string, on: boolean) =>
    setFormIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <section aria-labelledby="phones-title">
      <h2 id="phones-title">{t('phones.title')}</h2>
      <p class="hint">{t('phones.hint')}</p>
      <StatusMessage error={action.error} />
      {created && (
        <div class="card notice-success phone-qr">
          <p>{t('phones.scan', { name: created.access.name })}</p>
          <QrCode text={created.collectSettings} label={t('phones.qr', { name: created.access.name })} />
          <p class="hint">{t('phones.once')}</p>
          <details>
            <summary>{t('phones.url')}</summary>
            <p class="code secret" translate={false}>
              {created.serverUrl}
            </p>
          </details>
        </div>
      )}
      <ul class="card-list">
        {phones.map((phone) => (
          <li key={phone.id} class="card">
            <div>
              <strong>{phone.name}</strong> · {nameOf(phone.personId)}
              <p class="muted">
                {t('phones.forms', { count: phone.formIds.length })}
                {' · '}
                {phone.revokedAt
                  ? t('phones.stopped', { date: date(phone.revokedAt) })
                  : phone.lastUsedAt
                    ? t('phones.lastUsed', { date: date(phone.lastUsedAt) })
                    : t('phones.neverUsed')}
              </p>
            </div>
            {!phone.revokedAt && (
              <Button
                variant="danger"
                data-endpoint="revokeDeviceAccess"
                icon={<Icon name="trash" />}
                onClick={() => revoke(phone)}
              >
                {t('phones.stop')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={create} noValidate>
        <TextField
          id="phone-name"
          label={t('phones.name')}
          hint={t('phones.name.hint')}
          value={name}
          onValue={setName}
          error={action.fieldErrors.name}
        />
        <SelectField
          id="phone-person"
          label={t('phones.person')}
          value={personId}
          onValue={setPersonId}
          error={action.fieldErrors.personId}
          options={[
            { value: '', label: t('phones.person.choose') },
            ...people.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <fieldset>
          <legend>{t('phones.chooseForms')}</legend>
          {forms.length === 0 && <p class="muted">{t('phones.noForms')}</p>}
          {forms.map((form) => (
            <Checkbox
              key={form.id}
              id={`phone-form-${form.id}`}
              label={form.title}
              checked={formIds.includes(form.id)}
              onChecked={(on) => toggle(form.id, on)}
            />
          ))}
          {action.fieldErrors.formIds && <p class="error-text">{action.fieldErrors.formIds}</p>}
        </fieldset>
        <Button
          type="submit"
          variant="secondary"
          data-endpoint="createDeviceAccess"
          disabled={action.busy}
          icon={<Icon name="plus" />}
        >
          {t('phones.create')}
        </Button>
      </form>
    </section>
  );
}
