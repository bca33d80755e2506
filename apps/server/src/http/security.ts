import type { FastifyInstance } from 'fastify';

/**
 * No inline scripts or styles, no eval, nothing from elsewhere: the app is all same-origin files;
 * only map tiles may come from the origins the operator names (MAP_TILE_HOSTS).
 */
export const contentSecurityPolicy = (tileOrigins: readonly string[] = []) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data: blob:", ...tileOrigins].join(' '),
    // Photos and recordings are previewed on the phone from object URLs of the bytes kept offline.
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/** A year, the usual HSTS lifetime; only sent when the server's public address is https. */
const strictTransportSecurity = 'max-age=31536000';

export function installSecurityHeaders(
  app: FastifyInstance,
  publicUrl: string,
  tileOrigins: readonly string[] = [],
) {
  const https = publicUrl.startsWith('https:');
  const policy = contentSecurityPolicy(tileOrigins);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', policy);
    // Browsers then refuse plain http for this host, so a session cookie never crosses it in clear.
    if (https) reply.header('strict-transport-security', strictTransportSecurity);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    // Invite links carry secrets in the URL: never leak them to another site.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), microphone=(self), geolocation=(self)');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
