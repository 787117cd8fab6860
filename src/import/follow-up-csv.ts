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

/**
 * Parses a CSV text (RFC 4180: comma separated, `"` quoted, a UTF-8 BOM ignored, empty lines
 * skipped). Header problems and rows with the wrong number of fields are returned as errors
 * together with the rows that could be read, so that one pass reports everything.
 */
export function parseFollowUpCsv(text: string): { rows: CsvRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], errors: [{ row: e.lines ?? 1, column: '', reason: `the file is not valid CSV: ${e.message}` }] };
  }
  if (!records.length)
    return {
      rows: [],
      errors: [{ row: 1, column: '', reason: 'the file is empty; it needs a header row and at least one data row' }],
    };

  const errors: RowError[] = [];
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  header.forEach((h, i) => {
    if (!known.has(h))
      errors.push({
        row: 1,
        column: h || `#${i + 1}`,
        reason: `unknown column; the columns are ${CSV_COLUMNS.join(', ')}`,
      });
    else if (header.indexOf(h) !== i) errors.push({ row: 1, column: h, reason: 'appears more than once' });
  });
  for (const required of REQUIRED_COLUMNS)
    if (!header.includes(required))
      errors.push({ row: 1, column: required, reason: 'the header must have this column' });
  if (records.length === 1) errors.push({ row: 1, column: '', reason: 'the file has a header but no data rows' });

  const indexOf = CSV_COLUMNS.map((c) => header.indexOf(c));
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const row = r + 1;
    if (record.length !== header.length) {
      errors.push({
        row,
        column: '',
        reason: `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${header.length}`,
      });
      continue;
    }
    const values = {} as Record<CsvColumn, string>;
    CSV_COLUMNS.forEach((c, i) => (values[c] = indexOf[i]! >= 0 ? record[indexOf[i]!]!.trim() : ''));
    rows.push({ row, values });
  }
  return { rows, errors };
}

/** Writes rows in the layout, with the header; every value is text, quoted where CSV needs it. */
export function formatFollowUpCsv(rows: ReadonlyArray<Record<CsvColumn, string>>): string {
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' },
  );
}
