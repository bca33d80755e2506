import type { UpdateAccountInputSchema } from '@coproduce/contract';
import type { z } from 'zod';
import { emailKey, phoneKey } from '../auth/login-keys.ts';
import type { AccountRow } from '../auth/queries.ts';
import type { AccountChanges } from './queries.ts';

type UpdateInput = z.infer<typeof UpdateAccountInputSchema>;

/** What actually changes, by column, and the contract's names of those fields for the audit entry. */
export function accountChanges(current: AccountRow, input: UpdateInput) {
  const changes: AccountChanges = {};
  const fields: string[] = [];
  if (input.displayName !== undefined && input.displayName !== current.display_name) {
    changes.display_name = input.displayName;
    fields.push('displayName');
  }
  if (input.locale !== undefined && input.locale !== current.locale) {
    changes.locale = input.locale;
    fields.push('locale');
  }
  if (input.email !== undefined && input.email !== current.email) {
    changes.email = input.email;
    changes.email_key = input.email === null ? null : emailKey(input.email);
    fields.push('email');
  }
  if (input.phone !== undefined) {
    const phone = input.phone === null ? null : input.phone.trim();
    if (phone !== current.phone) {
      changes.phone = phone;
      changes.phone_key = phone === null ? null : phoneKey(phone);
      fields.push('phone');
    }
  }
  return { changes, fields };
}
