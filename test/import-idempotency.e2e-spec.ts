import { jest } from '@jest/globals';
import { TransactionService } from '../src/database/transaction.service.js';
import { CAS, daysAgo, FollowUpFactory } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Imports that can be repeated (issue 16, item 1), over HTTP on a real database (SQLite, and
 * PostgreSQL with DATABASE_URL): each follow-up of a file is found by its identity and is NEW,
 * UNCHANGED or CHANGED; the same file twice stores nothing; a CHANGED one is refused, skipped or
 * updated as onExisting says; an export re-imported is UNCHANGED; imports racing do not duplicate.
 */
const HEADER =
  'follow_up_key,organisation,product_id,requirement_codes,method,status,performed_on,visibility,laboratory,report_reference,notes,substance_cas,part,detected,value,loq,unit,analytical_method';
const IMPORT = `mutation ($csv: String!, $dryRun: Boolean, $onExisting: OnExisting) {
  importFollowUps(csv: $csv, dryRun: $dryRun, onExisting: $onExisting) {
    dryRun onExisting imported followUps measurements created updated unchanged skipped
    outcomes { key row outcome followUpId matchedBy written differences { field stored imported } }
    errors { row column reason } } }`;
const TABLES = ['follow_ups', 'follow_up_requirements', 'measurements', 'events'];

describe('importFollowUps: repeatable imports', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let product: { id: string };
  let run = '';

  const importCsv = async (
    csv: string,
    options: { dryRun?: boolean; onExisting?: string } = {},
    token = TOKENS.skane,
  ) => dataOf(await sut.gql(IMPORT, { csv, ...options }, token)).importFollowUps;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(
          async (t) => [t, Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)] as const,
        ),
      ),
    );
  /** A row; `o` overrides columns by name. The report reference is unique per test unless given. */
  const row = (o: Record<string, string | number>) => {
    const base: Record<string, string | number> = {
      follow_up_key: 'k1',
      organisation: '',
      product_id: product.id,
      requirement_codes: 'K-PHT-01',
      method: 'LAB_ANALYSIS',
      status: 'COMPLETED',
      performed_on: daysAgo(10),
      visibility: 'SHARED',
      laboratory: 'Eurofins',
      report_reference: `R-${run}-${o.follow_up_key ?? 'k1'}`,
      notes: '',
      substance_cas: CAS.DEHP,
      part: 'PVC',
      detected: 'true',
      value: 120,
      loq: '',
      unit: 'MG_PER_KG',
      analytical_method: 'GC-MS',
    };
    return HEADER.split(',')
      .map((c) => String(c in o ? o[c]! : base[c]!))
      .map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
      .join(',');
  };
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
  /** Two follow-ups: one with a report reference and two measurements, one identified by its content. */
  const twoFollowUps = () =>
    file(
      row({ follow_up_key: 'lab' }),
      row({ follow_up_key: 'lab', substance_cas: CAS.DBP, detected: 'false', value: '', loq: 10 }),
      row({ follow_up_key: 'content', report_reference: '', performed_on: daysAgo(30), value: 55 }),
    );

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    product = await f.product((await f.supplier()).id);
  }, 60_000);
  beforeEach(() => (run = Math.random().toString(36).slice(2, 8)));
  afterAll(() => sut.close());

  it('the same file twice stores nothing the second time: every follow-up is UNCHANGED', async () => {
    const csv = twoFollowUps();
    const first = await importCsv(csv);
    expect(first).toMatchObject({ imported: true, created: 2, followUps: 2, measurements: 3, errors: [] });
    expect(first.outcomes.map((o: any) => [o.key, o.outcome, o.written])).toEqual([
      ['lab', 'NEW', true],
      ['content', 'NEW', true],
    ]);
    const after = await counts();

    const second = await importCsv(csv);

    expect(second).toMatchObject({
      imported: true,
      followUps: 0,
      measurements: 0,
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
    expect(second.outcomes).toEqual([
      expect.objectContaining({ key: 'lab', outcome: 'UNCHANGED', matchedBy: 'REPORT_REFERENCE', written: false }),
      expect.objectContaining({ key: 'content', outcome: 'UNCHANGED', matchedBy: 'CONTENT', written: false }),
    ]);
    expect(second.outcomes.map((o: any) => o.followUpId)).toEqual(first.outcomes.map((o: any) => o.followUpId));
    expect(await counts()).toEqual(after); // not even an event
  });

  it("content identity: the measurements in another order, and a part's case, are the same follow-up; another value is a new one", async () => {
    const measurements = [
      { substance_cas: CAS.DEHP, part: 'PVC', value: 10 },
      { substance_cas: CAS.DBP, part: 'Skum', value: 20 },
    ];
    const rows = (list: typeof measurements) =>
      list.map((m) => row({ follow_up_key: 'c', report_reference: '', ...m }));
    expect(await importCsv(file(...rows(measurements)))).toMatchObject({ created: 1 });

    const reordered = await importCsv(file(...rows([measurements[1]!, measurements[0]!])));
    expect(reordered).toMatchObject({ created: 0, unchanged: 1 });

    // The part's label is compared as written, so "pvc" is the same follow-up, CHANGED.
    const relabelled = await importCsv(file(...rows([{ ...measurements[0]!, part: 'pvc' }, measurements[1]!])), {
      dryRun: true,
    });
    expect(relabelled.outcomes[0]).toMatchObject({ outcome: 'CHANGED', matchedBy: 'CONTENT' });

    const other = await importCsv(file(...rows([{ ...measurements[0]!, value: 11 }, measurements[1]!])));
    expect(other).toMatchObject({ created: 1, unchanged: 0 });
  });

  it('a follow-up recorded through the API, without a report reference, is found by its content', async () => {
    const own = await f.product((await f.supplier()).id);
    const recorded = await f.record(
      {
        productId: own.id,
        requirementIds: [await f.requirementId('K-PHT-01')],
        method: 'LAB_ANALYSIS',
        performedOn: daysAgo(12),
        status: 'COMPLETED',
        visibility: 'SHARED',
        laboratory: 'Eurofins',
        measurements: [
          {
            substanceCas: CAS.DEHP,
            part: 'PVC',
            detected: true,
            value: 120,
            unit: 'MG_PER_KG',
            analyticalMethod: 'GC-MS',
          },
        ],
      },
      TOKENS.skane,
      'id',
    );
    const same = file(
      row({ follow_up_key: 'api', report_reference: '', product_id: own.id, performed_on: daysAgo(12) }),
    );
    const before = await counts();
    const result = await importCsv(same);
    expect(result).toMatchObject({ created: 0, unchanged: 1, errors: [] });
    expect(result.outcomes[0]).toMatchObject({ outcome: 'UNCHANGED', matchedBy: 'CONTENT', followUpId: recorded.id });
    expect(await counts()).toEqual(before);
    const noted = await importCsv(same.replace(',Eurofins,,', ',Eurofins,,Anteckning'), { dryRun: true });
    expect(noted.outcomes[0]).toMatchObject({ outcome: 'CHANGED', followUpId: recorded.id });
  });

  describe('a CHANGED follow-up', () => {
    let csv: string;
    let changed: string;
    let id: string;

    beforeEach(async () => {
      csv = file(
        row({ follow_up_key: 'x' }),
        row({ follow_up_key: 'x', substance_cas: CAS.DBP, detected: 'false', value: '', loq: 10 }),
      );
      changed = file(
        row({ follow_up_key: 'x', notes: 'Omtestad' }),
        row({ follow_up_key: 'x', substance_cas: CAS.DBP, detected: 'true', value: 7, notes: 'Omtestad' }),
      );
      id = (await importCsv(csv)).outcomes[0].followUpId;
    });

    it('a dry run says CHANGED and lists the fields and measurements that differ', async () => {
      const before = await counts();
      const result = await importCsv(changed, { dryRun: true });
      expect(result).toMatchObject({ dryRun: true, imported: false, onExisting: 'REJECT' });
      expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'follow_up_key' })]);
      expect(result.outcomes).toEqual([
        {
          key: 'x',
          row: 2,
          outcome: 'CHANGED',
          followUpId: id,
          matchedBy: 'REPORT_REFERENCE',
          written: false,
          differences: [
            { field: 'notes', stored: null, imported: 'Omtestad' },
            {
              field: 'measurement',
              stored: `${CAS.DBP} in "PVC": not detected, LOQ 10 MG_PER_KG (GC-MS)`,
              imported: null,
            },
            { field: 'measurement', stored: null, imported: `${CAS.DBP} in "PVC": detected 7 MG_PER_KG (GC-MS)` },
          ],
        },
      ]);
      expect(await importCsv(changed, { dryRun: true, onExisting: 'UPDATE' })).toMatchObject({
        updated: 1,
        followUps: 1,
        measurements: 2,
      });
      expect(await counts()).toEqual(before);
    });

    it('REJECT (the default) lists it as a row error and stores nothing', async () => {
      const before = await counts();
      const result = await importCsv(changed);
      expect(result).toMatchObject({ imported: false, followUps: 0 });
      expect(result.outcomes).toEqual([expect.objectContaining({ outcome: 'CHANGED', written: false })]);
      expect(result.errors).toEqual([
        {
          row: 2,
          column: 'follow_up_key',
          reason: expect.stringMatching(
            new RegExp(
              `^"x" is follow-up ${id} \\(the same organisation and report_reference "R-\\w+-x"\\), stored with other values \\(notes, measurement\\)`,
            ),
          ),
        },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('SKIP leaves it as it is, and stores the rest', async () => {
      const before = await counts();
      const result = await importCsv(changed.trimEnd() + '\n' + row({ follow_up_key: 'new' }) + '\n', {
        onExisting: 'SKIP',
      });
      expect(result).toMatchObject({ imported: true, created: 1, skipped: 1, updated: 0, errors: [] });
      expect(await counts()).toMatchObject({
        follow_ups: before.follow_ups + 1,
        measurements: before.measurements + 1,
      });
      expect((await followUp(id)).notes).toBeNull();
    });

    it("UPDATE writes the file's version as a new version with its UPDATED event", async () => {
      const before = await counts();
      const result = await importCsv(changed, { onExisting: 'UPDATE' });
      expect(result).toMatchObject({ imported: true, updated: 1, followUps: 1, measurements: 2, errors: [] });
      expect(result.outcomes[0]).toMatchObject({ outcome: 'CHANGED', followUpId: id, written: true });
      expect(await counts()).toEqual({ ...before, events: before.events + 2 }); // IMPORTED + UPDATED
      const stored = await followUp(id);
      expect(stored).toMatchObject({ version: 2, notes: 'Omtestad' });
      expect(stored.measurements.map((m: any) => [m.substance.casNumber, m.detected, m.value])).toEqual([
        [CAS.DEHP, true, 120],
        [CAS.DBP, true, 7],
      ]);
      const [event] = await sut.dataSource.query(
        "SELECT type, payload FROM events WHERE follow_up_id = $1 AND type = 'UPDATED'".replace(
          '$1',
          sut.dataSource.options.type === 'postgres' ? '$1' : '?',
        ),
        [id],
      );
      expect(JSON.parse(event.payload)).toMatchObject({ changed: ['notes', 'measurements'], version: 2 });

      // Now the file's version is the stored one: importing it again stores nothing.
      const again = await importCsv(changed, { onExisting: 'UPDATE' });
      expect(again).toMatchObject({ updated: 0, unchanged: 1 });
    });
  });

  it('an export, changed and re-imported, is found by its follow_up_key (the id) and updated', async () => {
    const own = await f.product((await f.supplier()).id);
    const created = await importCsv(file(row({ follow_up_key: 'e', report_reference: '', product_id: own.id })));
    const id = created.outcomes[0].followUpId;
    const exported: string = dataOf(
      await sut.gql('query ($p: ID!) { followUpsCsv(filter: {productId: $p}) }', { p: own.id }, TOKENS.skane),
    ).followUpsCsv;
    expect((await importCsv(exported)).outcomes[0]).toMatchObject({ outcome: 'UNCHANGED', matchedBy: 'ID' });

    const edited = exported.replace(',Eurofins,', ',SGS,');
    const result = await importCsv(edited, { onExisting: 'UPDATE' });
    expect(result.outcomes[0]).toMatchObject({
      outcome: 'CHANGED',
      matchedBy: 'ID',
      followUpId: id,
      differences: [{ field: 'laboratory', stored: 'Eurofins', imported: 'SGS' }],
    });
    expect(await followUp(id)).toMatchObject({ version: 2, laboratory: 'SGS' });
  });

  it('two follow-ups of one file that are the same follow-up are a row error', async () => {
    const result = await importCsv(
      file(
        row({ follow_up_key: 'a', report_reference: 'R-same' }),
        row({ follow_up_key: 'b', report_reference: 'R-same' }),
      ),
    );
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'follow_up_key',
        reason: '"b" is the same follow-up as "a" (row 2): the same organisation and report_reference "R-same"',
      },
    ]);
  });

  it('imports of the same file racing each other store it once', async () => {
    const csv = file(
      ...Array.from({ length: 20 }, (_, i) => row({ follow_up_key: `r${i}` })),
      ...Array.from({ length: 5 }, (_, i) => row({ follow_up_key: `c${i}`, report_reference: '', value: 1000 + i })),
    );
    const before = await counts();

    const results = await Promise.all(Array.from({ length: 4 }, () => importCsv(csv)));

    expect(results.map((r) => r.errors)).toEqual([[], [], [], []]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(25);
    expect(results.map((r) => r.created + r.unchanged)).toEqual([25, 25, 25, 25]);
    const after = await counts();
    expect(after.follow_ups - before.follow_ups).toBe(25);
    expect(after.measurements - before.measurements).toBe(25);
  });

  it('imports that both looked before either wrote: the unique identity stops the second, which looks again and stores nothing', async () => {
    // Hold each import's transaction until all have planned, so they surely race past their lookups.
    const tx = sut.app.get(TransactionService);
    const run = tx.run.bind(tx);
    let arrived = 0;
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    const held = jest.spyOn(tx, 'run').mockImplementation(async (work) => {
      if (++arrived <= 3) {
        if (arrived === 3) release();
        await all;
      }
      return run(work);
    });
    const csv = file(row({ follow_up_key: 'p' }), row({ follow_up_key: 'q', report_reference: '', value: 999 }));
    const before = await counts();
    try {
      const results = await Promise.all([importCsv(csv), importCsv(csv), importCsv(csv)]);
      expect(results.map((r) => [r.errors, r.created + r.unchanged])).toEqual([
        [[], 2],
        [[], 2],
        [[], 2],
      ]);
      expect(results.map((r) => r.created).sort()).toEqual([0, 0, 2]);
    } finally {
      held.mockRestore();
    }
    expect(arrived).toBe(3); // the losers looked again, found their follow-ups UNCHANGED and wrote nothing
    const after = await counts();
    expect([after.follow_ups - before.follow_ups, after.measurements - before.measurements]).toEqual([2, 2]);
  });

  async function followUp(id: string): Promise<any> {
    return dataOf(
      await sut.gql(
        `query ($id: ID!) { followUp(id: $id) { id version notes laboratory measurements { detected value substance { casNumber } } } }`,
        { id },
        TOKENS.skane,
      ),
    ).followUp;
  }
});
