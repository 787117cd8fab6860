import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { FollowUpImportService } from '../src/import/follow-up-import.service.js';
import { CAS, daysAgo, FollowUpFactory } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * The files people have (issue 16, item 2), made here as their programs make them and imported
 * twice on a real database: Swedish Excel's ";" CSV with decimal commas in Windows-1252 and in UTF-8
 * with a BOM, an XLSX workbook with a title, merged cells and formatted empty rows, the template, and
 * the XLSX export. Each stores its follow-ups once; the second import stores nothing.
 */
const TABLES = ['follow_ups', 'measurements', 'events'];
const IMPORT = `mutation ($csv: String!) { importFollowUps(csv: $csv) {
  imported created unchanged errors { row column reason } format { kind encoding delimiter decimalSeparator sheet } } }`;

describe('importing the files people have', () => {
  let sut: TestApp;
  let importer: FollowUpImportService;
  let product: { id: string; gtin: string | null };
  let run = '';

  const skane = { principal: null, defaultOrganisationCode: 'region-skane' };
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(
          async (t) => [t, Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)] as const,
        ),
      ),
    );
  /** Imports twice: the first stores `followUps` and `measurements`, the second nothing. */
  async function twice(bytes: Buffer, followUps: number, measurements: number, sheet?: string) {
    const before = await counts();
    const first = await importer.importFile(bytes, skane, { sheet });
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({ imported: true, created: followUps, measurements });
    const middle = await counts();
    expect(middle.follow_ups - before.follow_ups).toBe(followUps);
    expect(middle.measurements - before.measurements).toBe(measurements);
    const second = await importer.importFile(bytes, skane, { sheet });
    expect(second).toMatchObject({ imported: true, created: 0, unchanged: followUps, errors: [] });
    expect(await counts()).toEqual(middle);
    return first;
  }

  /** What Excel in Swedish writes for "Spara som CSV (semikolonavgränsad)". */
  const excelCsv = (notes: string, gtin = product.gtin) =>
    [
      'follow_up_key;product_gtin;requirement_codes;method;performed_on;laboratory;report_reference;notes;substance_cas;part;detected;value;loq;unit',
      `Lekboll-1;${gtin};K-PHT-01;LAB_ANALYSIS;${daysAgo(20)};Eurofins;R-${run};${notes};${CAS.DEHP};PVC;true;0,05;;PERCENT_WW`,
      `Lekboll-1;${gtin};K-PHT-01;LAB_ANALYSIS;${daysAgo(20)};Eurofins;R-${run};${notes};${CAS.DBP};PVC;false;;12,5;MG_PER_KG`,
      `Lekboll-2;${gtin};K-PHT-01;LAB_ANALYSIS;${daysAgo(40)};Eurofins;;${notes};${CAS.DEHP};Skum;true;1 250,5;;MG_PER_KG`,
      ';;;;;;;;;;;;;',
    ].join('\r\n') + '\r\n';

  beforeAll(async () => {
    sut = await startTestApp();
    importer = sut.app.get(FollowUpImportService);
    const f = new FollowUpFactory(sut);
    product = await f.product((await f.supplier()).id);
  }, 60_000);
  beforeEach(() => (run = Math.random().toString(36).slice(2, 8)));
  afterAll(() => sut.close());

  it('Excel\'s ";" CSV with decimal commas in Windows-1252: the en dash and å ä ö arrive, the numbers are read', async () => {
    const bytes = iconv.encode(excelCsv('Lekboll PVC 22 cm – blå, röd'), 'windows-1252');
    const first = await twice(bytes, 2, 3);
    expect(first.format).toEqual({
      kind: 'CSV',
      encoding: 'Windows-1252',
      delimiter: ';',
      decimalSeparator: ',',
      sheet: null,
    });
    const [stored] = await sut.dataSource.query(
      `SELECT notes FROM follow_ups WHERE id = '${first.outcomes[0]!.followUpId}'`,
    );
    expect(stored.notes).toBe('Lekboll PVC 22 cm – blå, röd');
    const values = await sut.dataSource.query(
      `SELECT value, loq FROM measurements WHERE follow_up_id IN ('${first.outcomes.map((o) => o.followUpId).join("','")}') ORDER BY created_at, position`,
    );
    expect(values.map((v: any) => [v.value, v.loq])).toEqual(
      expect.arrayContaining([
        [0.05, null],
        [null, 12.5],
        [1250.5, null],
      ]),
    );
  });

  it('the same file in UTF-8 with a BOM, and as text through GraphQL, which says how it read it', async () => {
    const text = excelCsv(
      'Lekboll – UTF-8',
      (await new FollowUpFactory(sut).product((await new FollowUpFactory(sut).supplier()).id)).gtin,
    );
    await twice(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 2, 3);
    const answer = dataOf(await sut.gql(IMPORT, { csv: text }, TOKENS.skane)).importFollowUps;
    expect(answer).toEqual({
      imported: true,
      created: 0,
      unchanged: 2,
      errors: [],
      format: { kind: 'CSV', encoding: null, delimiter: ';', decimalSeparator: ',', sheet: null },
    });
  });

  it('an XLSX workbook: a named sheet with a merged title, merged header and follow-up cells, and formatted empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Läs mig').getCell('A1').value = 'Resultaten finns på bladet Resultat';
    const sheet = workbook.addWorksheet('Resultat');
    sheet.getCell('A1').value = 'Analysrapport – Eurofins';
    sheet.mergeCells('A1:K1');
    const header = [
      'follow_up_key',
      'product_id',
      'requirement_codes',
      'method',
      'performed_on',
      'notes',
      '',
      'report_reference',
      'substance_cas',
      'part',
      'detected',
      'value',
      'loq',
      'unit',
    ];
    header.forEach((h, i) => (sheet.getRow(2).getCell(i + 1).value = h || null));
    sheet.mergeCells('F2:G2'); // "notes" spread over two columns
    const rows: ExcelJS.CellValue[][] = [
      [
        'x1',
        product.id,
        'K-PHT-01',
        'LAB_ANALYSIS',
        new Date(`${daysAgo(5)}T00:00:00Z`),
        'Väska',
        null,
        `X-${run}`,
        CAS.DEHP,
        'Handtag',
        true,
        120,
        null,
        'MG_PER_KG',
      ],
      [null, null, null, null, null, null, null, null, CAS.DBP, 'Handtag', false, null, 10, 'MG_PER_KG'],
      [
        'x2',
        product.id,
        'K-PHT-01',
        'LAB_ANALYSIS',
        daysAgo(6),
        'Väska',
        null,
        '',
        CAS.DEHP,
        'Rem',
        'true',
        '0,5',
        null,
        'PERCENT_WW',
      ],
    ];
    rows.forEach((cells, r) => cells.forEach((v, c) => (sheet.getRow(3 + r).getCell(c + 1).value = v)));
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'H']) sheet.mergeCells(`${col}3:${col}4`); // x1 over its two rows
    for (let r = 6; r <= 30; r++) sheet.getRow(r).getCell(2).border = { bottom: { style: 'thin' } };
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const first = await twice(bytes, 2, 3, 'Resultat');
    expect(first.format).toEqual({
      kind: 'XLSX',
      encoding: null,
      delimiter: null,
      decimalSeparator: ',',
      sheet: 'Resultat',
    });
    expect(first.outcomes.map((o) => [o.key, o.row])).toEqual([
      ['x1', 3],
      ['x2', 5],
    ]);
  });

  it('GET /imports/template.xlsx: the columns with drop-down lists and the sheets of substances; filled in, it imports once', async () => {
    const base = sut.url.replace('/graphql', '');
    expect((await fetch(`${base}/imports/template.xlsx`)).status).toBe(401);
    const response = await fetch(`${base}/imports/template.xlsx`, {
      headers: { authorization: `Bearer ${TOKENS.reader}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['follow-ups', 'substances', 'requirements', 'units']);
    const sheet = workbook.getWorksheet('follow-ups')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('follow_up_key');
    const column = (name: string) => sheet.getColumn(header.indexOf(name) + 1).letter;
    expect(sheet.getCell(`${column('method')}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"LAB_ANALYSIS,DOCUMENT_REVIEW,SUPPLIER_DECLARATION,DESK_AUDIT,SITE_AUDIT"'],
    });
    expect(sheet.getCell(`${column('unit')}100`).dataValidation).toMatchObject({ type: 'list' });
    const cas: unknown[] = [];
    workbook.getWorksheet('substances')!.eachRow((r) => cas.push(r.getCell(1).value));
    expect(cas).toContain(CAS.DEHP);

    // Filled in as a user would, and imported: the template's own sheet is read by default.
    const fill = (row: number, values: Record<string, ExcelJS.CellValue>) =>
      Object.entries(values).forEach(([name, v]) => (sheet.getCell(`${column(name)}${row}`).value = v));
    const common = {
      follow_up_key: 't1',
      product_id: product.id,
      requirement_codes: 'K-PHT-01',
      method: 'LAB_ANALYSIS',
      performed_on: daysAgo(3),
      report_reference: `T-${run}`,
    };
    fill(2, { ...common, substance_cas: CAS.DEHP, part: 'PVC', detected: 'true', value: 0.02, unit: 'PERCENT_WW' });
    fill(3, { ...common, substance_cas: CAS.DBP, part: 'PVC', detected: 'false', loq: 5, unit: 'MG_PER_KG' });
    const filled = await twice(Buffer.from(await workbook.xlsx.writeBuffer()), 1, 2);
    expect(filled.format).toMatchObject({ kind: 'XLSX', sheet: 'follow-ups' });
  });

  it('followUpsXlsx: the export as a workbook, which imports again as UNCHANGED throughout', async () => {
    const own = await new FollowUpFactory(sut).product((await new FollowUpFactory(sut).supplier()).id);
    const csv = excelCsv('Export – XLSX', own.gtin)
      .replace('follow_up_key;', 'confidential_notes;follow_up_key;')
      .replace(/\r\n(Lekboll)/g, '\r\nHemligt recept;$1');
    await importer.importFile(Buffer.from(csv, 'utf8'), skane);
    const base64 = dataOf(
      await sut.gql('query ($p: ID!) { followUpsXlsx(filter: {productId: $p}) }', { p: own.id }, TOKENS.skane),
    ).followUpsXlsx;
    const bytes = Buffer.from(base64, 'base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(4); // header + 3 measurements
    const mine = workbook.worksheets[0]!;
    const columns = (mine.getRow(1).values as unknown[]).slice(1);
    expect(mine.getRow(2).getCell(columns.indexOf('confidential_notes') + 1).value).toBe('Hemligt recept');
    const before = await counts();
    const again = await importer.importFile(bytes, skane);
    expect(again).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 2 });
    expect(again.outcomes.map((o) => o.matchedBy)).toEqual(['ID', 'ID']);
    expect(await counts()).toEqual(before);

    // Another organisation's export: the same visibility rule as followUpsCsv (no confidential notes, no PRIVATE ones).
    const theirs = Buffer.from(
      dataOf(
        await sut.gql('query ($p: ID!) { followUpsXlsx(filter: {productId: $p}) }', { p: own.id }, TOKENS.stockholm),
      ).followUpsXlsx,
      'base64',
    );
    const seen = new ExcelJS.Workbook();
    await seen.xlsx.load(theirs as unknown as ArrayBuffer);
    const sheet = seen.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(header.indexOf('confidential_notes') + 1).value).toBeNull();
    expect(sheet.getRow(2).getCell(header.indexOf('notes') + 1).value).toBe('Export – XLSX');
  });
});
