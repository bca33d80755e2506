import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTileOrigins } from '../config.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

describe('transport security', () => {
  let plain: TestServer;
  let secure: TestServer;
  beforeAll(async () => {
    plain = await startTestServer();
    secure = await startTestServer({ publicUrl: 'https://coproduce.example.org' });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
  });

  it('sends HSTS when the public address is https, and not on a plain-http install', async () => {
    const onHttps = await secure.app.inject({ method: 'GET', url: '/health' });
    expect(onHttps.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(onHttps.headers['content-security-policy']).toContain("default-src 'self'");
    const onHttp = await plain.app.inject({ method: 'GET', url: '/health' });
    expect(onHttp.headers['strict-transport-security']).toBeUndefined();
    expect(onHttp.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the phone preview kept photos and recordings from object URLs, and nothing from elsewhere', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/health' });
    const directives = String(response.headers['content-security-policy']).split('; ');
    expect(directives).toContain("media-src 'self' blob:");
    expect(directives).toContain("img-src 'self' data: blob:");
    expect(
      directives.filter((d) => d.startsWith('media-src') || d.startsWith('img-src')).join(' '),
    ).not.toMatch(/https?:|\*/);
  });

  it('lets map tiles come from the origins the operator names, and refuses anything else at start', async () => {
    const tiles = await startTestServer({
      mapTileHosts: 'https://tile.openstreetmap.org, https://tiles.example.org:8443',
    });
    try {
      const response = await tiles.app.inject({ method: 'GET', url: '/health' });
      const directives = String(response.headers['content-security-policy']).split('; ');
      expect(directives).toContain(
        "img-src 'self' data: blob: https://tile.openstreetmap.org https://tiles.example.org:8443",
      );
      expect(directives).toContain("connect-src 'self'");
    } finally {
      await tiles.close();
    }
    for (const bad of [
      'http://tile.example.org',
      'https://tile.example.org/{z}/{x}/{y}.png',
      '*',
      'https://*.example.org',
    ])
      expect(() => parseTileOrigins(bad)).toThrow(/MAP_TILE_HOSTS/);
    expect(parseTileOrigins(undefined)).toEqual([]);
  });
});
