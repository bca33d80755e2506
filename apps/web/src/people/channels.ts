// Contact channels as the form edits them (every field a string) and as the API takes them.
import type { ContactChannel, ContactChannelKind } from '@coproduce/contract';
import { contactChannelKinds } from '@coproduce/contract/constants';

export const channelKinds: readonly ContactChannelKind[] = contactChannelKinds;

export interface ChannelDraft {
  /** Stable while the list is reordered, so focus and typed text stay with their channel. */
  key: string;
  kind: ContactChannelKind;
  address: string;
  phone: string;
  name: string;
  location: string;
  where: string;
  note: string;
}

/** The fields a kind of channel has, in the order the form shows them. */
export const channelFields: Record<
  ContactChannelKind,
  readonly ('address' | 'phone' | 'name' | 'location' | 'where')[]
> = {
  email: ['address'],
  sms: ['phone'],
  whatsapp: ['phone'],
  post: ['address'],
  care_of: ['name', 'address'],
  notice_board: ['location'],
  in_person: ['where'],
};

let counter = 0;

export function emptyDraft(kind: ContactChannelKind): ChannelDraft {
  counter += 1;
  return { key: `c${counter}`, kind, address: '', phone: '', name: '', location: '', where: '', note: '' };
}

export function toDraft(channel: ContactChannel): ChannelDraft {
  return { ...emptyDraft(channel.kind), ...channel, note: channel.note ?? '' } as ChannelDraft;
}

export function fromDraft(draft: ChannelDraft): ContactChannel {
  const note = draft.note.trim() ? { note: draft.note.trim() } : {};
  switch (draft.kind) {
    case 'email':
      return { kind: 'email', address: draft.address.trim(), ...note };
    case 'sms':
    case 'whatsapp':
      return { kind: draft.kind, phone: draft.phone.trim(), ...note };
    case 'post':
      return { kind: 'post', address: draft.address.trim(), ...note };
    case 'care_of':
      return { kind: 'care_of', name: draft.name.trim(), address: draft.address.trim(), ...note };
    case 'notice_board':
      return { kind: 'notice_board', location: draft.location.trim(), ...note };
    case 'in_person':
      return { kind: 'in_person', ...(draft.where.trim() ? { where: draft.where.trim() } : {}), ...note };
  }
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}
