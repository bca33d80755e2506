// A form's downloaded files as the renderer wants them: images, audio and video as object URLs of
// the kept bytes, CSVs parsed. Object URLs hold their bytes until revoked, so whoever opens the media
// releases it when the form closes (a researcher opens many forms a day on a small phone).
import { parseCsv } from '../forms/renderer/csv.ts';
import type { CollectCache } from '../offline/download.ts';
import { fromBase64 } from '../offline/files.ts';

export interface FormMedia {
  mediaUrls: Record<string, string>;
  fileLists: Record<string, Record<string, string>[]>;
  /** Revokes every object URL made here; safe to call more than once. */
  release(): void;
}

export function openMedia(cache: CollectCache, formId: string): FormMedia {
  const mediaUrls: Record<string, string> = {};
  const fileLists: Record<string, Record<string, string>[]> = {};
  for (const file of Object.values(cache.media)) {
    if (file.formId !== formId) continue;
    const bytes = fromBase64(file.base64);
    if (file.fileName.toLowerCase().endsWith('.csv'))
      fileLists[file.fileName] = parseCsv(new TextDecoder().decode(bytes));
    else mediaUrls[file.fileName] = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  }
  let released = false;
  return {
    mediaUrls,
    fileLists,
    release() {
      if (released) return;
      released = true;
      for (const url of Object.values(mediaUrls)) URL.revokeObjectURL(url);
    },
  };
}
