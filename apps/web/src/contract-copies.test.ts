// The few contract values the app keeps its own copy of (to keep zod out of the bundle) must match.
import { contactChannelKinds, emptyAccessNeeds, localeCodes, roles } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { locales } from './i18n/i18n.ts';
import { allRoles } from './members/roles.ts';
import { noAccessNeeds } from './people/AccessNeedsEditor.tsx';
import { channelKinds } from './people/channels.ts';

describe('copies of contract values', () => {
  it('match the contract', () => {
    expect(allRoles).toEqual(roles);
    expect(channelKinds).toEqual(contactChannelKinds);
    expect(locales).toEqual(localeCodes);
    expect(noAccessNeeds).toEqual(emptyAccessNeeds);
  });
});
