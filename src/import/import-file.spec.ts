import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectDelimiter, readFollowUpFile, readFollowUpText } from './import-file.js';

/** Files made as people's programs make them: Swedish Excel's CSV, Windows-1252, BOMs, XLSX with merges. */
const HEADER = [
  'follow_up_key',
  'method',
  'performed_on',
  'notes',
  'substance_cas',
  'part',
  'detected',
  'value',
  'loq',
];

describe('readFollowUpFile: CSV', () => {
  it('reads Excel\'s Swedish CSV: ";" separated, decimal commas, a UTF-8 BOM, CRLF, trailing separators', async () => {
    const text =
      '\uFEFF' +
      [
        'follow_up_key;method;performed_on;notes;substance_cas;part;detected;value;loq;',
        'k1;LAB_ANALYSIS;2026-01-10;Lekboll PVC 22 cm – omtest;117-81-7;PVC;true;0,05;;',
        'k1;LAB_ANALYSIS;2026-01-10;Lekboll PVC 22 cm – omtest;84-74-2;PVC;false;;1 250,5;',
        ';;;;;;;;;',
      ].join('\r\n') +
      '\r\n';
    const sut = await readFollowUpFile(Buffer.from(text, 'utf8'));
    expect(sut.errors).toEqual([]);
    expect(sut.format).toEqual({
      kind: 'CSV',
      encoding: 'UTF-8 with BOM',
      delimiter: ';',
      decimalSeparator: ',',
      sheet: null,
    });
    expect(sut.rows.map((r) => [r.row, r.values.notes, r.values.value, r.values.loq])).toEqual([
      [2, 'Lekboll PVC 22 cm – omtest', '0.05', ''],
      [3, 'Lekboll PVC 22 cm – omtest', '', '1250.5'],
    ]);
  });

  it('reads Windows-1252 bytes with iconv-lite: the en dash (0x96) and å, ä, ö survive', async () => {
    const text = `${HEADER.join(';')}\r\nk1;LAB_ANALYSIS;2026-01-10;Väska – blå, ö;117-81-7;Handtag;true;12,5;\r\n`;
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0x96)).toBe(true); // the en dash is one byte, as Excel on Windows writes it
    const sut = await readFollowUpFile(bytes);
    expect(sut.format).toMatchObject({ encoding: 'Windows-1252', delimiter: ';', decimalSeparator: ',' });
    expect(sut.rows[0]!.values).toMatchObject({ notes: 'Väska – blå, ö', value: '12.5' });
  });

  it('reads UTF-8 without a BOM, UTF-16LE with one, commas and tabs', async () => {
    const comma = `${HEADER.join(',')}\nk1,LAB_ANALYSIS,2026-01-10,"a, b – c",117-81-7,PVC,true,0.5,\n`;
    const utf8 = await readFollowUpFile(Buffer.from(comma, 'utf8'));
    expect(utf8.format).toMatchObject({ encoding: 'UTF-8', delimiter: ',', decimalSeparator: '.' });
    expect(utf8.rows[0]!.values).toMatchObject({ notes: 'a, b – c', value: '0.5' });

    const tabs = comma.replace('"a, b – c"', 'a – c').replace(/,/g, '\t');
    const utf16 = await readFollowUpFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabs, 'utf16le')]));
    expect(utf16.format).toMatchObject({ encoding: 'UTF-16LE', delimiter: '\t' });
    expect(utf16.rows[0]!.values).toMatchObject({ notes: 'a – c', value: '0.5' });
  });

  it.each([
    ['a;b,c;d\nx', ';'],
    ['"a;b";c,d,e\n', ','],
    ['\n\na\tb\tc;d\n', '\t'],
    ['follow_up_key\n', ','],
  ])('detects the delimiter of the header line %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('a file with both decimal commas and points is read by the commas, and each point is an error naming its row', () => {
    const text = [
      HEADER.join(';'),
      'k1;LAB_ANALYSIS;;;117-81-7;PVC;true;0,5;',
      'k2;LAB_ANALYSIS;;;117-81-7;PVC;true;0.7;',
    ].join('\n');
    const sut = readFollowUpText(text);
    expect(sut.format.decimalSeparator).toBe(',');
    expect(sut.errors).toEqual([
      {
        row: 3,
        column: 'value',
        reason: '"0.7": this file writes decimals with a comma (row 2: "0,5"); write this number the same way',
      },
    ]);
  });

  it('an Excel 97–2003 workbook and a sheet asked of a CSV file are plain errors', async () => {
    const xls = await readFollowUpFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls.errors[0]!.reason).toMatch(/\.xls\) cannot be read: save it as \.xlsx or as CSV/);
    const csv = await readFollowUpFile(Buffer.from('a,b\n'), { sheet: 'Resultat' });
    expect(csv.errors[0]!.reason).toBe('sheet "Resultat": a CSV file has no sheets');
  });
});

describe('readFollowUpFile: XLSX', () => {
  /** A workbook as a lab sends it: a merged title, a merged header cell, merged follow-up cells, formatted empty rows. */
  async function labWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Instruktioner').getCell('A1').value = 'Fyll i bladet Resultat';
    const sheet = workbook.addWorksheet('Resultat');
    sheet.getCell('A1').value = 'Analysresultat 2026 – Eurofins';
    sheet.mergeCells('A1:J1');
    // Row 2 is the header; "notes" spreads over D and E (a merged header cell), E has no values.
    const header = [
      'follow_up_key',
      'method',
      'performed_on',
      'notes',
      '',
      'substance_cas',
      'part',
      'detected',
      'value',
      'loq',
    ];
    header.forEach((h, i) => (sheet.getRow(2).getCell(i + 1).value = h || null));
    sheet.mergeCells('D2:E2');
    const data = [
      [
        'k1',
        'LAB_ANALYSIS',
        new Date(Date.UTC(2026, 0, 10)),
        'Lekboll – PVC',
        null,
        '117-81-7',
        'PVC',
        true,
        0.05,
        null,
      ],
      [null, null, null, null, null, '84-74-2', 'PVC', false, null, 10],
      [
        'k2',
        'LAB_ANALYSIS',
        new Date(Date.UTC(2026, 0, 12)),
        { richText: [{ text: 'Fet' }, { text: ' text' }] },
        null,
        '117-81-7',
        'Skum',
        'true',
        '0,5',
        null,
      ],
    ];
    data.forEach((cells, r) =>
      cells.forEach((v, c) => (sheet.getRow(3 + r).getCell(c + 1).value = v as ExcelJS.CellValue)),
    );
    // k1's follow-up columns are merged over its two measurement rows, as people lay them out.
    for (const col of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${col}3:${col}4`);
    // Trailing rows that are formatted but empty.
    for (let r = 6; r <= 40; r++)
      sheet.getRow(r).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads the named sheet: the title above the header is skipped, merged cells repeat down and stay empty across, empty rows are ignored', async () => {
    const sut = await readFollowUpFile(await labWorkbook(), { sheet: 'Resultat' });
    expect(sut.errors).toEqual([]);
    // Number cells have no notation; the one number typed as text, "0,5", has a decimal comma.
    expect(sut.format).toEqual({
      kind: 'XLSX',
      encoding: null,
      delimiter: null,
      decimalSeparator: ',',
      sheet: 'Resultat',
    });
    expect(
      sut.rows.map((r) => [
        r.row,
        r.values.follow_up_key,
        r.values.performed_on,
        r.values.notes,
        r.values.substance_cas,
        r.values.detected,
        r.values.value,
        r.values.loq,
      ]),
    ).toEqual([
      [3, 'k1', '2026-01-10', 'Lekboll – PVC', '117-81-7', 'true', '0.05', ''],
      [4, 'k1', '2026-01-10', 'Lekboll – PVC', '84-74-2', 'false', '', '10'],
      [5, 'k2', '2026-01-12', 'Fet text', '117-81-7', 'true', '0.5', ''],
    ]);
  });

  it('reads the first sheet by default, and names the sheets when the one asked for is not there', async () => {
    const first = await readFollowUpFile(await labWorkbook());
    expect(first.format.sheet).toBe('Instruktioner');
    expect(first.errors.map((e) => e.column)).toContain('follow_up_key');
    const missing = await readFollowUpFile(await labWorkbook(), { sheet: 'Blad1' });
    expect(missing.errors).toEqual([
      {
        row: 1,
        column: '',
        reason: 'sheet "Blad1": the workbook has no such sheet; its sheets are "Instruktioner", "Resultat"',
      },
    ]);
  });
});
