import { jest } from '@jest/globals';
import { AuthGuard } from '../src/auth/auth.guard.js';
import { ReadCaches } from '../src/database/read/cache/read-caches.js';
import { buildFollowUp, CAS, daysAgo, FollowUpFactory, measure } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/** The benchmark's lookup: a few fields of each follow-up, its measurements and their substances. */
const NARROW = `query ($productId: ID!) { followUps(filter: { productId: $productId }, first: 50) { totalCount nodes {
  id method status performedOn organisation { name } measurements { part value loq unit detected substance { casNumber name } } } } }`;

/** Every field the projected reads serve (follow-up, measurement, substance, product, supplier). */
const WIDE = `query ($productId: ID!) { followUps(filter: { productId: $productId }, first: 50) { totalCount
  edges { cursor node { id } }
  nodes {
    id version method performedOn status visibility laboratory reportReference requiresSupplierRelease reportReleasedAt
    validUntil notes confidentialNotes retractedReason retractedAt createdAt updatedAt
    organisation { id code name kind } recordedBy { id } contract { id } requirements { code }
    product { id name articleNumber gtin createdAt updatedAt category { code } supplier { id name country organisationNumber } }
    supplier { id name country organisationNumber createdAt updatedAt }
    measurements { id part detected value loq unit uncertainty analyticalMethod followUp { id }
      substance { id name nameEn nameSv casNumber ecNumber groups lists } }
  } } }`;

/**
 * Column projection: the followUps page, the measurements with their substances and the relations a
 * lookup follows read only the columns the selection needs (SqlReader with a Projection), the
 * measurement cache keeps whole rows, so that a narrow request followed by a wide one (on the same
 * instance, through the cache or not) answers every field as an instance that only ever saw the
 * wide one does.
 */
describe('column projection from the GraphQL selection', () => {
  let a: TestApp;
  let f: FollowUpFactory;
  let few: string;
  let many: string;
  let statements: string[] | null = null;

  beforeAll(async () => {
    a = await startTestApp();
    f = new FollowUpFactory(a);
    const original = a.dataSource.logger.logQuery.bind(a.dataSource.logger);
    a.dataSource.logger.logQuery = (query, parameters, runner) => {
      statements?.push(query);
      return original(query, parameters, runner);
    };
    const supplier = await f.supplier();
    few = (await f.product(supplier.id)).id;
    many = (await f.product(supplier.id)).id;
    const record = (productId: string, i: number) =>
      f.record(
        buildFollowUp({
          productId,
          performedOn: daysAgo(10 + i),
          measurements: [
            measure.detected(CAS.DEHP, 'PVC', 40 + i, 'MG_PER_KG', { uncertainty: 4 }),
            measure.notDetected(CAS.DBP, 'PVC', 10),
          ],
        }),
        i % 2 ? TOKENS.stockholm : TOKENS.skane,
        'id',
      );
    await record(few, 0);
    await record(few, 1);
    for (let i = 0; i < 30; i++) await record(many, i);
    // The token check is answered from memory from here on, and the organisations (kept whole per instance).
    await a.gql('{ followUps(first: 50) { nodes { organisation { name } } } }', {}, TOKENS.skane);
  }, 120_000);

  afterAll(() => a?.close());

  const during = async (fn: () => Promise<unknown>) => {
    statements = [];
    try {
      await fn();
      return statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)|MAX\(seq\) AS head|1 AS hit/.test(s));
    } finally {
      statements = null;
    }
  };

  it('reads a cold lookup in at most 3 statements, whatever the page size, and only the columns it selects', async () => {
    let small: any;
    let large: any;
    const s2 = await during(async () => (small = dataOf(await a.gql(NARROW, { productId: few }, TOKENS.skane))));
    const s30 = await during(async () => (large = dataOf(await a.gql(NARROW, { productId: many }, TOKENS.skane))));
    expect(small.followUps.totalCount).toBe(2);
    expect(large.followUps.nodes).toHaveLength(30);
    expect(large.followUps.nodes[0].measurements).toHaveLength(2);
    expect(s30.length).toBe(s2.length);
    expect(s2.length).toBeLessThanOrEqual(3);
    const page = s30.find((s) => /FROM "follow_ups"|FROM follow_ups/.test(s))!;
    expect(page).toMatch(/"performed_on"/);
    expect(page).not.toMatch(/"notes"|"laboratory"|"confidential_notes"|"report_reference"/);
    const measurements = s30.find((s) => /FROM measurements/.test(s))!;
    expect(measurements).not.toMatch(/"analytical_method"|"uncertainty"|"ec_number"|"name_sv"|search_text/);
  });

  it('resolves the relations of each follow-up without Nest’s per-field pipeline: the guard runs as often for 30 follow-ups as for 2', async () => {
    const guard = jest.spyOn(AuthGuard.prototype, 'canActivate');
    try {
      const WITH_RELATIONS = `query ($productId: ID!) { followUps(filter: { productId: $productId }, first: 50) { nodes {
        id organisation { name } product { name } supplier { name } requirements { code } measurements { value } } } }`;
      const small = dataOf(await a.gql(WITH_RELATIONS, { productId: few }, TOKENS.skane));
      const forFew = guard.mock.calls.length;
      guard.mockClear();
      const large = dataOf(await a.gql(WITH_RELATIONS, { productId: many }, TOKENS.skane));
      expect(small.followUps.nodes).toHaveLength(2);
      expect(large.followUps.nodes).toHaveLength(30);
      expect(large.followUps.nodes[0]).toMatchObject({
        organisation: { name: expect.any(String) },
        product: {},
        supplier: {},
      });
      expect(guard.mock.calls.length).toBe(forFew); // the root field's, not one per follow-up and relation
    } finally {
      guard.mockRestore();
    }
  });

  it('counts a list longer than its page in the page statement itself: forwards, after a cursor and backwards', async () => {
    const PAGE = `query ($productId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      followUps(filter: { productId: $productId }, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { id performedOn } } }`;
    let first: any;
    const s1 = await during(
      async () => (first = dataOf(await a.gql(PAGE, { productId: many, first: 10 }, TOKENS.skane))),
    );
    expect(first.followUps).toMatchObject({ totalCount: 30, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.followUps.nodes).toHaveLength(10);
    expect(s1).toHaveLength(1); // the page and its count: no statement of its own for the count
    expect(s1[0]).toMatch(/\(SELECT COUNT\(\*\) FROM/);

    let next: any;
    const after = first.followUps.pageInfo.endCursor;
    const s2 = await during(
      async () => (next = dataOf(await a.gql(PAGE, { productId: many, first: 25, after }, TOKENS.skane))),
    );
    expect(next.followUps).toMatchObject({ totalCount: 30, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(next.followUps.nodes).toHaveLength(20);
    expect(s2).toHaveLength(1);

    let back: any;
    const before = next.followUps.pageInfo.startCursor;
    const s3 = await during(
      async () => (back = dataOf(await a.gql(PAGE, { productId: many, last: 4, before }, TOKENS.skane))),
    );
    expect(back.followUps.totalCount).toBe(30);
    expect(back.followUps.nodes).toEqual(first.followUps.nodes.slice(6));
    expect(s3).toHaveLength(1);

    // Beyond the end no row carries the count: it is counted apart, and still the list's.
    let beyond: any;
    const last = next.followUps.pageInfo.endCursor;
    const s4 = await during(
      async () => (beyond = dataOf(await a.gql(PAGE, { productId: many, after: last }, TOKENS.skane))),
    );
    expect(beyond.followUps).toMatchObject({ totalCount: 30, nodes: [] });
    expect(s4).toHaveLength(2);
  });

  it('answers a wide request after narrow ones (cached whole rows, or not cached) as a fresh instance does', async () => {
    const b = await startTestApp({ sharing: a });
    try {
      const expected = dataOf(await b.gql(WIDE, { productId: many }, TOKENS.skane));
      const cache = a.app.get(ReadCaches).measurements;
      // A follow-up version's second sight stores its rows (whole), a third reads them.
      await a.gql(NARROW, { productId: many }, TOKENS.skane);
      await a.gql(NARROW, { productId: many }, TOKENS.skane);
      const stored = cache.weight;
      expect(stored).toBeGreaterThan(0);
      await a.gql(NARROW, { productId: many }, TOKENS.skane);
      const wide = dataOf(await a.gql(WIDE, { productId: many }, TOKENS.skane));
      expect(wide).toEqual(expected);
      expect(cache.weight).toBe(stored); // served from what the narrow lookups stored
      const node = wide.followUps.nodes.find((n: any) => n.measurements[0].uncertainty !== null);
      expect(node.notes).toMatch(/Testuppföljning/);
      expect(node.laboratory).toBe('Eurofins Product Testing Sverige');
      expect(node.measurements[0]).toMatchObject({ analyticalMethod: 'GC-MS, EN 14372', uncertainty: 4 });
      expect(node.measurements[0].substance).toMatchObject({ casNumber: CAS.DEHP, nameEn: expect.any(String) });
      expect(node.product.supplier.name).toBe(node.supplier.name);

      // Not cached (seen once on a), narrow then wide, and both in one request (two loaders, two column sets).
      const both = `query ($productId: ID!) { narrow: followUps(filter: { productId: $productId }, first: 50) { nodes {
        id measurements { value substance { casNumber } } product { name } } }
        wide: ${WIDE.slice(WIDE.indexOf('followUps'))}`;
      const expectedFew = dataOf(await b.gql(WIDE, { productId: few }, TOKENS.skane));
      await a.gql(NARROW, { productId: few }, TOKENS.stockholm);
      const mixed = dataOf(await a.gql(both, { productId: few }, TOKENS.skane));
      expect({ followUps: mixed.wide }).toEqual(expectedFew);
      expect(mixed.narrow.nodes.map((n: any) => n.measurements)).toEqual(
        expectedFew.followUps.nodes.map((n: any) =>
          n.measurements.map((m: any) => ({ value: m.value, substance: { casNumber: m.substance.casNumber } })),
        ),
      );
      // The narrow page never holds what it did not read (no field leaks between column sets).
      expect(mixed.narrow.nodes[0]).toEqual({
        id: expect.any(String),
        measurements: expect.any(Array),
        product: { name: expect.any(String) },
      });
    } finally {
      await b.close();
    }
  });

  it('reads through fragments and paging cursors with the columns they need', async () => {
    const query = `query ($productId: ID!, $after: String) { followUps(filter: { productId: $productId }, first: 5, after: $after, orderBy: RECORDED_AT_ASC) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...F } } } }
      fragment F on FollowUp { id ... on FollowUp { notes measurements { ...M } } }
      fragment M on Measurement { part analyticalMethod }`;
    const first = dataOf(await a.gql(query, { productId: many }, TOKENS.skane)).followUps;
    const second = dataOf(
      await a.gql(query, { productId: many, after: first.pageInfo.endCursor }, TOKENS.skane),
    ).followUps;
    expect(first.totalCount).toBe(30);
    expect(second.edges).toHaveLength(5);
    const ids = [...first.edges, ...second.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(10);
    for (const e of [...first.edges, ...second.edges]) {
      expect(e.node.notes).toMatch(/Testuppföljning/);
      expect(e.node.measurements[0]).toEqual({ part: 'PVC', analyticalMethod: 'GC-MS, EN 14372' });
    }
  });
});
