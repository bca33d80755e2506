// Plain values shared by server and clients, with no zod: the phone imports this file alone
// (`@coproduce/contract/constants`), so schema construction never reaches its bundle.
import type { AccessNeeds } from './people.ts';

export { limits } from './limits.ts';

export const roles = ['coordinator', 'staff', 'researcher', 'member', 'partner'] as const;

export const localeCodes = ['en', 'zu', 'hi'] as const;

export const contactChannelKinds = [
  'email',
  'sms',
  'whatsapp',
  'post',
  'care_of',
  'notice_board',
  'in_person',
] as const;

export const emptyAccessNeeds: AccessNeeds = {
  childcare: false,
  travel: false,
  interpreter: null,
  stepFree: false,
  largePrint: false,
  quietRoom: false,
  preferredTimes: '',
  other: '',
  entryHelp: false,
};

/** The steps of an enumeration round, in order. */
export const roundStatuses = [
  'planning',
  'numbering',
  'enumerating',
  'verifying',
  'published',
  'closed',
] as const;
