// A validation or import issue from the server, worded in the reader's language from its stable
// `code` and `params` (the server's English `message` is shown only for a code we do not know).
import type { ProblemLocation } from '@coproduce/contract';
import en from './en.json';
import type { MessageKey, Translate, Values } from './i18n.ts';

export type Issue = Pick<ProblemLocation, 'path' | 'code' | 'params' | 'message'>;

const known = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** The field an issue is about: the last named part of its path ("body.contactChannels.0.address" → "address"). */
function fieldOf(path: string | undefined): string | null {
  const parts = (path ?? '').split('.').filter((part) => part && !/^\d+$/.test(part));
  return parts.length > 1 ? (parts.at(-1) ?? null) : null;
}

/**
 * The catalogue keys that may word an issue, most specific first: this field's own sentence
 * (`issue.field.newPassword.too_small`), the code for this kind of value
 * (`issue.too_small.string`, or `.one` when one character is the minimum: "fill this in"), the code.
 */
function candidateKeys(issue: Issue): string[] {
  const code = issue.code;
  if (!code) return [];
  const params = issue.params ?? {};
  const field = fieldOf(issue.path);
  const kind = params.origin ?? params.format ?? params.expected;
  const keys: string[] = [];
  if (field) keys.push(`issue.field.${field}.${code}`);
  if (kind !== undefined) {
    if (params.minimum === 1 || params.maximum === 1) keys.push(`issue.${code}.${kind}.one`);
    keys.push(`issue.${code}.${kind}`);
  }
  keys.push(`issue.${code}`);
  return keys;
}

export function issueMessage(t: Translate, issue: Issue): string {
  const key = candidateKeys(issue).find(known);
  if (!key) return issue.message;
  // A params set that does not fit the message (a missing or odd value) falls back to the server's English.
  try {
    return t(key, (issue.params ?? {}) as Values);
  } catch {
    return issue.message;
  }
}

/** Field messages keyed by their path in the body ("contactChannels.0.address"), translated. */
export function fieldMessages(t: Translate, issues: readonly Issue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    if (!issue.path) continue;
    const path = issue.path.replace(/^body\./, '');
    out[path] ??= issueMessage(t, issue);
  }
  return out;
}
