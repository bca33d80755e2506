import { deflateSync } from 'node:zlib';

/** Device secrets carry a prefix so a leaked one is recognisable in logs and secret scanners. */
export const deviceSecretPrefix = 'cpd_';

/**
 * Collect's server URL for a device: the secret sits in the path (Collect sends no bearer token),
 * and Collect appends `/formList` and `/submission` to it. `app.ts` rewrites `/key/<secret>/…`
 * back to the API path and hands the secret to the caller lookup.
 */
export const deviceServerUrl = (publicUrl: string, secret: string, workspaceId: string) =>
  `${deviceLinkBase(publicUrl, secret)}/api/workspaces/${workspaceId}`;

/** Where a device's links (download, manifest, media) start, so each carries its secret too. */
export function deviceLinkBase(publicUrl: string, secret: string | null): string {
  return secret ? `${publicUrl}/key/${secret}` : publicUrl;
}

/**
 * What ODK Collect and KoboCollect read from a settings QR code: base64 of the zlib-compressed
 * JSON. The phone mirrors the server's forms exactly, sends as soon as it can, and its user may
 * not point it at another server.
 */
export function collectSettings(input: { serverUrl: string; projectName: string }): string {
  const settings = {
    general: {
      server_url: input.serverUrl,
      form_update_mode: 'match_exactly',
      autosend: 'wifi_and_cellular',
    },
    admin: { change_server: false },
    project: { name: input.projectName },
  };
  return deflateSync(Buffer.from(JSON.stringify(settings), 'utf8')).toString('base64');
}
