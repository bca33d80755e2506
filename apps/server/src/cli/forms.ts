import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
// The checking entry alone: no zod, no exceljs until a workbook needs it, so the command starts fast.
import { type CheckResult, checkXlsForm, describeProblem } from '@coproduce/forms/check';

// Not open.ts's fail(): importing open.ts would load the whole server.
const fail = (message: string): number => {
  process.stderr.write(`coproduce: ${message}\n`);
  return 1;
};

type FileResult =
  | ({ file: string } & CheckResult)
  | { file: string; ok: false; errors: { message: string }[] };

async function checkFile(file: string): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const message = `cannot read ${file}: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    return { file, ok: false, errors: [{ message }] };
  }
  return { file, ...(await checkXlsForm(bytes, basename(file))) };
}

function printReadable(result: FileResult): void {
  if (!result.ok) {
    process.stdout.write(
      `${result.file}: ${result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`} to fix\n`,
    );
    for (const problem of result.errors) {
      const line = 'sheet' in problem ? describeProblem(problem) : problem.message;
      process.stdout.write(`  ${line}\n`);
    }
    return;
  }
  const choiceLists = Object.keys(result.choices).length;
  process.stdout.write(
    `${result.file}: ok — "${result.title}" (${result.formId}${result.version ? `, version ${result.version}` : ''}), ` +
      `${result.questions.length} questions, ${choiceLists} choice lists` +
      `${result.languages.length ? `, languages: ${result.languages.join(', ')}` : ''}\n`,
  );
  for (const warning of result.warnings) process.stdout.write(`  warning: ${describeProblem(warning)}\n`);
}

/**
 * Checks XLSForm files (.xlsx, .xls, .md, .csv) without touching any database. With --json, or
 * with several files, prints one JSON line per file, in the order given. Exit 1 when any fails.
 */
export async function formsCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) return fail('forms check needs a file: coproduce forms check FILE… [--json]');
  const json = values.json || positionals.length > 1;
  let failed = false;
  for (const file of positionals) {
    const result = await checkFile(file);
    failed ||= !result.ok;
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printReadable(result);
  }
  return failed ? 1 : 0;
}
