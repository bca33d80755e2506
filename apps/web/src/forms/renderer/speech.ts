// Read-aloud with the browser's own voices (speechSynthesis). The button only shows when the
// device has a voice for the form language: a wrong-language voice reading isiZulu is worse
// than none.
import { useEffect, useState } from 'preact/hooks';

function voiceFor(code: string): SpeechSynthesisVoice | undefined {
  const voices = globalThis.speechSynthesis?.getVoices() ?? [];
  const base = code.toLowerCase();
  return (
    voices.find((v) => v.lang.toLowerCase() === base) ??
    voices.find((v) => v.lang.toLowerCase().startsWith(`${base}-`))
  );
}

/** The voice for a language code, following the voice list as the browser loads it. */
export function useVoice(code: string | undefined): SpeechSynthesisVoice | undefined {
  const [voice, setVoice] = useState(() => (code ? voiceFor(code) : undefined));
  useEffect(() => {
    const synth = globalThis.speechSynthesis;
    if (!synth || !code) {
      setVoice(undefined);
      return;
    }
    const update = () => setVoice(voiceFor(code));
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [code]);
  return voice;
}

export function speak(text: string, voice: SpeechSynthesisVoice): void {
  const synth = globalThis.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  // A little slower than default helps people who are new to the words.
  utterance.rate = 0.9;
  synth.speak(utterance);
}
