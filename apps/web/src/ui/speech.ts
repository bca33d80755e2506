// Read-aloud with the browser's own voices (speechSynthesis), for people who read little. Only a
// voice for the text's own language is used: an English voice reading isiZulu is worse than none,
// so when there is none the reader is told so instead.

/** The device's voice for a BCP-47 language code: an exact match first, then a regional one. */
export function voiceFor(
  code: string | undefined,
  voices: readonly Pick<SpeechSynthesisVoice, 'lang'>[],
): number {
  if (!code) return -1;
  const wanted = code.toLowerCase().replace(/_/g, '-');
  const base = wanted.split('-')[0]!;
  const lang = (v: Pick<SpeechSynthesisVoice, 'lang'>) => v.lang.toLowerCase().replace(/_/g, '-');
  const exact = voices.findIndex((v) => lang(v) === wanted);
  if (exact >= 0) return exact;
  return voices.findIndex((v) => lang(v) === base || lang(v).startsWith(`${base}-`));
}

/** Texts to read, one after another: whitespace tidied, empty ones dropped, order kept. */
export function spokenParts(parts: readonly (string | undefined | null)[]): string[] {
  return parts.map((p) => (p ?? '').replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

export type SpeakResult = 'speaking' | 'noSpeech' | 'noVoice';

/**
 * Reads the parts aloud, each as its own utterance so that the voice pauses between them.
 * `onEnd` runs when the last one has been read or reading was stopped.
 */
export async function speak(
  parts: readonly string[],
  code: string | undefined,
  onEnd: () => void,
): Promise<SpeakResult> {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance !== 'function') return 'noSpeech';
  const voices = await loadedVoices(synth);
  const voice = voices[voiceFor(code, voices)];
  if (!voice) return 'noVoice';
  synth.cancel();
  parts.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    // A little slower than default helps people who are new to the words.
    utterance.rate = 0.9;
    if (i === parts.length - 1) {
      utterance.onend = onEnd;
      utterance.onerror = onEnd;
    }
    synth.speak(utterance);
  });
  return 'speaking';
}

/**
 * Chromium lists no voices until it has loaded them ("voiceschanged"): an early press must not
 * be told that there is no voice. Waits a moment for them, then takes what there is.
 */
function loadedVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0 || typeof synth.addEventListener !== 'function') return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, 1500);
    synth.addEventListener('voiceschanged', done);
  });
}

export function stopSpeaking(): void {
  globalThis.speechSynthesis?.cancel();
}
