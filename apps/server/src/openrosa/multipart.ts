// Reading an OpenRosa POST before the transaction opens: a slow phone's upload must not hold
// SQLite's one writer. Limits are checked as the bytes arrive, never after.
import { collectionLimits } from '@coproduce/contract';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { instanceLimits } from './instance.ts';

export interface ReceivedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface OpenRosaPost {
  xml: string;
  files: ReceivedFile[];
}

/** What one POST may carry; Collect splits larger submissions over several POSTs. */
export const openRosaPostBytes = 30 * 1024 * 1024;

const tooLarge = (detail: string) =>
  new AppError('request.too_large', 413, `The submission is too large: ${detail}.`, [
    { path: 'body', message: detail, code: 'request.too_large' },
  ]);

export async function readOpenRosaPost(request: FastifyRequest): Promise<OpenRosaPost> {
  if (!request.isMultipart()) {
    throw new AppError('request.invalid', 400, 'Send the submission as multipart/form-data.', [
      { path: 'body', message: 'not multipart/form-data', code: 'openrosa.not_multipart' },
    ]);
  }
  let xml: string | null = null;
  const files: ReceivedFile[] = [];
  let total = 0;
  const parts = request.parts({
    limits: {
      fileSize: collectionLimits.fileBytes,
      files: collectionLimits.filesPerSubmission + 1,
      fields: 10,
      fieldSize: instanceLimits.bytes,
    },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'field') continue;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > openRosaPostBytes)
        throw tooLarge(`more than ${openRosaPostBytes / 1024 / 1024} MB in one POST`);
      if (part.fieldname === 'xml_submission_file') {
        if (bytes.length > instanceLimits.bytes) throw tooLarge('the XML is over 10 MB');
        xml = bytes.toString('utf8');
      } else files.push({ name: part.filename || part.fieldname, contentType: part.mimetype, bytes });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw tooLarge(`a file is over ${collectionLimits.fileBytes / 1024 / 1024} MB`);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw tooLarge(`more than ${collectionLimits.filesPerSubmission} files`);
    if (error instanceof AppError) throw error;
    // A cut-off or malformed body (busboy's "Unexpected end of form", a bad boundary) is the sender's.
    throw new AppError('request.invalid', 400, 'The multipart body cannot be read.', [
      { path: 'body', message: 'malformed multipart', code: 'openrosa.not_multipart' },
    ]);
  }
  if (xml === null) {
    throw new AppError('request.invalid', 400, 'The submission has no xml_submission_file part.', [
      { path: 'xml_submission_file', message: 'missing', code: 'openrosa.xml_missing' },
    ]);
  }
  return { xml, files };
}
