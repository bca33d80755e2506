import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/server.ts';

describe('serving the built web app', () => {
  let server: TestServer;

  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'coproduce-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Coproduce</title>');
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'export {};');
    writeFileSync(join(webRoot, 'sw.js'), '// worker');
    server = await startTestServer({ webRoot });
  });
  afterAll(() => server.close());

  it('answers app paths with index.html, never cached, under the strict CSP', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/w/123/people?x=1' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Coproduce</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers HEAD / and HEAD of an app path with 200 and no body', async () => {
    for (const url of ['/', '/w/123/people']) {
      const response = await server.app.inject({ method: 'HEAD', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.body, url).toBe('');
    }
    expect((await server.app.inject({ method: 'HEAD', url: '/assets/main-abc123.js' })).statusCode).toBe(200);
  });

  it('caches hashed assets for a year and the service worker not at all', async () => {
    const asset = await server.app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const worker = await server.app.inject({ method: 'GET', url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('answers unknown API paths, missing files and other methods with problem+json 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/assets/missing.js'],
      ['POST', '/w/123/people'],
    ] as const) {
      const response = await server.app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('still serves the API', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/health' });
    expect(response.json()).toMatchObject({ status: 'ok' });
  });
});
