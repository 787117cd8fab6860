import ExcelJS from 'exceljs';
import { UNIT_SYMBOLS } from '../evaluation/units.js';
import { IMPORTABLE_STATUSES, METHODS, UNITS, VISIBILITIES } from '../vocabulary/vocabulary.js';
import { CSV_COLUMNS, type CsvColumn } from './follow-up-csv.js';

/** The sheet the import reads by default (the first) holds the follow-ups. */
export const FOLLOW_UPS_SHEET = 'follow-ups';
/** Rows of the template that carry the lists as data validation. */
const TEMPLATE_ROWS = 10_000;
const NUMERIC = new Set<CsvColumn>(['value', 'loq', 'uncertainty']);
const WIDTH: Partial<Record<CsvColumn, number>> = {
  follow_up_key: 38,
  organisation: 18,
  product_id: 38,
  product_gtin: 16,
  supplier_id: 38,
  supplier_organisation_number: 14,
  contract_id: 38,
  requirement_codes: 22,
  method: 22,
  status: 14,
  performed_on: 12,
  valid_until: 12,
  notes: 40,
  confidential_notes: 30,
  substance_cas: 14,
  part: 20,
  unit: 18,
  analytical_method: 16,
};

/** What a column holds, shown as the header cell's note. */
const NOTE: Partial<Record<CsvColumn, string>> = {
  follow_up_key: 'Required. Rows with the same key are one follow-up; an export writes the follow-up id here.',
  organisation: "The organisation's code; empty: your own.",
  product_gtin: 'The product by GTIN (or product_id).',
  requirement_codes: 'Codes separated by ; (see the sheet requirements).',
  performed_on: 'YYYY-MM-DD',
  valid_until: 'YYYY-MM-DD; default performed_on + 3 years.',
  report_reference: "With the organisation, the follow-up's identity: importing again finds it.",
  recorded_by: "Written by an export: the delegate that recorded it on the organisation's behalf. Not read on import.",
  substance_cas: 'CAS number (see the sheet substances); empty for a follow-up without measurements.',
  detected: 'true or false',
  value: 'When detected.',
  loq: 'Limit of quantification, when not detected.',
};

export interface TemplateData {
  substances: ReadonlyArray<{ casNumber: string; name: string; ecNumber: string | null }>;
  requirements: ReadonlyArray<{ code: string; title: string }>;
}

/**
 * The import template: a first sheet with the layout's columns (a note on each header saying what it
 * holds), the closed lists (method, status, visibility, detected, unit) as drop-down data validation
 * on its rows and the substance column checked against the sheet of substances; then the substances
 * (CAS, EC, name), the requirements (code, title) and the units with their symbols.
 */
export async function templateWorkbook(data: TemplateData): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = followUpsSheet(workbook);
  const list = (values: readonly string[]) => [`"${values.join(',')}"`];
  const lastSubstance = Math.max(2, data.substances.length + 1);
  const validations: Array<[CsvColumn, ExcelJS.DataValidation]> = [
    ['method', { type: 'list', allowBlank: false, formulae: list(METHODS) }],
    ['status', { type: 'list', allowBlank: true, formulae: list(IMPORTABLE_STATUSES) }],
    ['visibility', { type: 'list', allowBlank: true, formulae: list(VISIBILITIES) }],
    ['detected', { type: 'list', allowBlank: true, formulae: list(['true', 'false']) }],
    ['unit', { type: 'list', allowBlank: true, formulae: list(UNITS) }],
    ['substance_cas', { type: 'list', allowBlank: true, formulae: [`substances!$A$2:$A$${lastSubstance}`] }],
    ['value', { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] }],
    ['loq', { type: 'decimal', operator: 'greaterThan', allowBlank: true, formulae: [0] }],
    ['uncertainty', { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] }],
  ];
  // One rule per column range (exceljs keeps them by address; its typings do not declare the collection).
  const rules = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const [column, validation] of validations) {
    const letter = sheet.getColumn(CSV_COLUMNS.indexOf(column) + 1).letter;
    rules.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      ...validation,
      showErrorMessage: true,
      errorTitle: column,
      error: `Not a value the import accepts in ${column}`,
    });
  }

  const substances = workbook.addWorksheet('substances');
  substances.columns = [
    { header: 'cas_number', key: 'casNumber', width: 14 },
    { header: 'ec_number', key: 'ecNumber', width: 12 },
    { header: 'name', key: 'name', width: 60 },
  ];
  substances.addRows(
    data.substances.map((s) => ({ casNumber: s.casNumber, ecNumber: s.ecNumber ?? '', name: s.name })),
  );
  const requirements = workbook.addWorksheet('requirements');
  requirements.columns = [
    { header: 'code', key: 'code', width: 18 },
    { header: 'title', key: 'title', width: 80 },
  ];
  requirements.addRows(data.requirements.map((r) => ({ code: r.code, title: r.title })));
  const units = workbook.addWorksheet('units');
  units.columns = [
    { header: 'unit', key: 'unit', width: 18 },
    { header: 'symbol', key: 'symbol', width: 14 },
  ];
  units.addRows(UNITS.map((u) => ({ unit: u, symbol: UNIT_SYMBOLS[u] })));
  for (const s of [substances, requirements, units]) {
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Follow-ups in the import layout as a workbook (followUpsXlsx): one sheet, the same columns and rows
 * as the CSV export, so it imports again. Numbers are number cells; everything else is text (dates
 * too, so a spreadsheet does not turn them into its own date format on the way back).
 */
export async function followUpsWorkbook(rows: ReadonlyArray<Record<CsvColumn, string>>): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = followUpsSheet(workbook);
  for (const r of rows)
    sheet.addRow(CSV_COLUMNS.map((c) => (NUMERIC.has(c) && r[c] !== '' ? Number(r[c]) : r[c] === '' ? null : r[c])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Any table as a one-sheet workbook (a focus area's results, focusAreaResultsXlsx): a bold, frozen
 * header of the column names, numbers as number cells for the `numeric` columns, the rest as text.
 */
export async function tableWorkbook(
  sheetName: string,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, string | number | null>>,
  numeric: ReadonlySet<string> = new Set(),
): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: 20, style: numeric.has(c) ? {} : { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kemkollen';
  workbook.created = new Date(0); // the same data make the same bytes
  workbook.modified = new Date(0);
  return workbook;
}

function followUpsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(FOLLOW_UPS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CSV_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: WIDTH[c] ?? 12,
    style: NUMERIC.has(c) ? {} : { numFmt: '@' }, // text, so a spreadsheet keeps "0012" and "2026-01-10" as typed
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (const [column, note] of Object.entries(NOTE))
    header.getCell(CSV_COLUMNS.indexOf(column as CsvColumn) + 1).note = note;
  return sheet;
}
