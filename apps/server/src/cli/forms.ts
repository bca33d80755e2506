import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { checkXlsForm, describeProblem } from '@coproduce/forms';
import { fail } from './open.ts';

/** Checks an XLSForm file without touching any database; --json prints the result as one line. */
export async function formsCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1)
    return fail('forms check needs one file: coproduce forms check FILE [--json]');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = await checkXlsForm(bytes, basename(file));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    process.stdout.write(`${file}: ${result.errors.length} problem(s) to fix\n`);
    for (const problem of result.errors) process.stdout.write(`  ${describeProblem(problem)}\n`);
    return 1;
  }
  const choiceLists = Object.keys(result.choices).length;
  process.stdout.write(
    `${file}: ok — "${result.title}" (${result.formId}${result.version ? `, version ${result.version}` : ''}), ` +
      `${result.questions.length} questions, ${choiceLists} choice lists` +
      `${result.languages.length ? `, languages: ${result.languages.join(', ')}` : ''}\n`,
  );
  for (const warning of result.warnings) process.stdout.write(`  warning: ${describeProblem(warning)}\n`);
  return 0;
}
