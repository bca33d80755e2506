// "Save a backup file" and its restore on the researcher's home: the file stays sealed, so it can
// be kept on a memory card or sent to oneself; restoring asks for the password or PIN it was made with.
// Someone who collects for the whole workspace may take in another person's file the same way: its
// finished forms join their outbox and go to the server as any other (the same ids are duplicates).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { BackupError, makeBackup, readBackup, restoreBackup } from '../offline/backup.ts';
import { WrongSecretError } from '../offline/crypto.ts';
import type { UserStore } from '../offline/store.ts';
import { Button, TextField } from '../ui/forms.tsx';

export function BackupSection({
  store,
  othersWork,
  onRestored,
}: {
  store: UserStore;
  /** The caller's role collects for the whole workspace (coordinator, staff). */
  othersWork: boolean;
  onRestored: () => void;
}): JSX.Element {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    const backup = await makeBackup(store);
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `coproduce-unsent-${backup.createdAt.slice(0, 16).replace(/[:T]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ ok: true, text: t('collect.backup.saved', { count: backup.rows.length }) });
  };

  const restore = async (event: Event) => {
    event.preventDefault();
    if (!file || !password) return setMessage({ ok: false, text: t('collect.backup.missing') });
    try {
      const backup = readBackup(await file.text());
      const result = await restoreBackup(store, backup, { password }, { othersWork });
      const mine = backup.userId === store.userId;
      setMessage({
        ok: true,
        text: t(mine ? 'collect.backup.restored' : 'collect.backup.imported', { ...result }),
      });
      onRestored();
    } catch (error) {
      const key =
        error instanceof WrongSecretError
          ? 'collect.backup.wrongPassword'
          : error instanceof BackupError && error.reason === 'other_user'
            ? 'collect.backup.otherUser'
            : 'collect.backup.notBackup';
      setMessage({ ok: false, text: t(key) });
    }
  };

  return (
    <section class="collect-backup" aria-labelledby="collect-backup">
      <h2 id="collect-backup">{t('collect.backup.title')}</h2>
      <p class="hint">{t('collect.backup.hint')}</p>
      {othersWork && <p class="hint">{t('collect.backup.othersHint')}</p>}
      <div class="status" role="alert" aria-live="assertive">
        {message && (
          <p class={message.ok ? 'notice notice-success' : 'notice notice-error'}>{message.text}</p>
        )}
      </div>
      <Button variant="secondary" onClick={() => void save()}>
        {t('collect.backup.save')}
      </Button>
      <form onSubmit={restore} noValidate>
        <div class="field">
          <label for="collect-backup-file">{t('collect.backup.file')}</label>
          <input
            id="collect-backup-file"
            type="file"
            accept="application/json,.json"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <TextField
          id="collect-backup-password"
          type="password"
          label={t('collect.backup.password')}
          value={password}
          onValue={setPassword}
          autocomplete="current-password"
        />
        <Button type="submit" variant="secondary">
          {t('collect.backup.restore')}
        </Button>
      </form>
    </section>
  );
}
