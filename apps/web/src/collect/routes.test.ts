import { describe, expect, it } from 'vitest';
import { isCollectRoute, matchRoute, paths } from '../router.ts';

describe('collection routes', () => {
  const w = '01a2149d-19a9-7607-8ff4-b34a9580bb58';
  it('matches every collection path it builds, and nothing beyond them', () => {
    expect(matchRoute(paths.collect(w), '')).toEqual({ name: 'collect', workspaceId: w });
    expect(matchRoute(paths.collectNew(w, 'f1'), '')).toEqual({
      name: 'collectNew',
      workspaceId: w,
      formId: 'f1',
    });
    expect(matchRoute(paths.collectWork(w, 'i1'), '')).toEqual({
      name: 'collectWork',
      workspaceId: w,
      workId: 'i1',
    });
    expect(isCollectRoute(matchRoute(paths.collectWork(w, 'i1'), ''))).toBe(true);
    expect(matchRoute(`/w/${w}/collect/new`, '')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/w/${w}/collect/work/i1/more`, '')).toEqual({ name: 'notFound' });
    expect(isCollectRoute(matchRoute(paths.forms(w), ''))).toBe(false);
  });
});
