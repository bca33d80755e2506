// An audit entry as a sentence in the reader's language: "Thandi accepted Lindiwe’s suggestion
// on “Household enumeration”". One ICU message per action code (`audit.say.<action>`); a code
// without one still reads, with its code.
import type { AuditEntry } from '@coproduce/contract';
import en from '../i18n/en.json';
import type { MessageKey, Translate } from '../i18n/i18n.ts';

export function auditSentence(t: Translate, entry: AuditEntry): string {
  const unknown = t('audit.unknown');
  const actor = entry.actorDisplayName ?? t('audit.system');
  const values = {
    actor: entry.onBehalfOfPersonId
      ? t('audit.actorFor', { actor, person: entry.onBehalfOfDisplayName ?? unknown })
      : actor,
    name: entry.subject.name ?? unknown,
    form: entry.subject.form ?? unknown,
    owner: entry.subject.owner ?? unknown,
    action: entry.action,
  };
  const key = `audit.say.${entry.action}`;
  const text = key in en ? t(key as MessageKey, values) : t('audit.say.other', values);
  // "the system signed in" starts a sentence: capital first letter where the script has one.
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
