// A submission's files on the phone: photos made smaller before they are kept (default at most
// 1,600 px on the long side, as JPEG), stored sealed with the work, and sent in parts after the
// submission itself. An upload cut off resumes from what the server says it has, so a finished
// part is never sent again; the submission counts as received only when every file has arrived.
import type { SubmissionFileRef } from '@coproduce/contract';
import { call } from '../api.ts';
import type { Work } from './store.ts';

export const photoMaxPixels = 1600;
export const filePartBytes = 512 * 1024;

export interface Progress {
  receivedBytes: number;
  complete: boolean;
  submissionComplete: boolean;
}

export interface FileTransport {
  progress(workspaceId: string, submissionId: string, name: string): Promise<Progress>;
  put(
    workspaceId: string,
    submissionId: string,
    name: string,
    offset: number,
    base64: string,
  ): Promise<Progress>;
}

export const filesWithApi: FileTransport = {
  progress: (workspaceId, submissionId, fileName) =>
    call('getSubmissionFileProgress', { params: { workspaceId, submissionId, fileName } }),
  put: (workspaceId, submissionId, fileName, offset, contentBase64) =>
    call('uploadSubmissionFilePart', {
      params: { workspaceId, submissionId, fileName },
      body: { offset, contentBase64 },
    }),
};

export function toBase64(data: Uint8Array | ArrayBuffer): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The reference the submission declares and the bytes the phone keeps for one file. */
export async function keptFile(
  name: string,
  bytes: Uint8Array,
  contentType: string,
): Promise<{ ref: SubmissionFileRef; base64: string }> {
  return {
    ref: { name, size: bytes.length, sha256: await sha256(bytes), contentType },
    base64: toBase64(bytes),
  };
}

/** A photo no larger than `max` px on its long side, as JPEG; other files as they are. */
export async function preparePhoto(
  file: File,
  max = photoMaxPixels,
): Promise<{ bytes: Uint8Array; type: string }> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function')
    return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type || 'application/octet-stream' };
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type };
  return { bytes: new Uint8Array(await blob.arrayBuffer()), type: 'image/jpeg' };
}

/** Sends the named files of a stored submission from where the server stopped; true when all arrived. */
export async function uploadFiles(
  work: Work,
  names: string[],
  transport: FileTransport,
  partBytes = filePartBytes,
): Promise<boolean> {
  let complete = false;
  for (const name of names) {
    const stored = work.fileData?.[name];
    if (!stored) throw new Error(`file ${name} is not on this phone`);
    const bytes = fromBase64(stored);
    let progress = await transport.progress(work.workspaceId, work.item.id, name);
    while (!progress.complete) {
      const offset = progress.receivedBytes;
      const part = bytes.subarray(offset, offset + partBytes);
      progress = await transport.put(work.workspaceId, work.item.id, name, offset, toBase64(part));
    }
    complete = progress.submissionComplete;
  }
  return complete;
}
