// What every widget of one filling shares: the session, the form language and the settings.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { FormSession } from './session.ts';

export interface FillContext {
  session: FormSession;
  /** The form language (a column of the spreadsheet), not the interface language. */
  language: string;
  /** BCP-47 code of the form language when known, for lang= and read-aloud. */
  languageCode: string | undefined;
  /** The form language's name as people read it (`isiZulu (zu)` → isiZulu), for messages. */
  languageName: string;
  /** Files of select_*_from_file lists by file name, parsed by whoever loaded the form. */
  fileLists: Record<string, Record<string, string>[]>;
  /** Download addresses of the form's attachments by file name, for question and choice media. */
  mediaUrls: Record<string, string>;
}

export const Fill = createContext<FillContext | null>(null);

export function useFill(): FillContext {
  const fill = useContext(Fill);
  if (!fill) throw new Error('useFill outside a form renderer');
  return fill;
}

/** The session's reading for one field instance; re-renders this component only when it changes. */
export function useWatch(key: string, unsafeRead: () => string): string {
  const { session, language } = useFill();
  // A removed repeat entry's widgets may be asked once more before they unmount: they read as gone.
  const read = () => {
    try {
      return unsafeRead();
    } catch {
      return '';
    }
  };
  const [, setTick] = useState(0);
  // Re-subscribes when the language changes, since `read` renders texts in it.
  useEffect(() => session.watch(key, read, () => setTick((n) => n + 1)), [session, key, language]);
  return read();
}
