// The words that always win over an answer, in each language we serve. Data for the monitoring
// domain to extend (per workspace, agreed with residents); isiZulu and Hindi are listed in
// apps/web/src/i18n/REVIEW.md for a native speaker. A reply is a keyword only when it is exactly
// one of these (case, Latin accents and surrounding punctuation ignored), never when a keyword is
// part of a longer message. English covers the words carriers and Twilio already treat as opt-out.
import type { Keyword } from './keywords.ts';

export type KeywordLists = Readonly<Record<string, Readonly<Record<Keyword, readonly string[]>>>>;

export const KEYWORD_LISTS: KeywordLists = {
  en: {
    stop: ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'opt out', 'revoke'],
    start: ['start', 'unstop', 'subscribe'],
    help: ['help', 'info'],
    lang: ['lang', 'language', 'languages'],
  },
  zu: {
    stop: ['yeka', 'misa', 'nqamula'],
    start: ['qala', 'qalisa'],
    help: ['usizo', 'siza'],
    lang: ['ulimi', 'izilimi'],
  },
  hi: {
    stop: ['रुको', 'रोको', 'बंद', 'ruko', 'roko', 'band'],
    start: ['शुरू', 'चालू', 'shuru', 'chalu'],
    help: ['मदद', 'सहायता', 'madad', 'sahayata'],
    lang: ['भाषा', 'bhasha', 'bhasa'],
  },
};
