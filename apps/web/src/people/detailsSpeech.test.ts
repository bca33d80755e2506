// What a member hears on their own page, from the real catalogues.
import { emptyAccessNeeds } from '@coproduce/contract/constants';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';
import { detailsSpeech } from './detailsSpeech.ts';

const details = {
  workspace: 'Kennedy Road',
  displayName: 'Lindiwe Zulu',
  languages: ['zu', 'en'],
  channels: [{ kind: 'sms' as const }, { kind: 'in_person' as const }],
  needs: { ...emptyAccessNeeds, childcare: true },
};

describe('detailsSpeech', () => {
  it('speaks to the member about what is held about them', () => {
    expect(detailsSpeech(translator('en', en), details)).toEqual([
      'Lindiwe Zulu',
      'This is what Kennedy Road holds about you. You can correct it and say how you would like to be contacted.',
      'Languages you speak',
      'isiZulu, English',
      'How can we reach you?',
      '1. SMS, 2. In person only',
      'What do you need to take part?',
      'Childcare',
    ]);
  });

  it('says there is no way to reach them yet, in their language', () => {
    const read = detailsSpeech(translator('zu', zu), { ...details, channels: [], languages: [] });
    expect(read).toContain(zu['channels.none.self']);
    expect(read).toContain(zu['channels.title.self']);
    expect(read).not.toContain(zu['person.languages.self']);
  });
});
