// Which choice a reply means: a button or list id, a number (`1`, `1.`, `1)`, `#1`, `१`) counted
// from 1 in the order the choices were sent, or a word or synonym of a choice in any of its
// languages. A reply pointing at two choices ("1 2", "yes no") is ambiguous, so the conversation
// asks again instead of guessing.
import { foldReply, phraseWords, wordsOf } from './fold.ts';

export interface ChoiceWords {
  id: string;
  /** The label in each language, e.g. { en: 'Yes', zu: 'Yebo' }. */
  labels: Readonly<Record<string, string>>;
  /** Other words people use for it, per language. */
  synonyms?: Readonly<Record<string, readonly string[]>>;
}

export type ChoiceMatch =
  | { kind: 'matched'; choiceId: string; by: 'id' | 'number' | 'word'; language?: string }
  | { kind: 'ambiguous'; choiceIds: string[] }
  | { kind: 'unmatched'; reason: 'empty' | 'out_of_range' | 'no_match' };

interface WordHit {
  choiceId: string;
  language: string;
  start: number;
  end: number;
}

function phrasesOf(choice: ChoiceWords): [string, string[]][] {
  const phrases: [string, string[]][] = [];
  for (const [language, label] of Object.entries(choice.labels)) phrases.push([language, phraseWords(label)]);
  for (const [language, words] of Object.entries(choice.synonyms ?? {}))
    for (const word of words) phrases.push([language, phraseWords(word)]);
  return phrases.filter(([, words]) => words.length > 0);
}

function find(haystack: string[], needle: string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((word, j) => haystack[i + j] === word)) starts.push(i);
  return starts;
}

function wordHits(tokens: string[], choices: readonly ChoiceWords[]): WordHit[] {
  const hits: WordHit[] = [];
  for (const choice of choices)
    for (const [language, words] of phrasesOf(choice))
      for (const start of find(tokens, words))
        hits.push({ choiceId: choice.id, language, start, end: start + words.length });
  // "yes partly" names the choice "Yes, partly", not also "Yes": a hit inside a longer hit is dropped.
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.start <= hit.start &&
          other.end >= hit.end &&
          other.end - other.start > hit.end - hit.start,
      ),
  );
}

export function matchChoice(
  reply: { text?: string; choiceId?: string },
  choices: readonly ChoiceWords[],
): ChoiceMatch {
  if (reply.choiceId && choices.some((choice) => choice.id === reply.choiceId))
    return { kind: 'matched', choiceId: reply.choiceId, by: 'id' };
  const text = (reply.text ?? '').slice(0, 1000);
  const tokens = wordsOf(foldReply(text));
  if (tokens.length === 0) return { kind: 'unmatched', reason: 'empty' };

  let outOfRange = false;
  const byNumber = new Set<string>();
  for (const token of tokens) {
    if (!/^\d{1,6}$/.test(token)) continue;
    const n = Number(token);
    const choice = choices[n - 1];
    if (n >= 1 && choice) byNumber.add(choice.id);
    else outOfRange = true;
  }
  const hits = wordHits(tokens, choices);
  const byWord = new Set(hits.map((hit) => hit.choiceId));
  const all = new Set([...byNumber, ...byWord]);
  // "2 … 7" on a two-choice question: one number fits, another does not, so the reply is unclear.
  if (all.size > 1 || (outOfRange && byNumber.size > 0))
    return { kind: 'ambiguous', choiceIds: choices.map((c) => c.id).filter((id) => all.has(id)) };
  const [only] = all;
  if (only === undefined) return { kind: 'unmatched', reason: outOfRange ? 'out_of_range' : 'no_match' };
  if (byNumber.has(only)) return { kind: 'matched', choiceId: only, by: 'number' };
  const languages = new Set(hits.map((hit) => hit.language));
  return {
    kind: 'matched',
    choiceId: only,
    by: 'word',
    ...(languages.size === 1 ? { language: [...languages][0]! } : {}),
  };
}
