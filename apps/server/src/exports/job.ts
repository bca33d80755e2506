// The export job: a form's submissions as CSV files in a zip (one file per repeat, joined by the
// submission id and entry keys) or as an XLSX workbook (one sheet each), written page by page to
// a file in the job's folder, with progress. Memory stays flat whatever the number of rows.
import { statSync } from 'node:fs';
import type { Form } from '@coproduce/forms';
import ExcelJS from 'exceljs';
import type { JobKind, JobTools } from '../jobs/runner.ts';
import { readLayout } from '../submissions/answer-tables.ts';
import { countRows, type ExportTable, exportPage, exportTables, labeller } from './rows.ts';
import { ZipWriter } from './zip.ts';

export interface ExportParams {
  workspaceId: string;
  formId: string;
  formKey: string;
  format: 'csv' | 'xlsx';
  headers: 'codes' | 'labels';
  language?: string;
  state?: string;
}

const pageSize = 2000;

export const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^[=+\-@\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Cells that a spreadsheet would run as formulas are written as text (CSV injection). */
export const safe = (value: string | number | null) =>
  typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;

type Cell = string | number | null;
type Step =
  | { kind: 'header'; table: ExportTable; header: string[] }
  | { kind: 'row'; table: ExportTable; row: Cell[] };

async function* rowsOf(tools: JobTools, params: ExportParams, form: Form): AsyncGenerator<Step> {
  const db = tools.deps.readDb;
  const layout = await readLayout(db as never, params.workspaceId, params.formId);
  const label = labeller(form, params.headers, params.language);
  const filter = { workspaceId: params.workspaceId, formId: params.formId, state: params.state ?? null };
  for (const table of exportTables(layout, params.formKey)) {
    const keys = table.repeatPath
      ? ['submission_id', 'entry', 'parent_entry']
      : ['submission_id', 'state', 'received_at', 'has_conflict'];
    yield { kind: 'header', table, header: [...keys, ...table.columns.map((c) => label.header(c))] };
    let after: [string, string] | null = null;
    for (;;) {
      if (tools.signal.aborted) throw new Error('the server is stopping');
      const page = await exportPage(db, table, filter, after, pageSize);
      for (const row of page) {
        const key: Cell[] = table.repeatPath
          ? [row.submission_id ?? null, row.entry ?? null, row.parent_entry ?? null]
          : [
              row.submission_id ?? null,
              row.s_state ?? null,
              row.s_received_at ?? null,
              Number(row.s_has_conflict) === 1 ? 'yes' : 'no',
            ];
        yield {
          kind: 'row',
          table,
          row: [...key, ...table.columns.map((c) => label.value(c, row[c.column] ?? null))],
        };
      }
      if (page.length < pageSize) break;
      const last = page.at(-1) as Record<string, string | number | null>;
      after = [String(last.submission_id), String(last.entry ?? '')];
    }
  }
}

export const exportJob: JobKind = {
  name: 'submissions-export',
  async run(tools) {
    const params = tools.params as ExportParams;
    const version = await tools.deps.readDb
      .selectFrom('forms')
      .innerJoin('form_versions', (join) =>
        join
          .onRef('form_versions.workspace_id', '=', 'forms.workspace_id')
          .onRef('form_versions.id', '=', 'forms.latest_version_id'),
      )
      .select(['form_versions.model'])
      .where('forms.workspace_id', '=', params.workspaceId)
      .where('forms.id', '=', params.formId)
      .executeTakeFirst();
    const form = version ? (JSON.parse(version.model) as Form) : null;
    if (!form) throw new Error('the form has no published version to export');
    const total = await countRows(tools.deps.readDb, {
      workspaceId: params.workspaceId,
      formId: params.formId,
      state: params.state ?? null,
    });
    const stamp = tools.job.created_at.slice(0, 10);
    const fileName = `${params.formKey}-${stamp}.${params.format === 'csv' ? 'zip' : 'xlsx'}`;
    const path = tools.outputPath(fileName);
    let done = 0;
    if (params.format === 'csv') {
      const zip = new ZipWriter(path);
      let file: Awaited<ReturnType<ZipWriter['file']>> | null = null;
      for await (const step of rowsOf(tools, params, form)) {
        if (step.kind === 'header') {
          await file?.end();
          file = await zip.file(`${step.table.name}.csv`);
          await file.write(`\uFEFF${step.header.map(csvCell).join(',')}\r\n`);
        } else {
          await file?.write(`${step.row.map(csvCell).join(',')}\r\n`);
          if (!step.table.repeatPath && ++done % 1000 === 0) await tools.progress(done, total);
        }
      }
      await file?.end();
      await zip.close();
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useStyles: false,
        useSharedStrings: false,
      });
      let sheet: ExcelJS.Worksheet | null = null;
      for await (const step of rowsOf(tools, params, form)) {
        if (step.kind === 'header') {
          sheet?.commit();
          sheet = workbook.addWorksheet(step.table.name.slice(0, 31));
          sheet.addRow(step.header).commit();
        } else {
          sheet?.addRow(step.row.map(safe)).commit();
          if (!step.table.repeatPath && ++done % 1000 === 0) await tools.progress(done, total);
        }
      }
      sheet?.commit();
      await workbook.commit();
    }
    await tools.progress(total, total);
    const contentType =
      params.format === 'csv'
        ? 'application/zip'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { result: { rows: total }, file: { name: fileName, contentType, size: statSync(path).size } };
  },
};
