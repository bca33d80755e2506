import { endpoints } from '@coproduce/contract';
import { routes as contractRoutes } from '@coproduce/contract/routes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildPath, call, routes, setCsrfToken } from './api.ts';

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls the route table of the contract, not a copy of it', () => {
    expect(routes).toBe(contractRoutes);
    expect(routes.createPerson).toEqual([endpoints.createPerson.method, endpoints.createPerson.path]);
  });

  it('fills path parameters', () => {
    expect(
      buildPath('/api/workspaces/:workspaceId/people/:personId', { workspaceId: 'w', personId: 'p 1' }),
    ).toBe('/api/workspaces/w/people/p%201');
  });

  it('sends the CSRF and on-behalf-of headers and turns problem+json into an ApiError', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json(
        {
          type: 'about:blank',
          title: 'Invalid',
          status: 400,
          code: 'request.invalid',
          errors: [
            { path: 'body.contactChannels.0.address', message: 'Required' },
            { path: 'displayName', message: 'Too long' },
          ],
        },
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    const promise = call('createPerson', {
      params: { workspaceId: 'w1' },
      body: { displayName: 'Thandi' },
      onBehalfOf: 'p9',
    });
    await expect(promise).rejects.toBeInstanceOf(ApiError);
    const error = (await promise.catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('request.invalid');
    expect(error.fieldErrors).toEqual({ 'contactChannels.0.address': 'Required', displayName: 'Too long' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/workspaces/w1/people');
    const headers = init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('token-1');
    expect(headers['x-on-behalf-of']).toBe('p9');
  });
});
