import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors.ts';

function notFoundProblem(reply: FastifyReply, method: string, path: string) {
  const problem = new AppError('not_found', 404, `No endpoint ${method} ${path}.`).toProblem();
  return reply.code(404).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/**
 * Answers paths no route matched. With the web app built (and `serveWeb`), its files are served:
 * hashed assets are cached for a year; index.html and the service worker never are, so a new
 * version reaches phones on their next visit; any other GET or HEAD that is not an API path gets
 * index.html (the app routes on the client). Everything else is a problem+json 404.
 */
export async function installNotFound(app: FastifyInstance, webRoot: string | null) {
  const index = webRoot ? join(webRoot, 'index.html') : null;
  if (!webRoot || !index || !existsSync(index)) {
    if (webRoot) app.log.warn({ webRoot }, 'the web app is not built: run `npm run build` to serve it');
    app.setNotFoundHandler((request, reply) =>
      notFoundProblem(reply, request.method, request.url.split('?')[0] ?? '/'),
    );
    return;
  }
  const assets = join(webRoot, 'assets');
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.header(
        'cache-control',
        path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // HEAD too: uptime checks and link previews ask `HEAD /` and must hear 200, as a GET would.
    const read = request.method === 'GET' || request.method === 'HEAD';
    const wantsPage = read && !path.startsWith('/api/') && path !== '/health';
    if (!wantsPage || /\.[a-z0-9]+$/i.test(path)) return notFoundProblem(reply, request.method, path);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
