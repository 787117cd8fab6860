import { buildFollowUp, CAS, FollowUpFactory, measure } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * publicStatistics identifies nobody (issue 12, item 4): counts below 3 are withheld ("< 3"), and the
 * totals count only what is shown, so subtracting the shown groups from them recovers nothing.
 */
describe('publicStatistics: small counts withheld', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let category: string;
  let supplierId: string;
  let pht: string;

  const QUERY = `{ publicStatistics { followUpCount measurementCount
    followUpsByCategory { categoryCode method count displayCount }
    verdicts { categoryCode casNumber verdict count displayCount } } }`;
  const stats = async () => dataOf(await sut.gql(QUERY, {}, null)).publicStatistics;

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    category = (await f.catalogue.category({}, TOKENS.coordinator)).code;
    supplierId = (await f.supplier()).id;
    pht = await f.requirementId('K-PHT-01');
  });
  afterAll(() => sut.close());

  /** One SHARED lab analysis in the test's own category, with one DEHP result of `value` mg/kg. */
  async function record(value: number) {
    const product = await f.catalogue.product({ supplierId, categoryCode: category }, TOKENS.skane);
    await f.record(
      buildFollowUp({
        productId: product.id,
        requirementIds: [pht],
        measurements: [measure.detected(CAS.DEHP, 'PVC', value)],
      }),
      TOKENS.skane,
      'id',
    );
  }
  const ours = (s: any) => ({
    followUps: s.followUpsByCategory.find((c: any) => c.categoryCode === category && c.method === 'LAB_ANALYSIS'),
    dehpPass: s.verdicts.find(
      (v: any) => v.categoryCode === category && v.casNumber === CAS.DEHP && v.verdict === 'PASS',
    ),
  });

  it('withholds a group of one or two, and shows it from three on', async () => {
    await record(50);
    let s = ours(await stats());
    expect(s.followUps).toEqual({ categoryCode: category, method: 'LAB_ANALYSIS', count: null, displayCount: '< 3' });
    expect(s.dehpPass).toMatchObject({ count: null, displayCount: '< 3' });

    await record(60);
    s = ours(await stats());
    expect(s.followUps).toMatchObject({ count: null, displayCount: '< 3' });

    await record(70);
    s = ours(await stats());
    expect(s.followUps).toMatchObject({ count: 3, displayCount: '3' });
    expect(s.dehpPass).toMatchObject({ count: 3, displayCount: '3' });
  });

  it('the totals are the sums of the shown groups: subtracting them recovers no withheld count', async () => {
    await record(5000); // one FAIL of DEHP in the category: a group of one
    const s = await stats();
    const fail = s.verdicts.find((v: any) => v.categoryCode === category && v.verdict === 'FAIL');
    expect(fail).toMatchObject({ count: null, displayCount: '< 3' });
    const shown = (rows: any[]) => rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
    expect(s.followUpCount - shown(s.followUpsByCategory)).toBe(0);
    expect(s.measurementCount - shown(s.verdicts)).toBe(0);
    for (const row of [...s.followUpsByCategory, ...s.verdicts]) {
      if (row.count === null) expect(row.displayCount).toBe('< 3');
      else expect(row.count).toBeGreaterThanOrEqual(3);
    }
  });
});
