import { CSV_COLUMNS, formatFollowUpCsv, parseFollowUpCsv, type CsvColumn, type CsvRow } from './follow-up-csv.js';
import { checkRows, type ImportReferences, type ImportScope } from './follow-up-rows.js';

/** The row checks of the import, on hand-made references: no database. */
const refs: ImportReferences = {
  organisations: new Map([
    ['region-skane', { id: 'skane', code: 'region-skane' }],
    ['region-stockholm', { id: 'sthlm', code: 'region-stockholm' }],
  ]),
  productsById: new Map([
    ['p1', { id: 'p1', supplierId: 's1' }],
    ['p2', { id: 'p2', supplierId: 's2' }],
  ]),
  productsByGtin: new Map([['7350012340018', { id: 'p1', supplierId: 's1' }]]),
  suppliersById: new Map([
    ['s1', { id: 's1' }],
    ['s2', { id: 's2' }],
  ]),
  suppliersByNumber: new Map([['556036-0793', { id: 's1' }]]),
  contracts: new Map([['c-skane', { id: 'c-skane', organisationId: 'skane' }]]),
  requirements: new Map([
    ['K-PHT-01', { id: 'r-pht', scope: { code: 'K-PHT-01', unit: 'PERCENT_WW', substanceIds: new Set(['dehp']) } }],
    ['K-SDS-SV', { id: 'r-sds', scope: { code: 'K-SDS-SV', unit: null, substanceIds: new Set() } }],
  ]),
  substances: new Map([
    ['117-81-7', 'dehp'],
    ['84-74-2', 'dbp'],
  ]),
};
const contact: ImportScope = {
  defaultOrganisationId: 'skane',
  onlyOrganisation: { id: 'skane', code: 'region-skane' },
  today: '2026-06-15',
};
const admin: ImportScope = { defaultOrganisationId: 'adda', onlyOrganisation: null, today: '2026-06-15' };

let next = 2;
function row(o: Partial<Record<CsvColumn, string>> = {}): CsvRow {
  const values = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>;
  Object.assign(
    values,
    {
      follow_up_key: 'k',
      product_id: 'p1',
      requirement_codes: 'K-PHT-01',
      method: 'LAB_ANALYSIS',
      performed_on: '2026-05-01',
      substance_cas: '117-81-7',
      part: 'PVC',
      detected: 'true',
      value: '120',
      unit: 'MG_PER_KG',
    },
    o,
  );
  return { row: next++, values };
}
beforeEach(() => (next = 2));

describe('checkRows', () => {
  it('groups rows by key into follow-ups with their measurements and applies the defaults', () => {
    const { drafts, errors } = checkRows(
      [
        row(),
        row({ substance_cas: '84-74-2', detected: 'false', value: '', loq: '10' }),
        row({ follow_up_key: 'other', product_id: '', product_gtin: '7350012340018' }),
      ],
      refs,
      contact,
    );
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({
      key: 'k',
      organisationId: 'skane',
      productId: 'p1',
      supplierId: 's1',
      requirementIds: ['r-pht'],
      status: 'COMPLETED',
      visibility: 'SHARED',
      validUntil: '2029-05-01',
      measurements: [
        { substanceId: 'dehp', part: 'PVC', detected: true, value: 120, loq: null, unit: 'MG_PER_KG' },
        { substanceId: 'dbp', detected: false, value: null, loq: 10 },
      ],
    });
    expect(drafts[1]).toMatchObject({ key: 'other', productId: 'p1', measurements: [{ substanceId: 'dehp' }] });
  });

  it('a follow-up without measurements is one row with empty measurement columns; a supplier-level one names only the supplier', () => {
    const empty = { substance_cas: '', part: '', detected: '', value: '', unit: '' };
    const { drafts, errors } = checkRows(
      [
        row({ ...empty, method: 'DOCUMENT_REVIEW', requirement_codes: 'K-SDS-SV' }),
        row({
          ...empty,
          follow_up_key: 'audit',
          method: 'DESK_AUDIT',
          product_id: '',
          supplier_organisation_number: '5560360793',
        }),
      ],
      refs,
      contact,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.productId, d.supplierId, d.measurements.length])).toEqual([
      ['p1', 's1', 0],
      [null, 's1', 0],
    ]);
  });

  it('a principal imports for its own organisation; the CLI (`admin` here) for any, and rows without one for its default', () => {
    // Another organisation's row is not an error yet: it is one unless it is stored exactly so (the import looks).
    const foreign = checkRows([row({ organisation: 'region-stockholm' })], refs, contact);
    expect(foreign.errors).toEqual([]);
    expect(foreign.drafts.map((d) => [d.organisationId, d.foreign])).toEqual([
      [
        'sthlm',
        {
          row: 2,
          column: 'organisation',
          reason:
            '"region-stockholm": you can import only for your own organisation (region-skane) or one that has delegated IMPORTS to it',
        },
      ],
    ]);
    const { drafts } = checkRows(
      [row({ organisation: 'region-stockholm' }), row({ follow_up_key: 'mine' })],
      refs,
      admin,
    );
    expect(drafts.map((d) => d.organisationId)).toEqual(['sthlm', 'adda']);
    next = 2;
    expect(checkRows([row()], refs, { ...admin, defaultOrganisationId: null }).errors).toEqual([
      { row: 2, column: 'organisation', reason: 'required: the code of the organisation the follow-up is for' },
    ]);
  });

  it('a delegate imports for an organisation that delegated IMPORTS to it: recorded on its behalf, SHARED, without confidential notes', () => {
    const delegate: ImportScope = { ...contact, delegating: new Map([['sthlm', 'd-1']]) };
    const { drafts, errors } = checkRows(
      [row({ organisation: 'region-stockholm' }), row({ follow_up_key: 'own' })],
      refs,
      delegate,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.organisationId, d.recordedBy ?? null])).toEqual([
      ['sthlm', { organisationId: 'skane', delegationId: 'd-1' }],
      ['skane', null],
    ]);
    expect(
      checkRows(
        [row({ organisation: 'region-stockholm', visibility: 'PRIVATE', confidential_notes: 'x' })],
        refs,
        delegate,
      ).errors.map((e) => e.column),
    ).toEqual(['visibility', 'confidential_notes']);
  });

  it('lists every problem of every row, in row order, and drafts nothing from a bad follow-up', () => {
    const rows = [
      row({ follow_up_key: 'a' }),
      row({ follow_up_key: 'b', supplier_id: 's2', contract_id: 'c-other' }),
      row({ follow_up_key: 'a', laboratory: 'changed', part: 'Foam' }),
      row({ follow_up_key: 'c', status: 'PLANNED', performed_on: '2026-09-01' }),
      row({ follow_up_key: '' }),
      row({ follow_up_key: 'd', detected: 'false', value: '5', uncertainty: '-1', unit: 'MG_PER_L' }),
      row({ follow_up_key: 'e', visibility: 'PUBLIC', valid_until: '2020-01-01' }),
    ];
    const { drafts, errors } = checkRows(rows, refs, contact);
    expect(errors).toEqual(
      [
        { row: 3, column: 'supplier_id', reason: "the product's supplier is s1" },
        { row: 3, column: 'contract_id', reason: '"c-other": no contract has this id' },
        {
          row: 4,
          column: 'laboratory',
          reason:
            'differs from row 2, the first row of follow-up "a"; a follow-up\'s columns must be the same on all its rows',
        },
        {
          row: 5,
          column: 'substance_cas',
          reason: 'a PLANNED follow-up has no results yet; import it IN_PROGRESS or COMPLETED',
        },
        { row: 6, column: 'follow_up_key', reason: 'required: rows of one follow-up share a key' },
        { row: 7, column: 'value', reason: 'a result not detected has no value; give its loq instead' },
        { row: 7, column: 'loq', reason: 'a result not detected needs the limit of quantification (loq)' },
        {
          row: 7,
          column: 'unit',
          reason: 'MG_PER_L (mg/L) does not fit requirement K-PHT-01, whose limit is in % w/w',
        },
        { row: 7, column: 'uncertainty', reason: 'only a detected value has an uncertainty' },
        { row: 8, column: 'valid_until', reason: '"2020-01-01": must not be before performedOn "2026-05-01"' },
        { row: 8, column: 'visibility', reason: '"PUBLIC": must be SHARED or PRIVATE' },
      ].sort((x, y) => x.row - y.row),
    );
    expect(drafts).toEqual([]);
  });
});

describe('CSV layout', () => {
  it('parses quoted fields, a BOM, CRLF and blank lines, and writes what it reads', () => {
    const text =
      '\uFEFFfollow_up_key,notes,METHOD\r\n"k,1","a ""quoted"" note\nover two lines",LAB_ANALYSIS\r\n\r\nk2,,DOCUMENT_REVIEW\r\n';
    const { rows, errors } = parseFollowUpCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.values.follow_up_key, r.values.notes, r.values.method])).toEqual([
      [2, 'k,1', 'a "quoted" note\nover two lines', 'LAB_ANALYSIS'],
      [3, 'k2', '', 'DOCUMENT_REVIEW'],
    ]);
    const again = parseFollowUpCsv(formatFollowUpCsv(rows.map((r) => r.values)));
    expect(again.rows.map((r) => r.values)).toEqual(rows.map((r) => r.values));
  });

  it('reports an unknown or repeated column, a missing required one and a row of the wrong width', () => {
    const { errors } = parseFollowUpCsv('follow_up_key,follow_up_key,colour\na,b,c\nd,e\n');
    expect(errors).toEqual([
      { row: 1, column: 'follow_up_key', reason: 'appears more than once' },
      { row: 1, column: 'colour', reason: expect.stringContaining('unknown column') },
      { row: 1, column: 'method', reason: 'the header must have this column' },
      { row: 3, column: '', reason: 'has 2 fields; the header has 3' },
    ]);
  });
});
