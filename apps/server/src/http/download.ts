import type { FastifyReply } from 'fastify';

/** Headers of a file download: a name safe in a header (the UTF-8 name in filename*), never cached. */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string) {
  const ascii = fileName.replace(/[^\w.-]+/g, '_') || 'file';
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  reply.header('cache-control', 'private, no-store');
  reply.type(contentType);
}
