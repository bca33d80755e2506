import { describe, expect, it } from 'vitest';
import { emptyDraft, fromDraft, move, toDraft } from './channels.ts';

describe('contact channel drafts', () => {
  it('sends only the fields of the kind, trimmed, and no empty note', () => {
    const draft = { ...emptyDraft('care_of'), name: ' Day centre ', address: '12 Long St', phone: '+27 1' };
    expect(fromDraft(draft)).toEqual({ kind: 'care_of', name: 'Day centre', address: '12 Long St' });
    expect(fromDraft({ ...emptyDraft('in_person') })).toEqual({ kind: 'in_person' });
  });

  it('round-trips a channel from the API', () => {
    const channel = { kind: 'post' as const, address: '4 Hill Rd', note: 'ring twice' };
    expect(fromDraft(toDraft(channel))).toEqual(channel);
  });

  it('moves an item within bounds only', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
