import { ReadCaches } from '../src/database/read/cache/read-caches.js';
import { buildFollowUp, CAS, FollowUpFactory, measure } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

const LOOKUP = `query ($productId: ID!) { followUps(filter: { productId: $productId }) { nodes { id version measurements { part value unit substance { casNumber } } } } }`;

/**
 * The measurement cache (ReadCaches): rows are kept under a follow-up's id AND version, so an
 * instance never serves rows another instance has since replaced. Two application instances
 * share one database here, as two processes behind a load balancer would.
 */
describe('read caches: measurements by follow-up version', () => {
  let a: TestApp;
  let b: TestApp;
  let f: FollowUpFactory;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ sharing: a });
    f = new FollowUpFactory(a);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const lookup = async (sut: TestApp, productId: string) =>
    dataOf(await sut.gql(LOOKUP, { productId }, TOKENS.skane)).followUps.nodes;

  it('keeps a follow-up version seen twice and serves its rows from then on, with the same answer', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    await f.record(
      buildFollowUp({
        productId: product.id,
        measurements: [measure.detected(CAS.DEHP, 'PVC', 40), measure.notDetected(CAS.DBP, 'PVC', 10)],
      }),
      TOKENS.skane,
      'id version',
    );
    let first: unknown;
    let second: unknown;
    let third: unknown;
    await lookup(a, 'no-such-product'); // Skåne's token check is answered from memory from here on (TokenCache)
    const cache = a.app.get(ReadCaches).measurements;
    const weight = cache.weight;
    const cold = await a.countStatements(async () => (first = await lookup(a, product.id)));
    expect(cache.weight).toBe(weight); // first sight: passed by, nothing stored
    const again = await a.countStatements(async () => (second = await lookup(a, product.id)));
    expect(cache.weight).toBeGreaterThan(weight); // second sight: stored, weighed in bytes
    expect(cache.weight - weight).toBeGreaterThan(2 * 150);
    const warm = await a.countStatements(async () => (third = await lookup(a, product.id)));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(again).toBe(cold);
    expect(cold).toBe(2); // the page (its count is its length), measurements with their substances
    const hits = cache.hits;
    expect(warm).toBe(2); // the page, the substances of the cached rows
    expect(hits).toBeGreaterThan(0);
  });

  it('never serves rows replaced through another instance: the new version misses the cache', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    const created = await f.record(
      buildFollowUp({ productId: product.id, measurements: [measure.detected(CAS.DEHP, 'PVC', 40)] }),
      TOKENS.skane,
      'id version',
    );
    const before = await lookup(a, product.id);
    expect(before[0].measurements).toEqual([
      { part: 'PVC', value: 40, unit: 'MG_PER_KG', substance: { casNumber: CAS.DEHP } },
    ]);
    await lookup(a, product.id); // cached on a now (its second sight)
    await lookup(a, product.id); // served from the cache

    // Instance b replaces the measurements; a never hears of it (no shared cache, no notification needed).
    const updated = dataOf(
      await b.gql(
        'mutation ($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { version } }',
        { id: created.id, v: created.version, input: { measurements: [measure.detected(CAS.DBP, 'Foam', 7)] } },
        TOKENS.skane,
      ),
    ).updateFollowUp;
    expect(updated.version).toBe(created.version + 1);

    const after = await lookup(a, product.id);
    expect(after[0].version).toBe(updated.version);
    expect(after[0].measurements).toEqual([
      { part: 'Foam', value: 7, unit: 'MG_PER_KG', substance: { casNumber: CAS.DBP } },
    ]);
  });

  it('hands each request its own objects: what one request attaches is not seen by another', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    await f.record(
      buildFollowUp({ productId: product.id, measurements: [measure.detected(CAS.DEHP, 'PVC', 40)] }),
      TOKENS.skane,
    );
    const [x, y] = await Promise.all([lookup(a, product.id), lookup(a, product.id)]);
    expect(x).toEqual(y);
    const cached = [
      ...(
        a.app.get(ReadCaches).measurements as unknown as { entries: Map<string, { value: object[] }> }
      ).entries.values(),
    ];
    expect(cached.length).toBeGreaterThan(0);
    for (const entry of cached) for (const row of entry.value) expect(row).not.toHaveProperty('substance');
  });

  it('reads an organisation once per instance: its rows never change', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    await f.record(buildFollowUp({ productId: product.id, measurements: [] }), TOKENS.skane);
    const query = `query ($productId: ID!) { followUps(filter: { productId: $productId }) { nodes { organisation { code name } } } }`;
    const organisationsOf = async (sut: TestApp) =>
      dataOf(await sut.gql(query, { productId: product.id }, TOKENS.skane)).followUps.nodes;
    const fresh = await startTestApp({ sharing: a });
    try {
      await organisationsOf(fresh); // the token check is answered from memory from here on
      const again = await fresh.countStatements(async () => {
        expect(await organisationsOf(fresh)).toEqual([
          { organisation: { code: 'region-skane', name: expect.any(String) } },
        ]);
      });
      const other = await b.countStatements(() => organisationsOf(b).then(() => undefined));
      expect(again).toBe(1); // the page (its count is its length); the organisation from the instance's rows
      expect(other).toBeGreaterThanOrEqual(again);
    } finally {
      await fresh.close();
    }
  });
});
