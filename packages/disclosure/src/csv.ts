// The public CSV of one published table (RFC 4180): one row per cell, hidden counts and rates as
// HIDDEN_SYMBOL, whatever the reason. Category and area ids, not labels, so that the file reads
// the same in every language; margins are TOTAL.
import { HIDDEN_SYMBOL } from './input.ts';
import type { PublishedTable } from './publish.ts';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function tableCsv(table: PublishedTable): string {
  const header = ['level', 'area', ...table.dimensions, 'count'];
  if (table.rateOf !== undefined) header.push('rate');
  const lines = [header.map(field).join(',')];
  for (const cell of table.cells) {
    const row = [
      cell.level,
      cell.area,
      ...table.dimensions.map((dimension) => cell.categories[dimension]!),
      cell.count === null ? HIDDEN_SYMBOL : String(cell.count),
    ];
    if (table.rateOf !== undefined)
      row.push(cell.rate === undefined ? '' : cell.rate === null ? HIDDEN_SYMBOL : String(cell.rate));
    lines.push(row.map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
