// STOP, START, HELP and LANG: recognised before anything else in a conversation, in any of the
// languages, whatever question is open.

import { foldReply, phraseWords } from './fold.ts';
import { KEYWORD_LISTS, type KeywordLists } from './keyword-lists.ts';

export type Keyword = 'stop' | 'start' | 'help' | 'lang';

export interface KeywordMatch {
  keyword: Keyword;
  language: string;
  word: string;
}

export type KeywordIndex = ReadonlyMap<string, KeywordMatch>;

/**
 * An index of folded phrases. A phrase listed for two different keywords is a mistake in the
 * lists and is refused here, where it is found, rather than answered one way at random later.
 */
export function buildKeywordIndex(lists: KeywordLists): KeywordIndex {
  const index = new Map<string, KeywordMatch>();
  for (const [language, keywords] of Object.entries(lists))
    for (const [keyword, words] of Object.entries(keywords) as [Keyword, readonly string[]][])
      for (const word of words) {
        const key = phraseWords(word).join(' ');
        if (!key) throw new Error(`${language} ${keyword}: "${word}" has no letters`);
        const existing = index.get(key);
        if (existing && existing.keyword !== keyword)
          throw new Error(
            `"${word}" is both ${existing.keyword} (${existing.language}) and ${keyword} (${language})`,
          );
        if (!existing) index.set(key, { keyword, language, word });
      }
  return index;
}

export const DEFAULT_KEYWORDS: KeywordIndex = buildKeywordIndex(KEYWORD_LISTS);

/** The keyword this reply is, if it is exactly one. */
export function recogniseKeyword(
  text: string,
  index: KeywordIndex = DEFAULT_KEYWORDS,
): KeywordMatch | undefined {
  if (text.length > 64) return undefined;
  return index.get(phraseWords(foldReply(text)).join(' '));
}
