// A "Read aloud" button (icon and word) for members who read little. It says plainly when the
// device has no voice for the language, rather than reading in another one.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Icon } from './icons.tsx';
import { speak, spokenParts, stopSpeaking } from './speech.ts';

export function ReadAloud({
  parts,
  lang,
  languageName,
  describedBy,
}: {
  /** What to read, asked for at the moment of reading (answers and language may have changed). */
  parts: () => readonly (string | undefined | null)[];
  /** BCP-47 code of the text; undefined when not known (then nothing is read). */
  lang: string | undefined;
  /** The language's name for the "no voice" message. */
  languageName: string;
  /** The id of what it reads (a question's label): its description, so that buttons differ. */
  describedBy?: string;
}): JSX.Element {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'speaking' | 'noSpeech' | 'noVoice' | 'unknown'>('idle');
  // Leaving the screen stops the voice, so it never reads a question that is no longer shown.
  useEffect(() => () => stopSpeaking(), []);
  const speaking = state === 'speaking';
  const onClick = () => {
    if (speaking) {
      stopSpeaking();
      setState('idle');
      return;
    }
    let ended = false;
    const onEnd = () => {
      ended = true;
      setState('idle');
    };
    void speak(spokenParts(parts()), lang, onEnd).then((result) => {
      if (result === 'speaking' && ended) return; // read (or failed) before we got here
      setState(result === 'noVoice' && !lang ? 'unknown' : result);
    });
  };
  return (
    <>
      <button
        type="button"
        class="button button-secondary read-aloud"
        aria-describedby={describedBy}
        onClick={onClick}
      >
        <Icon name={speaking ? 'stop' : 'speaker'} />
        <span>{speaking ? t('readAloud.stop') : t('readAloud.button')}</span>
      </button>
      {/* Always in the page, so that screen readers announce the message when it appears. */}
      <p class="read-aloud-status" role="status">
        {state === 'noVoice' && t('readAloud.noVoice', { language: languageName })}
        {state === 'noSpeech' && t('readAloud.noSpeech')}
        {state === 'unknown' && t('readAloud.unknownLanguage')}
      </p>
    </>
  );
}
