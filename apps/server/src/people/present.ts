import type { AccessNeeds, ContactChannel, Person, Role } from '@coproduce/contract';
import { emptyAccessNeeds } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { personAbilities, visibleFields } from './policy.ts';
import type { PersonRow } from './queries.ts';

const noAbilities = { edit: false, editContact: false, editLegalName: false, delete: false };

/**
 * A person as this caller may see them: fields they may not read are absent, never null.
 * A tombstone carries only its id, revision and deletion time, so a phone can forget the row.
 */
export function presentPerson(row: PersonRow, role: Role, selfPersonId: string | null): Person {
  const isSelf = row.id === selfPersonId;
  const base = {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revision: revisionText(row.revision),
  };
  if (row.deleted_at) {
    return { ...base, displayName: '', languages: [], accountId: null, isSelf, abilities: noAbilities };
  }
  const visible = visibleFields(role, { isSelf });
  const person: Person = {
    ...base,
    displayName: row.display_name,
    languages: visible.has('languages') ? (JSON.parse(row.languages) as string[]) : [],
    accountId: visible.has('accountId') ? row.account_id : null,
    isSelf,
    abilities: personAbilities(role, { isSelf }),
  };
  if (visible.has('legalName')) person.legalName = row.legal_name;
  if (visible.has('contactChannels'))
    person.contactChannels = JSON.parse(row.contact_channels) as ContactChannel[];
  if (visible.has('accessNeeds'))
    person.accessNeeds = { ...emptyAccessNeeds, ...(JSON.parse(row.access_needs) as Partial<AccessNeeds>) };
  if (visible.has('notes')) person.notes = row.notes;
  return person;
}
