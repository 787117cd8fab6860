import { CAS, daysAgo, daysFromNow, FollowUpFactory, plusYears } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { codeOf, startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * importFollowUps and followUpsCsv over HTTP (on SQLite, and on PostgreSQL with DATABASE_URL):
 * a valid file is stored with recordFollowUp's meaning; a file with bad rows scattered through
 * it stores nothing and lists every bad row by row, column and reason; only ADMINs import for
 * other organisations; the export respects visibility and imports again to the same follow-ups.
 */
const HEADER =
  'follow_up_key,organisation,product_id,product_gtin,requirement_codes,method,status,performed_on,valid_until,visibility,laboratory,report_reference,notes,confidential_notes,substance_cas,part,detected,value,loq,unit,uncertainty,analytical_method';
const IMPORT =
  'mutation ($csv: String!, $dryRun: Boolean) { importFollowUps(csv: $csv, dryRun: $dryRun) { dryRun imported followUps measurements errors { row column reason } } }';
const EXPORT = 'query ($filter: FollowUpFilter) { followUpsCsv(filter: $filter) }';
const TABLES = ['follow_ups', 'follow_up_requirements', 'measurements', 'events'];

describe('importFollowUps and followUpsCsv', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let product: { id: string; gtin: string | null };
  let other: { id: string; gtin: string | null };
  let run = '';
  beforeEach(() => (run = Math.random().toString(36).slice(2, 8)));

  const importCsv = async (csv: string, token: string, dryRun?: boolean) =>
    dataOf(await sut.gql(IMPORT, { csv, dryRun }, token)).importFollowUps;
  const exportCsv = async (filter: Record<string, unknown>, token: string): Promise<string> =>
    dataOf(await sut.gql(EXPORT, { filter }, token)).followUpsCsv;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(
          async (t) => [t, Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)] as const,
        ),
      ),
    );
  const line = (cells: Array<string | number>) =>
    cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
  /** A row of the layout above; `o` overrides columns by name. */
  const row = (o: Record<string, string | number>) => {
    const base: Record<string, string | number> = {
      follow_up_key: 'k1',
      organisation: '',
      product_id: product.id,
      product_gtin: '',
      requirement_codes: 'K-PHT-01',
      method: 'LAB_ANALYSIS',
      status: 'COMPLETED',
      performed_on: daysAgo(10),
      valid_until: '',
      visibility: 'SHARED',
      laboratory: 'Eurofins',
      // Unique per test and follow-up: organisation + report_reference is a follow-up's identity.
      report_reference: `R-${run}-${o.follow_up_key ?? 'k1'}`,
      notes: '',
      confidential_notes: '',
      substance_cas: CAS.DEHP,
      part: 'PVC',
      detected: 'true',
      value: 120,
      loq: '',
      unit: 'MG_PER_KG',
      uncertainty: '',
      analytical_method: 'GC-MS',
    };
    return line(HEADER.split(',').map((c) => (c in o ? o[c]! : base[c]!)));
  };
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    const supplier = await f.supplier();
    product = await f.product(supplier.id);
    other = await f.product(supplier.id);
  }, 60_000);
  afterAll(() => sut.close());

  it('stores a valid file: follow-ups grouped by key with their measurements, events and recordFollowUp defaults', async () => {
    const csv = file(
      row({
        follow_up_key: 'lab',
        part: 'PVC',
        substance_cas: CAS.DEHP,
        detected: 'true',
        value: 120,
        uncertainty: 15,
      }),
      row({ follow_up_key: 'lab', part: 'PVC', substance_cas: CAS.DBP, detected: 'false', value: '', loq: 10 }),
      row({ follow_up_key: 'lab', part: 'Skum', substance_cas: CAS.DEHP, detected: 'false', value: '', loq: 5 }),
      row({
        follow_up_key: 'plan',
        status: 'PLANNED',
        performed_on: daysFromNow(40),
        method: 'LAB_ANALYSIS',
        substance_cas: '',
        part: '',
        detected: '',
        value: '',
        unit: '',
        analytical_method: '',
        report_reference: '',
      }),
      row({
        follow_up_key: 'doc',
        product_id: '',
        product_gtin: other.gtin!,
        method: 'DOCUMENT_REVIEW',
        requirement_codes: 'K-SDS-SV; K-PFAS-01',
        visibility: 'PRIVATE',
        notes: 'Säkerhetsdatablad, "version 3"',
        confidential_notes: 'Receptur, rad 2\nrad 3',
        substance_cas: '',
        part: '',
        detected: '',
        value: '',
        unit: '',
        analytical_method: '',
        laboratory: '',
      }),
    );
    const before = await counts();

    const result = await importCsv(csv, TOKENS.skane);

    expect(result).toEqual({ dryRun: false, imported: true, followUps: 3, measurements: 3, errors: [] });
    expect(await counts()).toEqual({
      follow_ups: before.follow_ups + 3,
      follow_up_requirements: before.follow_up_requirements + 4,
      measurements: before.measurements + 3,
      events: before.events + 4,
    });
    const q = `query ($p: ID!) { followUps(filter: {productId: $p}, orderBy: PERFORMED_ON_ASC) { nodes {
      id status method performedOn validUntil visibility laboratory notes confidentialNotes organisation { code } requirements { code }
      measurements { part detected value loq unit uncertainty analyticalMethod substance { casNumber } } history { type actorOrganisation { code } } } } }`;
    const lab = dataOf(await sut.gql(q, { p: product.id }, TOKENS.skane)).followUps.nodes;
    expect(lab).toHaveLength(2);
    expect(lab[0]).toMatchObject({
      status: 'COMPLETED',
      method: 'LAB_ANALYSIS',
      performedOn: daysAgo(10),
      validUntil: plusYears(daysAgo(10), 3),
      visibility: 'SHARED',
      laboratory: 'Eurofins',
      organisation: { code: 'region-skane' },
      requirements: [{ code: 'K-PHT-01' }],
      history: [{ type: 'RECORDED', actorOrganisation: { code: 'region-skane' } }],
      measurements: [
        {
          part: 'PVC',
          detected: true,
          value: 120,
          loq: null,
          unit: 'MG_PER_KG',
          uncertainty: 15,
          analyticalMethod: 'GC-MS',
          substance: { casNumber: CAS.DEHP },
        },
        {
          part: 'PVC',
          detected: false,
          value: null,
          loq: 10,
          unit: 'MG_PER_KG',
          uncertainty: null,
          analyticalMethod: 'GC-MS',
          substance: { casNumber: CAS.DBP },
        },
        {
          part: 'Skum',
          detected: false,
          value: null,
          loq: 5,
          unit: 'MG_PER_KG',
          uncertainty: null,
          analyticalMethod: 'GC-MS',
          substance: { casNumber: CAS.DEHP },
        },
      ],
    });
    expect(lab[1]).toMatchObject({
      status: 'PLANNED',
      performedOn: daysFromNow(40),
      measurements: [],
      history: [{ type: 'PLANNED' }],
    });
    const [doc] = dataOf(await sut.gql(q, { p: other.id }, TOKENS.skane)).followUps.nodes;
    expect(doc).toMatchObject({
      method: 'DOCUMENT_REVIEW',
      visibility: 'PRIVATE',
      notes: 'Säkerhetsdatablad, "version 3"',
      confidentialNotes: 'Receptur, rad 2\nrad 3',
      measurements: [],
    });
    expect(doc.requirements.map((r: { code: string }) => r.code).sort()).toEqual(['K-PFAS-01', 'K-SDS-SV']);
    // PRIVATE: another organisation does not see it.
    expect(dataOf(await sut.gql(q, { p: other.id }, TOKENS.stockholm)).followUps.nodes).toEqual([]);
  });

  it('a dry run checks the whole file and stores nothing', async () => {
    const before = await counts();
    const result = await importCsv(
      file(
        row({ follow_up_key: 'a' }),
        row({ follow_up_key: 'a', substance_cas: CAS.DBP }),
        row({ follow_up_key: 'b' }),
      ),
      TOKENS.skane,
      true,
    );
    expect(result).toEqual({ dryRun: true, imported: false, followUps: 2, measurements: 3, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it('a file with bad rows scattered through it stores nothing and lists every bad row by row, column and reason', async () => {
    // 40 follow-ups of 3 measurements each (rows 2–121), with problems in 9 rows, far apart.
    const rows: string[] = [];
    for (let i = 0; i < 40; i++) {
      for (const [k, cas] of [CAS.DEHP, CAS.DBP, CAS.BBP].entries())
        rows.push(row({ follow_up_key: `f${i}`, substance_cas: cas, part: `Del ${k}`, report_reference: `R-${i}` }));
    }
    const bad: Array<[number, Record<string, string | number>]> = [
      [3, { substance_cas: '117-81-8' }],
      [17, { detected: 'false', value: '', loq: '' }],
      [30, { detected: 'true', value: 12, loq: 5 }],
      [44, { unit: 'MG_PER_L' }],
      [58, { value: 'tolv' }],
      [71, { substance_cas: '9999-99-9' }],
      [85, { report_reference: 'R-other' }],
      [99, { performed_on: '2025-02-30' }],
      [118, { detected: 'ja' }],
    ];
    for (const [index, o] of bad) {
      const i = Math.floor(index / 3);
      rows[index] = row({
        follow_up_key: `f${i}`,
        substance_cas: [CAS.DEHP, CAS.DBP, CAS.BBP][index % 3]!,
        part: `Del ${index % 3}`,
        report_reference: `R-${i}`,
        ...o,
      });
    }
    rows.splice(60, 0, `${row({ follow_up_key: 'extra' })},surplus`);
    const before = await counts();

    const result = await importCsv(file(...rows), TOKENS.skane);

    // Spreadsheet rows: the header is row 1, rows[i] is row i + 2 (after the inserted row, i + 3).
    const at = (index: number) => (index >= 60 ? index + 3 : index + 2);
    expect(result.imported).toBe(false);
    expect(result.followUps).toBe(0);
    expect(result.errors).toEqual([
      { row: at(3), column: 'substance_cas', reason: '"117-81-8": check digit should be 7' },
      { row: at(17), column: 'loq', reason: 'a result not detected needs the limit of quantification (loq)' },
      {
        row: at(30),
        column: 'loq',
        reason: 'an LOQ is given only for a result that was not detected (detected: false)',
      },
      {
        row: at(44),
        column: 'unit',
        reason: 'MG_PER_L (mg/L) does not fit requirement K-PHT-01, whose limit is in % w/w',
      },
      { row: at(58), column: 'value', reason: '"tolv": must be a number written with a decimal point, e.g. 0.05' },
      { row: 62, column: '', reason: 'has 23 fields; the header has 22' },
      { row: at(71), column: 'substance_cas', reason: '"9999-99-9": no substance has this CAS number' },
      {
        row: at(85),
        column: 'report_reference',
        reason: `differs from row ${at(84)}, the first row of follow-up "f28"; a follow-up's columns must be the same on all its rows`,
      },
      { row: at(99), column: 'performed_on', reason: '"2025-02-30": must be a date written YYYY-MM-DD' },
      // The first row of f33 gives its date; its other rows must repeat it.
      {
        row: at(100),
        column: 'performed_on',
        reason: `differs from row ${at(99)}, the first row of follow-up "f33"; a follow-up's columns must be the same on all its rows`,
      },
      {
        row: at(101),
        column: 'performed_on',
        reason: `differs from row ${at(99)}, the first row of follow-up "f33"; a follow-up's columns must be the same on all its rows`,
      },
      { row: at(118), column: 'detected', reason: '"ja": must be true or false' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports header problems and unknown references', async () => {
    const header = await importCsv('follow_up_key,methd,substance_cas\nx,LAB_ANALYSIS,117-81-7\n', TOKENS.skane);
    expect(header.errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'methd', reason: expect.stringContaining('unknown column') },
        { row: 1, column: 'method', reason: 'the header must have this column' },
      ]),
    );
    const refs = await importCsv(
      file(
        row({ follow_up_key: 'a', product_id: '00000000-0000-4000-8000-000000000000' }),
        row({ follow_up_key: 'b', product_id: '', product_gtin: '7350012340017' }),
        row({ follow_up_key: 'c', requirement_codes: 'K-PHT-01;K-NOPE' }),
        row({ follow_up_key: 'd', method: 'GUESS', status: 'RETRACTED' }),
        row({ follow_up_key: 'e', status: 'PLANNED', performed_on: daysFromNow(5) }),
        row({ follow_up_key: 'f', performed_on: daysFromNow(5) }),
      ),
      TOKENS.skane,
    );
    expect(refs.errors).toEqual([
      { row: 2, column: 'product_id', reason: '"00000000-0000-4000-8000-000000000000": no product has this id' },
      { row: 3, column: 'product_gtin', reason: '"7350012340017": check digit should be 8' },
      { row: 4, column: 'requirement_codes', reason: 'no requirement has the code "K-NOPE"' },
      { row: 5, column: 'method', reason: expect.stringContaining('"GUESS": must be one of LAB_ANALYSIS') },
      { row: 5, column: 'status', reason: 'a RETRACTED follow-up cannot be imported' },
      {
        row: 6,
        column: 'substance_cas',
        reason: 'a PLANNED follow-up has no results yet; import it IN_PROGRESS or COMPLETED',
      },
      {
        row: 7,
        column: 'performed_on',
        reason: `"${daysFromNow(5)}": cannot be in the future unless the follow-up is PLANNED`,
      },
    ]);
    expect((await importCsv('', TOKENS.skane)).errors).toEqual([
      { row: 1, column: '', reason: 'the file is empty; it needs a header row and at least one data row' },
    ]);
    expect((await importCsv(`${HEADER}\n"unclosed,quote\n`, TOKENS.skane)).errors[0]).toMatchObject({
      row: expect.any(Number),
      column: '',
      reason: expect.stringContaining('not valid CSV'),
    });
  });

  describe('permissions', () => {
    it('a READER may not import', async () => {
      const before = await counts();
      const r = await sut.gql(IMPORT, { csv: file(row({})) }, TOKENS.reader);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('a CONTACT_PERSON imports for its own organisation only: rows naming another are errors, and nothing is stored', async () => {
      const before = await counts();
      const result = await importCsv(
        file(
          row({ follow_up_key: 'mine', organisation: 'region-skane' }),
          row({ follow_up_key: 'theirs', organisation: 'region-stockholm' }),
        ),
        TOKENS.skane,
      );
      expect(result).toMatchObject({ imported: false, followUps: 0 });
      expect(result.errors).toEqual([
        {
          row: 3,
          column: 'organisation',
          reason:
            '"region-stockholm": you can import only for your own organisation (region-skane) or one that has delegated IMPORTS to it',
        },
      ]);
      expect(await counts()).toEqual(before);
      expect((await importCsv(file(row({ organisation: 'no-such-org' })), TOKENS.skane)).errors).toEqual([
        { row: 2, column: 'organisation', reason: '"no-such-org": no organisation has this code' },
      ]);
    });

    it('an ADMIN imports for its own organisation only (another takes a delegation: test/delegations.e2e-spec.ts)', async () => {
      const fresh = await f.product((await f.supplier()).id);
      const refused = await importCsv(
        file(
          row({ follow_up_key: 'a', product_id: fresh.id, organisation: 'region-stockholm' }),
          row({ follow_up_key: 'b', product_id: fresh.id, performed_on: daysAgo(200) }),
        ),
        TOKENS.admin,
      );
      expect(refused).toMatchObject({ imported: false, followUps: 0 });
      expect(refused.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'organisation', reason: expect.stringContaining('(adda)') }),
      ]);
      const own = await importCsv(file(row({ follow_up_key: 'b', product_id: fresh.id })), TOKENS.admin);
      expect(own).toMatchObject({ imported: true, followUps: 1, errors: [] });
      const nodes = dataOf(
        await sut.gql(
          'query ($p: ID!) { followUps(filter: {productId: $p}) { nodes { organisation { code } } } }',
          { p: fresh.id },
          TOKENS.admin,
        ),
      ).followUps.nodes;
      expect(nodes.map((n: any) => n.organisation.code)).toEqual(['adda']);
    });
  });

  describe('followUpsCsv', () => {
    let item: { id: string; gtin: string | null };
    const SECRET = 'Konfidentiellt: receptur';

    beforeAll(async () => {
      item = await f.product((await f.supplier()).id);
      const result = await importCsv(
        file(
          row({
            follow_up_key: 'shared',
            product_id: item.id,
            confidential_notes: SECRET,
            notes: 'Delad, med "citat", komma\noch radbrytning',
            uncertainty: 12.5,
          }),
          row({
            follow_up_key: 'shared',
            product_id: item.id,
            confidential_notes: SECRET,
            notes: 'Delad, med "citat", komma\noch radbrytning',
            substance_cas: CAS.DBP,
            detected: 'false',
            value: '',
            loq: 0.001,
            unit: 'PERCENT_WW',
          }),
          row({
            follow_up_key: 'private',
            product_id: item.id,
            visibility: 'PRIVATE',
            performed_on: daysAgo(20),
            confidential_notes: 'Privat',
          }),
          row({
            follow_up_key: 'docs',
            product_id: item.id,
            method: 'DOCUMENT_REVIEW',
            requirement_codes: 'K-SDS-SV',
            performed_on: daysAgo(30),
            substance_cas: '',
            part: '',
            detected: '',
            value: '',
            unit: '',
            analytical_method: '',
          }),
        ),
        TOKENS.skane,
      );
      expect(result.errors).toEqual([]);
      // A retracted follow-up is not exported.
      const retracted = await f.record(
        {
          productId: item.id,
          requirementIds: [],
          method: 'DOCUMENT_REVIEW',
          performedOn: daysAgo(40),
          status: 'COMPLETED',
          visibility: 'SHARED',
          measurements: [],
        },
        TOKENS.skane,
        'id',
      );
      await f.retract(retracted.id, TOKENS.skane);
    });

    const rowsOf = (csv: string) => csv.trim().split('\n');

    it("exports the filter's follow-ups in the import layout, to their owner with the confidential notes", async () => {
      const csv = await exportCsv({ productId: item.id }, TOKENS.skane);
      expect(rowsOf(csv)[0]).toBe(
        'follow_up_key,organisation,product_id,product_gtin,supplier_id,supplier_organisation_number,contract_id,requirement_codes,method,status,performed_on,valid_until,visibility,laboratory,report_reference,notes,confidential_notes,recorded_by,substance_cas,part,detected,value,loq,unit,uncertainty,analytical_method',
      );
      expect(csv).toContain(SECRET);
      expect(csv).toContain('Privat');
      expect(csv).toContain(`,${item.gtin},`);
      expect(csv).toContain('"Delad, med ""citat"", komma\noch radbrytning"');
      expect(csv).not.toContain('RETRACTED');
    });

    it("another organisation's export, holding Skåne's SHARED follow-ups, re-imports as UNCHANGED; changed, those rows are refused", async () => {
      const theirs = await exportCsv({ productId: item.id }, TOKENS.stockholm);
      expect(theirs).toContain('region-skane');
      const before = await counts();
      const again = dataOf(
        await sut.gql(
          'mutation ($csv: String!) { importFollowUps(csv: $csv) { imported followUps unchanged errors { row column reason } } }',
          { csv: theirs },
          TOKENS.stockholm,
        ),
      ).importFollowUps;
      expect(again).toEqual({ imported: true, followUps: 0, unchanged: 2, errors: [] });
      expect(await counts()).toEqual(before);

      const edited = theirs.replaceAll('Delad, med', 'Ändrad av Stockholm, med');
      const refused = await importCsv(edited, TOKENS.stockholm);
      expect(refused.imported).toBe(false);
      expect(refused.errors).toEqual([
        {
          row: 2,
          column: 'organisation',
          reason:
            '"region-skane": you can import only for your own organisation (region-stockholm) or one that has delegated IMPORTS to it',
        },
      ]);
      expect(await counts()).toEqual(before);
    });

    it("never exports another organisation's PRIVATE follow-ups nor its confidential notes", async () => {
      const csv = await exportCsv({ productId: item.id }, TOKENS.stockholm);
      expect(csv).not.toContain(SECRET);
      expect(csv).not.toContain('Privat');
      expect(csv).not.toContain('PRIVATE');
      expect(csv).toContain('Delad, med');
      const reader = await sut.gql(EXPORT, { filter: { productId: item.id } }, null);
      expect(codeOf(reader)).toBe('UNAUTHENTICATED');
    });

    it('an export imports again as UNCHANGED throughout, and stores nothing (round trip)', async () => {
      const filter = { productId: item.id, organisationId: await orgId('region-skane') };
      const first = await exportCsv(filter, TOKENS.skane);
      const before = await counts();

      const result = await importCsv(first, TOKENS.skane);

      expect(result).toEqual({ dryRun: false, imported: true, followUps: 0, measurements: 0, errors: [] });
      expect(await counts()).toEqual(before);
      expect(await exportCsv(filter, TOKENS.skane)).toBe(first);
    });

    async function orgId(code: string): Promise<string> {
      const r = dataOf(
        await sut.gql(
          'query ($s: String) { organisations(filter: {search: $s}) { nodes { id code } } }',
          { s: code },
          TOKENS.skane,
        ),
      );
      return r.organisations.nodes.find((o: { code: string }) => o.code === code).id;
    }
  });
});
