import type { IncomingMessage } from 'node:http';
import { deviceSecretHeader } from '../auth/resolve.ts';
import { deviceSecretPrefix } from './settings.ts';

// The prefix and 32 random bytes in base64url (device-access/settings.ts).
const keyPath = new RegExp(`^/key/(${deviceSecretPrefix}[A-Za-z0-9_-]{43})(/api/workspaces/.*)$`);

/**
 * ODK Collect cannot send a bearer token, so a device's secret comes in the URL, as ODK Central's
 * app users' do: `/key/<secret>/api/workspaces/…` becomes the API path, and the secret moves into
 * a header the caller lookup reads. A client's own copy of that header is always dropped, so the
 * secret can only come from the path. The rewritten URL (without the secret) is what gets logged.
 */
export function rewriteDeviceUrl(request: IncomingMessage): string {
  delete request.headers[deviceSecretHeader];
  const url = request.url ?? '/';
  const match = keyPath.exec(url);
  if (!match?.[1] || !match[2]) return url;
  request.headers[deviceSecretHeader] = match[1];
  return match[2];
}
