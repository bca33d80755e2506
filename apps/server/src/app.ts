import { limits } from '@coproduce/contract';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerDeps } from './context.ts';
import { rewriteDeviceUrl } from './device-access/url.ts';
import { domainRoutes } from './domains.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors.ts';
import { createRegistrar, type Registrar } from './http/register.ts';
import { installSecurityHeaders } from './http/security.ts';
import { installNotFound } from './http/web.ts';

export interface BuiltApp {
  app: FastifyInstance;
  registrar: Registrar;
}

/** Builds the whole HTTP app from its parts; it does not listen (tests use app.inject()). */
export async function buildApp(deps: ServerDeps, options: { serveWeb?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: limits.bodyBytes,
    // Fastify also takes a hop count, which its type does not list.
    trustProxy: deps.config.trustProxy as boolean | string,
    // Ids in paths are UUIDs; nothing needs case-insensitive or very long URLs.
    routerOptions: { maxParamLength: 200 },
    rewriteUrl: rewriteDeviceUrl,
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installSecurityHeaders(app, deps.config.publicUrl, deps.config.mapTileOrigins);
  await app.register(fastifyCookie);
  // Only OpenRosa submissions are multipart; each route reads its parts with its own limits.
  await app.register(fastifyMultipart);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Coproduce API',
        version: '0.1.0',
        description: 'Every endpoint of Coproduce. Errors are application/problem+json with a stable `code`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  const registrar = createRegistrar(app, deps);
  for (const register of domainRoutes) register(registrar);
  await installNotFound(app, options.serveWeb === false ? null : deps.config.webRoot);
  await app.ready();
  return { app, registrar };
}
