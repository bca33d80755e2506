import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KNOWN_UNSUPPORTED_FUNCTIONS, SUPPORTED_FUNCTIONS } from './expr/index.ts';
import { QUESTION_TYPES, SELECT_TYPES } from './xlsform/types.ts';

it('docs/xlsform-support.md names every type and function the code knows', () => {
  const page = readFileSync(new URL('../../../docs/xlsform-support.md', import.meta.url), 'utf8');
  const names = [
    ...Object.keys(QUESTION_TYPES),
    ...Object.keys(SELECT_TYPES),
    ...SUPPORTED_FUNCTIONS,
    ...KNOWN_UNSUPPORTED_FUNCTIONS,
  ];
  expect(names.filter((name) => !page.includes(`\`${name}`))).toEqual([]);
});
