import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './router.ts';

describe('router', () => {
  const w = '01a2149d-19a9-7607-8ff4-b34a9580bb58';

  it('matches every path it builds', () => {
    expect(matchRoute(paths.home(), '')).toEqual({ name: 'home' });
    expect(matchRoute(paths.people(w), '')).toEqual({ name: 'people', workspaceId: w });
    expect(matchRoute(paths.newPerson(w), '')).toEqual({ name: 'newPerson', workspaceId: w });
    expect(matchRoute(paths.person(w, 'p1'), '')).toEqual({ name: 'person', workspaceId: w, personId: 'p1' });
    expect(matchRoute(paths.inviteSlip(w), '')).toEqual({ name: 'inviteSlip', workspaceId: w });
    expect(matchRoute(paths.audit(w), '')).toEqual({ name: 'audit', workspaceId: w });
    expect(matchRoute(paths.settlements(w), '')).toEqual({ name: 'settlements', workspaceId: w });
    expect(matchRoute(paths.assignments(w), '')).toEqual({ name: 'assignments', workspaceId: w });
    const [formPath, formSearch] = paths.form(w, 'f1', 'assignments').split('?');
    expect(matchRoute(formPath!, `?${formSearch}`)).toEqual({
      name: 'form',
      workspaceId: w,
      formId: 'f1',
      view: 'assignments',
    });
    expect(matchRoute(paths.settlement(w, 's1'), '')).toEqual({
      name: 'settlement',
      workspaceId: w,
      settlementId: 's1',
    });
    expect(matchRoute(paths.structure(w, 's1', 't1'), '')).toEqual({
      name: 'structure',
      workspaceId: w,
      settlementId: 's1',
      structureId: 't1',
    });
    expect(matchRoute(paths.round(w, 's1', 'r1'), '')).toEqual({
      name: 'round',
      workspaceId: w,
      settlementId: 's1',
      roundId: 'r1',
    });
  });

  it('reads the invite code of an email link', () => {
    const [path, search] = paths.join('AB CD-12').split('?');
    expect(matchRoute(path!, `?${search}`)).toEqual({ name: 'join', code: 'AB CD-12' });
    expect(matchRoute('/join', '')).toEqual({ name: 'join', code: '' });
  });

  it('knows what it does not know', () => {
    expect(matchRoute('/nowhere', '')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/w/${w}/people/p1/extra`, '')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/w/${w}/settlements/s1/houses/t1`, '')).toEqual({ name: 'notFound' });
  });
});
