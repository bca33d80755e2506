import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { translator } from '../i18n/i18n.ts';
import { reasonText } from './reasons.ts';

const t = translator('en', en);
const at = '2026-12-03T10:00:00.000Z';

describe('why an item is still on the phone, in words', () => {
  it('names each failure the outbox records', () => {
    expect(reasonText(t, { at, failure: 'network', code: 'network' })).toBe(en['collect.reason.network']);
    expect(reasonText(t, { at, failure: 'signed_out', code: 'auth.required' })).toBe(
      en['collect.reason.signed_out'],
    );
    expect(reasonText(t, { at, failure: 'server', code: 'internal' })).toBe(en['collect.reason.server']);
    expect(reasonText(t, { at, failure: 'refused', code: 'submission.not_assigned' })).toBe(
      en['collect.reason.not_assigned'],
    );
    expect(reasonText(t, { at, failure: 'refused', code: 'files_missing', detail: 'door.jpg' })).toBe(
      'Received, but its files have not arrived yet: door.jpg.',
    );
  });

  it('falls back to the server’s own sentence for a code it does not know', () => {
    expect(
      reasonText(t, { at, failure: 'refused', code: 'something.new', detail: 'The moon is full.' }),
    ).toBe('Not accepted: The moon is full.');
    expect(reasonText(t, { at, failure: 'refused', code: 'something.new' })).toBe(
      'Not accepted: something.new',
    );
  });
});
