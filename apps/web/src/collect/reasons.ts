// Why an item is still on the phone, in words: the outbox keeps the server's problem code and the
// screen maps it to a catalogue message, falling back to the server's own sentence.
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import type { Attempt } from '../offline/store.ts';

const known: Record<string, MessageKey> = {
  network: 'collect.reason.network',
  'auth.csrf': 'collect.reason.signed_out',
  'submission.form_unknown': 'collect.reason.form_unknown',
  'submission.form_archived': 'collect.reason.form_archived',
  'submission.form_unpublished': 'collect.reason.form_unpublished',
  'submission.version_unknown': 'collect.reason.version_unknown',
  'submission.not_assigned': 'collect.reason.not_assigned',
  'submission.id_twice': 'collect.reason.id_twice',
  'conflict.id_reused': 'collect.reason.id_reused',
  'request.invalid': 'collect.reason.invalid',
  'request.too_large': 'collect.reason.too_large',
  files_missing: 'collect.reason.files_missing',
  outcome_missing: 'collect.reason.server',
};

export function reasonText(t: Translate, attempt: Attempt): string {
  if (attempt.failure === 'network') return t('collect.reason.network');
  if (attempt.failure === 'signed_out') return t('collect.reason.signed_out');
  if (attempt.failure === 'server' && !known[attempt.code]) return t('collect.reason.server');
  const key = known[attempt.code];
  if (key) return t(key, { detail: attempt.detail ?? '' });
  return t('collect.reason.other', { detail: attempt.detail ?? attempt.code });
}
