// Runs in a child process: reads workbooks one at a time and sends each result back. A hostile
// workbook can only exhaust this process's own heap and time, which the server watches (pool.ts).
import { formLimits } from '@coproduce/contract';
import { coded, type ImportOptions, type ImportResult, importXlsForm } from '@coproduce/forms';

export interface ParseRequest {
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
}

export type ParseAnswer = { ok: true; result: ImportResult } | { ok: false; message: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * An import may not make a form larger than the builder may save (kept sheets count): measured
 * here, so that the server never receives, stores or later exports a form of that size.
 */
function withinModelSize(result: ImportResult): ImportResult {
  if (!result.ok) return result;
  const size = Buffer.byteLength(JSON.stringify(result.form));
  if (size <= formLimits.modelBodyBytes) return result;
  const params = { size: mb(size), maximum: mb(formLimits.modelBodyBytes) };
  return {
    ok: false,
    errors: [coded(null, null, null, 'form.xlsform.file.form_too_large', params)],
    warnings: result.warnings,
  };
}

// The server gone (even killed with -9) means nobody waits for an answer.
process.on('disconnect', () => process.exit(0));

process.on('message', async (request: ParseRequest) => {
  let answer: ParseAnswer;
  try {
    answer = {
      ok: true,
      result: withinModelSize(await importXlsForm(request.bytes, request.fileName, request.options)),
    };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send?.(answer);
});
