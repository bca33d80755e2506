/**
 * Writes the template questionnaires as XLSForm workbooks:
 *   npx tsx packages/forms/templates/build-templates.ts
 * The .xlsx files are committed so people can download them; the .ts definitions are what to review.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportXlsForm } from '../src/xlsform/export.ts';
import { householdEnumeration } from './household-enumeration.ts';
import { settlementProfile } from './settlement-profile.ts';

export const TEMPLATES = {
  'settlement-profile.xlsx': settlementProfile,
  'household-enumeration.xlsx': householdEnumeration,
};

for (const [file, form] of Object.entries(TEMPLATES)) {
  const target = fileURLToPath(new URL(file, import.meta.url));
  writeFileSync(target, await exportXlsForm(form));
  console.log(`wrote ${target}`);
}
