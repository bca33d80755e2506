import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints } from './endpoints.ts';

describe('endpoint registry', () => {
  const all = Object.entries(endpoints);

  it('names every endpoint by its key and keeps method+path unique', () => {
    const seen = new Set<string>();
    for (const [key, definition] of all) {
      expect(definition.id).toBe(key);
      const route = `${definition.method} ${definition.path}`;
      expect(seen.has(route), route).toBe(false);
      seen.add(route);
    }
  });

  it('declares a params schema for exactly the path parameters', () => {
    for (const [, definition] of all) {
      const inPath = [...definition.path.matchAll(/:(\w+)/g)].map((match) => match[1]).sort();
      const declared =
        'params' in definition && definition.params instanceof z.ZodObject
          ? Object.keys(definition.params.shape).sort()
          : [];
      expect(declared, definition.id).toEqual(inPath);
    }
  });

  it('puts every workspace-scoped endpoint under /api/workspaces/:workspaceId', () => {
    for (const [, definition] of all) {
      if (definition.access === 'workspace')
        expect(definition.path).toMatch(/^\/api\/workspaces\/:workspaceId/);
    }
  });

  it('gives a response schema to every endpoint that answers with a body', () => {
    for (const [, definition] of all) {
      expect('response' in definition && definition.response !== undefined, definition.id).toBe(
        definition.status !== 204,
      );
    }
  });

  it('gives binary endpoints (file downloads) a content type, and only GETs answer with files', () => {
    // ODK Collect reads an OpenRosa response document (XML) after its POST, not JSON.
    const xmlPosts = new Set(['openRosaSubmission']);
    for (const [, definition] of all) {
      if (!('produces' in definition) || definition.produces === undefined) continue;
      expect(definition.method, definition.id).toBe(xmlPosts.has(definition.id) ? 'POST' : 'GET');
      expect(definition.produces, definition.id).toMatch(/^[\w.+-]+\/[\w.+-]+$/);
    }
  });
});
