import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { buildFollowUp, CAS, FollowUpFactory, measure, phthalates } from './factories/follow-ups.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Defects found by probing from outside (issue 12, item 3): each answered with a client code and
 * a message naming the field, never an internal error, and nothing stored.
 */
describe('trust: abusive documents and inputs', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplierId: string;
  let pht: string;
  const logged: string[] = [];

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    supplierId = (await f.supplier()).id;
    pht = await f.requirementId('K-PHT-01');
    // The service's own log (formatGraphQLError) and Apollo's (its default logger writes to the console).
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await sut.close();
  });
  beforeEach(() => {
    logged.length = 0;
  });

  const post = async (body: Record<string, unknown>, token: string | null = TOKENS.skane) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': 'trust-probe-1' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(sut.url, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  describe('operationName that resolves no operation', () => {
    const twoOps = 'query A { me { role } } query B { suppliers(first: 1) { totalCount } }';
    it.each<[string, Record<string, unknown>]>([
      ['an unknown operationName', { query: '{ me { role } }', operationName: 'Nope' }],
      ['two named operations without operationName', { query: twoOps }],
      ['NUL in operationName', { query: twoOps, operationName: 'A\u0000' }],
    ])('%s is 400 OPERATION_RESOLUTION_FAILURE, also once the document is known', async (_name, body) => {
      // The second request is the one graphql-jit would answer (it compiles documents that come back).
      for (let i = 0; i < 3; i++) {
        const r = await post(body);
        expect(r.status).toBe(400);
        expect(r.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
      }
      expect(logged).toEqual([]);
    });
  });

  describe('persisted-query junk', () => {
    it.each<[string, Record<string, unknown>]>([
      [
        'a hash that does not match the query',
        { query: '{ me { role } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      ],
      [
        'version 2',
        { query: '{ me { role } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } },
      ],
      ['persistedQuery: "junk"', { query: '{ me { role } }', extensions: { persistedQuery: 'junk' } }],
      [
        'an unknown hash without a query',
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
      ],
    ])('%s: a client code (4xx, or 200 for a hash to register), nothing logged', async (_name, body) => {
      const r = await post(body);
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(r.body)).not.toMatch(/ at |node_modules/);
      expect(logged).toEqual([]);
    });
  });

  describe('completeFollowUp(performedOn) is validated as recordFollowUp validates it', () => {
    it.each(['2023-02-30', '0000-01-01', '2023-13-01', 'yesterday'])(
      '"%s" is BAD_USER_INPUT, nothing stored',
      async (day) => {
        const product = await f.product(supplierId);
        const planned = await f.record(
          buildFollowUp({ productId: product.id, status: 'PLANNED', performedOn: null, requirementIds: [pht] }),
          TOKENS.skane,
        );
        const r = await f.transitionRaw('complete', planned.id, TOKENS.skane, { performedOn: day });
        expectError(r, 'BAD_USER_INPUT', 'performedOn');
        const after = await f.get(planned.id, TOKENS.skane);
        expect(after).toMatchObject({ status: 'PLANNED', performedOn: null, version: planned.version });
      },
    );
  });

  it('followUpsCsv refuses the filter followUps refuses', async () => {
    for (const op of ['followUpsCsv(filter: $filter)', 'followUps(filter: $filter) { totalCount }']) {
      const r = await sut.gql(
        `query ($filter: FollowUpFilter) { ${op} }`,
        { filter: { validOn: '2025-13-01' } },
        TOKENS.skane,
      );
      expectError(r, 'BAD_USER_INPUT', 'validOn');
    }
    const ok = await sut.gql('query { followUpsCsv(filter: { validOn: "2025-12-01" }) }', {}, TOKENS.skane);
    expect(typeof dataOf(ok).followUpsCsv).toBe('string');
  });

  it('refuses a lone surrogate anywhere in the variables, naming where', async () => {
    const product = await f.product(supplierId);
    for (const lone of ['\ud800', 'abc\udfff', '\udc00\ud800']) {
      const input = buildFollowUp({ productId: product.id, notes: `Anteckning ${lone}` });
      const r = await f.recordRaw(input, TOKENS.skane);
      expect(r.status).toBe(400);
      expectError(r, 'BAD_USER_INPUT', 'variables.input.notes', 'surrogate');
    }
    // A whole pair (an emoji) is fine, and read back as sent.
    const saved = await f.record(buildFollowUp({ productId: product.id, notes: 'Lekmatta 🧸' }), TOKENS.skane);
    expect(saved.notes).toBe('Lekmatta 🧸');
    expect((await f.list({ productId: product.id }, TOKENS.skane)).totalCount).toBe(1);
  });

  describe('two results for one substance in one part of one follow-up', () => {
    it('recordFollowUp refuses them, listing each repeated result, and stores nothing', async () => {
      const product = await f.product(supplierId);
      const measurements = [
        ...phthalates('PVC surface', { [CAS.DEHP]: 800 }),
        measure.detected(CAS.DEHP, ' pvc SURFACE ', 20),
        measure.notDetected(CAS.DEHP, 'Foam core', 10),
      ];
      const r = await f.recordRaw(
        buildFollowUp({ productId: product.id, requirementIds: [pht], measurements }),
        TOKENS.skane,
      );
      expectError(r, 'BAD_USER_INPUT', 'measurements[4]', `${CAS.DEHP}`, 'measurements[0]');
      expect(r.errors![0]!.message).not.toContain('measurements[5]');
      expect((await f.list({ productId: product.id }, TOKENS.skane)).totalCount).toBe(0);
    });

    it('updateFollowUp refuses them too', async () => {
      const product = await f.product(supplierId);
      const saved = await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [pht], measurements: phthalates('PVC', {}) }),
        TOKENS.skane,
      );
      const r = await f.updateRaw(
        saved.id,
        saved.version,
        { measurements: [measure.detected(CAS.DBP, 'Kärna', 1), measure.detected(CAS.DBP, 'kärna', 2)] },
        TOKENS.skane,
      );
      expectError(r, 'BAD_USER_INPUT', 'measurements[1]');
      expect((await f.get(saved.id, TOKENS.skane)).measurements).toHaveLength(4);
    });

    it('the import refuses them, naming the row', async () => {
      const product = await f.product(supplierId);
      const header =
        'follow_up_key,organisation,product_id,product_gtin,supplier_id,supplier_organisation_number,contract_id,requirement_codes,method,status,performed_on,valid_until,visibility,laboratory,report_reference,notes,confidential_notes,substance_cas,part,detected,value,loq,unit,uncertainty,analytical_method';
      const row = (part: string, value: string) =>
        `k1,,${product.id},,,,,K-PHT-01,LAB_ANALYSIS,COMPLETED,2025-01-10,,SHARED,,,,,${CAS.DEHP},${part},true,${value},,MG_PER_KG,,`;
      const csv = [header, row('PVC', '5'), row('pvc ', '7')].join('\n');
      const r = await sut.gql(
        'mutation ($csv: String!) { importFollowUps(csv: $csv) { imported errors { row column reason } } }',
        { csv },
        TOKENS.skane,
      );
      const result = dataOf(r).importFollowUps;
      expect(result.imported).toBe(false);
      expect(result.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'part', reason: expect.stringContaining('row 2') }),
      ]);
      expect((await f.list({ productId: product.id }, TOKENS.skane)).totalCount).toBe(0);
    });
  });
});
