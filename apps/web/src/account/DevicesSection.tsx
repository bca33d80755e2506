// Devices signed in to this account. A lost or shared phone can be signed out from here.
import type { DeviceSession } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useApp } from '../state.ts';
import { Button, Checkbox, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading } from '../ui/screen.tsx';
import { describeDevice } from './device.ts';

export function DevicesSection(): JSX.Element {
  const { t, date } = useI18n();
  const { signedOut } = useApp();
  const [devices, setDevices] = useState<DeviceSession[] | null>(null);
  const [stopTokens, setStopTokens] = useState(true);
  const action = useAction();

  const load = () =>
    action.run(async () => {
      setDevices((await call('listDevices', {})).items);
    });
  useEffect(() => {
    void load();
  }, []);

  const deviceName = (device: DeviceSession) => {
    const described = describeDevice(device.userAgent);
    return described ? t('devices.describe', described) : t('devices.unknown');
  };

  const signOutDevice = (device: DeviceSession) =>
    action.run(async () => {
      await call('signOutDevice', { params: { sessionId: device.id } });
      if (device.current) signedOut();
      else await load();
    });

  const everywhere = () => {
    if (!confirm(t('devices.everywhere.confirm'))) return;
    void action.run(async () => {
      await call('signOut', { body: { everywhere: true, revokeApiTokens: stopTokens } });
      signedOut();
    });
  };

  return (
    <section aria-labelledby="account-devices">
      <h2 id="account-devices">{t('devices.title')}</h2>
      <StatusMessage error={action.error} />
      {devices === null ? (
        <Loading />
      ) : (
        <ul class="card-list">
          {devices.map((device) => (
            <li key={device.id} class="card">
              <div>
                <strong>{deviceName(device)}</strong>
                {device.current && <span class="badge">{t('devices.current')}</span>}
                <p class="muted">{t('devices.lastSeen', { date: date(device.lastSeenAt, true) })}</p>
              </div>
              <Button
                variant="secondary"
                icon={<Icon name="signOut" />}
                onClick={() => void signOutDevice(device)}
              >
                {t('devices.signOut')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Checkbox
        id="devices-stop-tokens"
        label={t('tokens.revokeToo')}
        checked={stopTokens}
        onChecked={setStopTokens}
      />
      <Button variant="danger" icon={<Icon name="signOut" />} onClick={everywhere}>
        {t('devices.everywhere')}
      </Button>
    </section>
  );
}
