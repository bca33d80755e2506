// What "Read aloud" reads on a member's own page: who they are, what the page is for, and what it
// holds about them now (languages, ways to reach them, needs), in the interface language.
import type { AccessNeeds, ContactChannelKind } from '@coproduce/contract';
import type { Translate } from '../i18n/i18n.ts';
import { spokenParts } from '../ui/speech.ts';
import { needFlags } from './AccessNeedsEditor.tsx';
import { languageName } from './languages.ts';

export function detailsSpeech(
  t: Translate,
  details: {
    workspace: string;
    displayName: string;
    languages: readonly string[];
    channels: readonly { kind: ContactChannelKind }[];
    needs: AccessNeeds;
  },
): string[] {
  const needs = [
    ...needFlags.filter((flag) => details.needs[flag]).map((flag) => t(`needs.${flag}`)),
    ...(details.needs.interpreter ? [t('needs.interpreter')] : []),
  ];
  return spokenParts([
    details.displayName,
    t('person.self.intro', { workspace: details.workspace }),
    // A heading and its list are two parts, so the voice pauses between them.
    ...(details.languages.length
      ? [t('person.languages.self'), details.languages.map(languageName).join(', ')]
      : []),
    t('channels.title.self'),
    details.channels.length
      ? details.channels
          .map((c, i) => t('channels.position', { position: i + 1, kind: t(`channel.${c.kind}`) }))
          .join(', ')
      : t('channels.none.self'),
    ...(needs.length ? [t('needs.title.self'), needs.join(', ')] : []),
  ]);
}
