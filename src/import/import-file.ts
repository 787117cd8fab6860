import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseFollowUpCsv, recordsToRows, type CsvRow, type FileRecord, type RowError } from './follow-up-csv.js';

/** How a file was read, told in the answer so a user sees what was assumed (ImportFormat in the schema). */
export interface ImportFormat {
  kind: 'CSV' | 'XLSX';
  /** CSV: UTF-8, UTF-8 with BOM, UTF-16LE or Windows-1252; null for text given as a string (GraphQL) and for XLSX. */
  encoding: string | null;
  /** CSV: the field separator found in the header line. */
  delimiter: string | null;
  /** How decimals are written in value, loq and uncertainty: `.` or `,` (Swedish Excel). */
  decimalSeparator: '.' | ',';
  /** XLSX: the worksheet read. */
  sheet: string | null;
}

export interface ReadFile {
  rows: CsvRow[];
  errors: RowError[];
  format: ImportFormat;
}

const DELIMITERS = [',', ';', '\t'] as const;
const NUMERIC = ['value', 'loq', 'uncertainty'] as const;
/** `0,05`, `1 234,5`, `1,5E-03`: a decimal comma (spaces or no-break spaces may group thousands). */
const COMMA_DECIMAL =
  /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?:[eE][+-]?\d+)?$|^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;
/** `0.05`, `.5`, `1e-3` with a point: a decimal point. */
const POINT_DECIMAL = /^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$/;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads a follow-up file as people have them: XLSX (recognised by its content, whatever the name),
 * or CSV in UTF-8 (with or without a BOM), UTF-16LE with a BOM (Excel's "Unicode text") or
 * Windows-1252 (older Excel on Windows), separated by `,`, `;` (Excel in Swedish) or tabs, with
 * decimal points or decimal commas. What was found is returned as `format`.
 *
 * Windows-1252 is decoded with iconv-lite: Node's TextDecoder('windows-1252') follows the WHATWG
 * label mapping but decodes 0x80–0x9F as Latin-1 control characters, so "–" (0x96) would be lost.
 * A file that is valid UTF-8 is read as UTF-8; any other is Windows-1252, the one 8-bit encoding
 * Swedish Excel writes (every byte decodes, so this never fails).
 */
export async function readFollowUpFile(bytes: Buffer, options: { sheet?: string | null } = {}): Promise<ReadFile> {
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes, options.sheet ?? null);
  if (bytes.subarray(0, 4).equals(OLE))
    return failed('CSV', 'an Excel 97–2003 workbook (.xls) cannot be read: save it as .xlsx or as CSV');
  if (options.sheet) return failed('CSV', `sheet "${options.sheet}": a CSV file has no sheets`);
  const { text, encoding } = decode(bytes);
  return readFollowUpText(text, encoding);
}

/** Reads CSV given as text (GraphQL's `csv`): the delimiter and the decimal separator are detected. */
export function readFollowUpText(text: string, encoding: string | null = null): ReadFile {
  const delimiter = detectDelimiter(text);
  const { rows, errors } = parseFollowUpCsv(text, delimiter);
  const decimals = normaliseDecimals(rows);
  return {
    rows,
    errors: [...errors, ...decimals.errors],
    format: { kind: 'CSV', encoding, delimiter, decimalSeparator: decimals.separator, sheet: null },
  };
}

function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'Windows-1252' };
  }
}

/** The separator of the header line (the first line that is not blank): the one of `,` `;` tab it has most of, outside quotes. */
export function detectDelimiter(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
    if (c.trim()) seen = true;
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Finds how the file writes decimals in value, loq and uncertainty, and rewrites decimal commas as
 * points, so the rows' checks see one notation. A file with both notations is read by the one most
 * of its numbers use; each number in the other is an error naming the row, rather than a guess
 * (`1,005` could be a thousand and five). `typed` cells (an XLSX number cell) have no notation of their own.
 */
export function normaliseDecimals(
  rows: CsvRow[],
  typed: (row: number, column: string) => boolean = () => false,
): { separator: '.' | ','; errors: RowError[] } {
  let commas = 0;
  let points = 0;
  let example: { row: number; text: string } | null = null;
  for (const r of rows)
    for (const c of NUMERIC) {
      if (typed(r.row, c)) continue;
      const v = r.values[c];
      if (COMMA_DECIMAL.test(v)) {
        commas++;
        example ??= { row: r.row, text: v };
      } else if (POINT_DECIMAL.test(v)) points++;
    }
  if (!commas || commas < points) return { separator: '.', errors: [] };
  const errors: RowError[] = [];
  for (const r of rows)
    for (const c of NUMERIC) {
      if (typed(r.row, c)) continue;
      const v = r.values[c];
      if (COMMA_DECIMAL.test(v)) r.values[c] = v.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
      else if (POINT_DECIMAL.test(v))
        errors.push({
          row: r.row,
          column: c,
          reason: `"${v}": this file writes decimals with a comma (row ${example!.row}: "${example!.text}"); write this number the same way`,
        });
    }
  return { separator: ',', errors };
}

/**
 * Reads a worksheet (the named one, else the first) as records, by the row numbers Excel shows.
 * Cells are read as text: numbers as JavaScript writes them, dates as YYYY-MM-DD, formulas by their
 * result, rich text as its text. A merged cell's value belongs to its first cell; cells merged below
 * it in the same column repeat it (a follow-up's columns merged over its measurement rows), cells
 * merged beside it are empty (a header spread over several columns).
 */
async function readXlsx(bytes: Buffer, sheetName: string | null): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return failed('XLSX', `the file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName ? sheets.find((s) => s.name === sheetName) : sheets[0];
  if (!sheet)
    return failed(
      'XLSX',
      sheetName
        ? `sheet "${sheetName}": the workbook has no such sheet; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`
        : 'the workbook has no sheets',
      sheetName,
    );
  const width = sheet.columnCount;
  const records: FileRecord[] = [];
  /** Cells holding a number (not text): `${row}:${column index}`. */
  const numbers = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      const master = cell.isMerged ? cell.master : cell;
      const value = master === cell || master.col === cell.col ? master.value : null;
      if (typeof value === 'number') numbers.add(`${rowNumber}:${col - 1}`);
      cells.push(cellText(value));
    }
    records.push({ row: rowNumber, cells });
  });
  const { rows, errors, header } = recordsToRows(records);
  const decimals = normaliseDecimals(rows, (row, column) => numbers.has(`${row}:${header.indexOf(column)}`));
  return {
    rows,
    errors: [...errors, ...decimals.errors],
    format: { kind: 'XLSX', encoding: null, delimiter: null, decimalSeparator: decimals.separator, sheet: sheet.name },
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return ''; // an error value (#N/A)
}

function failed(kind: ImportFormat['kind'], reason: string, sheet: string | null = null): ReadFile {
  return {
    rows: [],
    errors: [{ row: 1, column: '', reason }],
    format: { kind, encoding: null, delimiter: null, decimalSeparator: '.', sheet },
  };
}
