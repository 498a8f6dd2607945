// The one CSV encoder of every export: RFC 4180 (quoted where needed, CRLF), UTF-8 with a BOM so
// spreadsheet programs read the accents, and formula cells neutralised (csv-stringify's
// escape_formulas, the OWASP "CSV injection" rule): a text cell starting with = + - @ (or their
// full-width forms), a tab or a CR gets a leading quote whatever follows; number cells stay numbers.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export interface Table {
  header: string[];
  rows: CsvCell[][];
}

export function toCsv(table: Table): string {
  return stringify([table.header, ...table.rows], { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}
