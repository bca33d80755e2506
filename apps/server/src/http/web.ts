import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html and the service
 * worker never are, so a new version reaches phones on their next visit. Any other GET that is not
 * an API path gets index.html (the app routes on the client).
 */
export async function installWebApp(app: FastifyInstance, webRoot: string) {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ webRoot }, 'the web app is not built: run `npm run build` to serve it');
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      const immutable = path.includes(`${join(webRoot, 'assets')}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && path !== '/health';
    if (!wantsPage || /\.[a-z0-9]+$/i.test(path)) {
      const problem = new AppError('not_found', 404, `No endpoint ${request.method} ${path}.`).toProblem();
      return reply.code(404).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
