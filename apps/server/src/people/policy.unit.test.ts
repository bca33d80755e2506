import { roles } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { containsPattern, nameKey } from './names.ts';
import {
  canListPeople,
  canReadPerson,
  listScope,
  personAbilities,
  visibleFields,
  writableFields,
} from './policy.ts';

const other = { isSelf: false };
const self = { isSelf: true };
const sorted = (set: Set<string>) => [...set].sort();

describe('people policy (issue #2 point 5)', () => {
  it('coordinators read and write every field of anyone', () => {
    expect(sorted(visibleFields('coordinator', other))).toEqual([
      'accessNeeds',
      'accountId',
      'contactChannels',
      'displayName',
      'languages',
      'legalName',
      'notes',
    ]);
    expect(writableFields('coordinator', other).has('legalName')).toBe(true);
    expect(personAbilities('coordinator', other)).toEqual({
      edit: true,
      editContact: true,
      editLegalName: true,
      delete: true,
    });
  });

  it('staff read and write everything but legal names, which they cannot even read', () => {
    expect(visibleFields('staff', other).has('legalName')).toBe(false);
    expect(visibleFields('staff', other).has('contactChannels')).toBe(true);
    expect(writableFields('staff', other).has('legalName')).toBe(false);
    expect(writableFields('staff', other).has('notes')).toBe(true);
  });

  it('researchers read display names (and languages) only, and write nothing', () => {
    expect(sorted(visibleFields('researcher', other))).toEqual(['accountId', 'displayName', 'languages']);
    expect(writableFields('researcher', other).size).toBe(0);
    expect(personAbilities('researcher', other).edit).toBe(false);
  });

  it('members see and edit only their own record', () => {
    expect(canReadPerson('member', other)).toBe(false);
    expect(visibleFields('member', other).size).toBe(0);
    expect(canReadPerson('member', self)).toBe(true);
    expect(visibleFields('member', self).has('legalName')).toBe(true);
    expect(sorted(writableFields('member', self))).toEqual([
      'accessNeeds',
      'contactChannels',
      'legalName',
      'notes',
    ]);
    expect(listScope('member')).toBe('self');
    expect(personAbilities('member', self).delete).toBe(false);
  });

  it('partners see nobody, not even a list', () => {
    expect(canListPeople('partner')).toBe(false);
    expect(canReadPerson('partner', self)).toBe(false);
    expect(canReadPerson('partner', other)).toBe(false);
  });

  it('never lets anyone delete their own record', () => {
    for (const role of roles) expect(personAbilities(role, self).delete).toBe(false);
  });

  it('gives no right to write a field that cannot be read', () => {
    for (const role of roles) {
      for (const subject of [self, other]) {
        const visible = visibleFields(role, subject);
        for (const field of writableFields(role, subject)) expect(visible.has(field)).toBe(true);
      }
    }
  });
});

describe('name keys', () => {
  it('ignore case, accents and extra spaces', () => {
    expect(nameKey('  Zoë   Ndlovu ')).toBe('zoe ndlovu');
    expect(nameKey('JOSÉ')).toBe(nameKey('jose'));
    expect(nameKey('Ｎｏｍｓａ')).toBe('nomsa');
  });

  it('keep isiZulu and Devanagari names distinct and searchable', () => {
    expect(nameKey('Nokuthula Mthembu')).toBe('nokuthula mthembu');
    expect(nameKey('सीता पाटील')).toBe('सीता पाटील'.normalize('NFKD').normalize('NFC'));
    // Vowel signs are combining marks but part of the name: removing them would merge names.
    expect(nameKey('राम')).not.toBe(nameKey('रम'));
  });

  it('escape LIKE wildcards in a search', () => {
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
