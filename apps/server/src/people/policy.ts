import type { PersonAbilities, Role } from '@coproduce/contract';
import { abilitiesFor } from '../workspaces/policy.ts';

/**
 * Who may see and change which fields of a person record (issue #2, point 5). Pure and deny by
 * default: a field not returned by `visibleFields` is left out of the response, and writing a
 * field not in `writableFields` is refused with a 403 naming it.
 */
export const personFields = [
  'displayName',
  'languages',
  'accountId',
  'legalName',
  'contactChannels',
  'accessNeeds',
  'notes',
] as const;
export type PersonField = (typeof personFields)[number];

/** Anyone who may read the register sees these; languages say how to talk with someone. */
const basicFields: PersonField[] = ['displayName', 'languages', 'accountId'];
const contactFields: PersonField[] = ['contactChannels', 'accessNeeds', 'notes'];
/** What a person may change on their own record, whatever their role (not a partner). */
const ownWritable: PersonField[] = ['contactChannels', 'accessNeeds', 'notes', 'legalName'];

export interface PersonSubject {
  /** The caller's own person record in this workspace. */
  isSelf: boolean;
}

/** Partners see nobody; members see only themselves; the others read the register. */
export function canReadPerson(role: Role, person: PersonSubject): boolean {
  if (role === 'partner') return false;
  return person.isSelf || abilitiesFor(role).readPeople;
}

/** Whether the role may list the register at all (as a set: members get only their own row). */
export function canListPeople(role: Role): boolean {
  return role !== 'partner';
}

/** Whether a list for this role is the whole register or just the caller's own record. */
export function listScope(role: Role): 'all' | 'self' {
  return abilitiesFor(role).readPeople ? 'all' : 'self';
}

export function visibleFields(role: Role, person: PersonSubject): Set<PersonField> {
  if (!canReadPerson(role, person)) return new Set();
  if (person.isSelf) return new Set(personFields);
  const abilities = abilitiesFor(role);
  const fields = new Set<PersonField>(basicFields);
  if (abilities.readContact) for (const field of contactFields) fields.add(field);
  if (abilities.readLegalName) fields.add('legalName');
  return fields;
}

export function writableFields(role: Role, person: PersonSubject): Set<PersonField> {
  if (!canReadPerson(role, person)) return new Set();
  const abilities = abilitiesFor(role);
  const fields = new Set<PersonField>();
  if (abilities.writePeople) {
    fields.add('displayName');
    fields.add('languages');
  }
  if (abilities.writeContact) for (const field of contactFields) fields.add(field);
  if (abilities.writeLegalName) fields.add('legalName');
  if (person.isSelf) for (const field of ownWritable) fields.add(field);
  return fields;
}

/** Creating a record is for those who write the register; the fields sent must all be writable. */
export function canCreatePerson(role: Role): boolean {
  return abilitiesFor(role).writePeople;
}

/** Removing someone's record: register writers only, and never one's own (leave instead). */
export function canDeletePerson(role: Role, person: PersonSubject): boolean {
  return abilitiesFor(role).writePeople && !person.isSelf;
}

export function personAbilities(role: Role, person: PersonSubject): PersonAbilities {
  const writable = writableFields(role, person);
  return {
    edit: writable.size > 0,
    editContact: writable.has('contactChannels'),
    editLegalName: writable.has('legalName'),
    delete: canDeletePerson(role, person),
  };
}

/** The first field of `sent` the caller may not write, if any (for a 403 that names it). */
export function firstForbiddenField(sent: string[], writable: Set<PersonField>): string | null {
  return sent.find((field) => !writable.has(field as PersonField)) ?? null;
}
