import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { type CollectCache, emptyCache } from '../offline/download.ts';
import { openMedia } from './media.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');

function cacheWith(): CollectCache {
  const cache = emptyCache();
  const file = (formId: string, fileName: string, contentType: string, text: string) => ({
    formId,
    fileName,
    contentType,
    sha256: '',
    base64: base64(text),
  });
  cache.media = {
    a1: file('f1', 'door.png', 'image/png', 'png bytes'),
    a2: file('f1', 'greeting.mp3', 'audio/mpeg', 'mp3 bytes'),
    a3: file('f1', 'wards.csv', 'text/csv', 'name,label\nw1,Ward 1\n'),
    a4: file('f2', 'other.png', 'image/png', 'not this form'),
  };
  return cache;
}

describe("a form's downloaded media", () => {
  it('gives object URLs of the kept bytes for this form only, and parsed CSVs', async () => {
    const media = openMedia(cacheWith(), 'f1');
    expect(Object.keys(media.mediaUrls).sort()).toEqual(['door.png', 'greeting.mp3']);
    expect(media.fileLists['wards.csv']).toEqual([{ name: 'w1', label: 'Ward 1' }]);
    const audio = resolveObjectURL(media.mediaUrls['greeting.mp3'] ?? '');
    expect(audio?.type).toBe('audio/mpeg');
    expect(await audio?.text()).toBe('mp3 bytes');
    media.release();
  });

  it('revokes every URL it made when released, and a second release is harmless', () => {
    const media = openMedia(cacheWith(), 'f1');
    const urls = Object.values(media.mediaUrls);
    expect(urls.map((u) => resolveObjectURL(u))).not.toContain(undefined);
    media.release();
    expect(urls.map((u) => resolveObjectURL(u))).toEqual([undefined, undefined]);
    expect(() => media.release()).not.toThrow();
  });
});
