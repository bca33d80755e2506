// A multipart/form-data body as ODK Collect sends a submission: the XML and then each file.
export interface Part {
  field: string;
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

export function multipart(parts: Part[]) {
  const boundary = `----coproduce${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.contentType}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const xmlPart = (xml: string): Part => ({
  field: 'xml_submission_file',
  fileName: 'submission.xml',
  contentType: 'text/xml',
  content: xml,
});
