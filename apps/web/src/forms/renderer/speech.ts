// What "Read aloud" reads for one question: the question, its hint, then the choices in the order
// they are shown (filtered by earlier answers, with "Other" when the question offers it), so a
// member who reads little hears everything they can answer.
import { spokenParts } from '../../ui/speech.ts';

export function questionSpeech(question: {
  label: string;
  hint?: string;
  choices?: readonly string[];
}): string[] {
  return spokenParts([question.label, question.hint, ...(question.choices ?? [])]);
}
