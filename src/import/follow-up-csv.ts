import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The CSV layout of follow-ups, shared by import and export (README, "Bulk import and CSV
 * export"): one row per measurement; the follow-up's columns are repeated on each of its rows and
 * grouped by `follow_up_key`. A follow-up without measurements is one row whose measurement
 * columns are empty.
 */
export const FOLLOW_UP_COLUMNS = [
  'follow_up_key',
  'organisation',
  'product_id',
  'product_gtin',
  'supplier_id',
  'supplier_organisation_number',
  'contract_id',
  'requirement_codes',
  'method',
  'status',
  'performed_on',
  'valid_until',
  'visibility',
  'laboratory',
  'report_reference',
  'notes',
  'confidential_notes',
  // Written by the export: the code of the organisation that recorded the follow-up on its
  // organisation's behalf, under a delegation (empty: the organisation itself). An import does not
  // read it: it records who imports.
  'recorded_by',
] as const;
export const MEASUREMENT_COLUMNS = [
  'substance_cas',
  'part',
  'detected',
  'value',
  'loq',
  'unit',
  'uncertainty',
  'analytical_method',
] as const;
export const CSV_COLUMNS = [...FOLLOW_UP_COLUMNS, ...MEASUREMENT_COLUMNS] as const;
export const REQUIRED_COLUMNS = ['follow_up_key', 'method'] as const;

export type FollowUpColumn = (typeof FOLLOW_UP_COLUMNS)[number];
export type MeasurementColumn = (typeof MEASUREMENT_COLUMNS)[number];
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One data row as text, trimmed; absent columns are ''. `row` is its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  values: Record<CsvColumn, string>;
}

/** A problem with a file: the row (1 is the header), the column ('' for the whole row) and the reason. */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** Separates the codes in `requirement_codes`. */
export const LIST_SEPARATOR = ';';

/** One record of a file as read: its row number as the file shows it, and its cells as text. */
export interface FileRecord {
  row: number;
  cells: string[];
}

/**
 * Parses a CSV text (RFC 4180: `"` quoted, empty lines skipped) with the given delimiter, then
 * reads the records as the layout's rows (`recordsToRows`).
 */
export function parseFollowUpCsv(text: string, delimiter = ','): { rows: CsvRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, delimiter }) as string[][];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], errors: [{ row: e.lines ?? 1, column: '', reason: `the file is not valid CSV: ${e.message}` }] };
  }
  return recordsToRows(records.map((cells, i) => ({ row: i + 1, cells })));
}

const isBlank = (r: FileRecord) => r.cells.every((c) => !c.trim());

/**
 * Reads records (of a CSV file or a worksheet) as the layout's rows. The header is the first record
 * that names at least two of the layout's columns (a title above it, as spreadsheets often have, is
 * skipped), else the first that is not blank. Blank records (Excel's `;;;;`, a sheet's formatted but
 * empty rows) are skipped; a column without a name is ignored when it is empty throughout. Header
 * problems and rows with the wrong number of fields are returned as errors together with the rows that
 * could be read, so that one pass reports everything.
 */
export function recordsToRows(all: readonly FileRecord[]): { rows: CsvRow[]; errors: RowError[]; header: string[] } {
  const records = all.filter((r) => !isBlank(r));
  const known = new Set<string>(CSV_COLUMNS);
  const names = (r: FileRecord) => r.cells.map((h) => h.trim().toLowerCase());
  const at = Math.max(
    0,
    records.findIndex((r) => names(r).filter((h) => known.has(h)).length >= 2),
  );
  if (!records.length)
    return {
      rows: [],
      errors: [{ row: 1, column: '', reason: 'the file is empty; it needs a header row and at least one data row' }],
      header: [],
    };

  const errors: RowError[] = [];
  const headerRecord = records[at]!;
  const header = names(headerRecord);
  const data = records.slice(at + 1);
  const unnamedAndEmpty = (i: number) => !header[i] && data.every((r) => !(r.cells[i] ?? '').trim());
  header.forEach((h, i) => {
    if (unnamedAndEmpty(i)) return;
    if (!known.has(h))
      errors.push({
        row: headerRecord.row,
        column: h || `#${i + 1}`,
        reason: h
          ? `unknown column; the columns are ${CSV_COLUMNS.join(', ')}`
          : `this column has values but no name in the header; the columns are ${CSV_COLUMNS.join(', ')}`,
      });
    else if (header.indexOf(h) !== i)
      errors.push({ row: headerRecord.row, column: h, reason: 'appears more than once' });
  });
  for (const required of REQUIRED_COLUMNS)
    if (!header.includes(required))
      errors.push({ row: headerRecord.row, column: required, reason: 'the header must have this column' });
  if (!data.length)
    errors.push({ row: headerRecord.row, column: '', reason: 'the file has a header but no data rows' });

  const indexOf = CSV_COLUMNS.map((c) => header.indexOf(c));
  const rows: CsvRow[] = [];
  for (const record of data) {
    const { row, cells } = record;
    // Trailing empty fields beyond the header (a spreadsheet's extra separators) are not fields.
    let length = cells.length;
    while (length > header.length && !cells[length - 1]!.trim()) length--;
    if (length !== header.length) {
      errors.push({
        row,
        column: '',
        reason: `has ${length} field${length === 1 ? '' : 's'}; the header has ${header.length}`,
      });
      continue;
    }
    const values = {} as Record<CsvColumn, string>;
    CSV_COLUMNS.forEach((c, i) => (values[c] = indexOf[i]! >= 0 ? (cells[indexOf[i]!] ?? '').trim() : ''));
    rows.push({ row, values });
  }
  return { rows, errors, header };
}

/** Writes rows in the layout, with the header; every value is text, quoted where CSV needs it. */
export function formatFollowUpCsv(rows: ReadonlyArray<Record<CsvColumn, string>>): string {
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' },
  );
}
