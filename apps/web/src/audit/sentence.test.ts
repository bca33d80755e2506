// Every action the server writes to the audit log reads as a sentence in every language, with
// the names it is about; a code without a sentence still reads, with its code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import hi from '../i18n/hi.json';
import { type Catalogue, translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';
import { auditSentence } from './sentence.ts';

const serverSrc = join(import.meta.dirname, '../../../server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The action codes written by `ctx.audit({ action: … })`, literal or chosen between literals. */
function serverActions(): string[] {
  const found = new Set<string>(['form.create.builder', 'form.create.xlsform', 'form.create.template']);
  for (const file of sourceFiles(serverSrc)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/action:\s*([^,\n]+)/g)) {
      for (const code of match[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) found.add(code[1]!);
    }
  }
  return [...found].sort();
}

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: '01890000-0000-7000-8000-000000000001',
  sequence: 7,
  action: 'form.suggestion.accept',
  entityType: 'form_thread',
  entityId: '01890000-0000-7000-8000-000000000002',
  fields: ['status'],
  actorAccountId: '01890000-0000-7000-8000-000000000003',
  actorDisplayName: 'Thandi',
  onBehalfOfPersonId: null,
  onBehalfOfDisplayName: null,
  occurredAt: '2026-12-03T09:00:00.000Z',
  hash: 'abc',
  subject: { name: null, form: 'Household enumeration', owner: 'Lindiwe' },
  ...over,
});

describe('audit sentences', () => {
  it('has a sentence for every action the server writes', () => {
    const actions = serverActions();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((action) => !(`audit.say.${action}` in en))).toEqual([]);
  });

  it('reads as the issue asks, in English, isiZulu and Hindi', () => {
    const t = translator('en', en);
    expect(auditSentence(t, entry({}))).toBe(
      'Thandi accepted Lindiwe’s suggestion on “Household enumeration”',
    );
    expect(auditSentence(translator('zu', zu as Catalogue), entry({}))).toContain('Lindiwe');
    expect(auditSentence(translator('hi', hi as Catalogue), entry({}))).toBe(
      'Thandi ने “Household enumeration” पर Lindiwe का सुझाव स्वीकार किया',
    );
  });

  it('says who acted for whom, names the system, and reads unknown codes and erased names', () => {
    const t = translator('en', en);
    expect(
      auditSentence(
        t,
        entry({
          action: 'person.update',
          onBehalfOfPersonId: '01890000-0000-7000-8000-000000000004',
          onBehalfOfDisplayName: 'Sipho',
          subject: { name: 'Sipho', form: null, owner: null },
        }),
      ),
    ).toBe('Thandi for Sipho changed Sipho’s details');
    expect(auditSentence(t, entry({ action: 'auth.signed_in', actorDisplayName: null }))).toBe(
      'The system signed in',
    );
    expect(auditSentence(t, entry({ action: 'weird.new_thing' }))).toBe('Thandi: weird.new_thing');
    expect(
      auditSentence(t, entry({ action: 'person.delete', subject: { name: null, form: null, owner: null } })),
    ).toBe('Thandi removed (no longer known) from the people register');
  });
});
