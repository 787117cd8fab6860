import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  measure,
  PAHS,
  type RecordFollowUpInput,
  type Token,
} from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * No N+1: the number of SQL statements for a nested followUps query does not grow with the page
 * size. 110 follow-ups (Skåne and Stockholm, 3 suppliers, 12 products in 4 categories, 3
 * requirements), each with 3 measurements and a deviation, are created 10 per request with
 * aliased mutations.
 */
describe('follow-ups: no N+1 in nested lists', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  const TOTAL = 110;
  const BATCH = 10;
  let requirementIds: string[] = [];
  let supplierIds: string[] = [];

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    const requirements = await f.requirementIdsOf(['K-PHT-01', 'K-PAH-02', 'K-FORM-TOY']);
    const suppliers = await Promise.all([f.supplier(), f.supplier(), f.supplier()]);
    supplierIds = suppliers.map((x) => x.id);
    requirementIds = requirements;
    const categories = ['CHILD-PLAYMAT', 'CHILD-TOY', 'CHILD-BALL', 'CHILD-COSTUME'];
    const products: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++)
      products.push(await f.product(suppliers[i % 3]!.id, { categoryCode: categories[i % 4]! }));

    const inputs: Array<{ input: RecordFollowUpInput; token: Token; requirementId: string }> = Array.from(
      { length: TOTAL },
      (_, i) => {
        const requirementId = requirements[i % 3]!;
        const measurements =
          i % 3 === 0
            ? [
                measure.detected(CAS.DEHP, 'PVC', 40 + i),
                measure.notDetected(CAS.DBP, 'PVC', 10),
                measure.notDetected(CAS.BBP, 'PVC', 10),
              ]
            : i % 3 === 1
              ? [
                  measure.notDetected(PAHS[0], 'Handle', 0.1),
                  measure.notDetected(PAHS[1], 'Handle', 0.1),
                  measure.detected(PAHS[2], 'Handle', 0.2),
                ]
              : [measure.detected(CAS.FORMALDEHYDE, 'Textile', 5 + i), measure.detected(CAS.FORMALDEHYDE, 'Lining', 3)];
        return {
          input: buildFollowUp({
            productId: products[i % 12]!.id,
            requirementIds: [requirementId],
            performedOn: daysAgo(1 + (i % 200)),
            measurements,
          }),
          token: i % 2 === 0 ? TOKENS.skane : TOKENS.stockholm,
          requirementId,
        };
      },
    );

    // 10 aliased recordFollowUp per request, per organisation.
    const created: Array<{ id: string; token: Token; requirementId: string }> = [];
    for (const token of [TOKENS.skane, TOKENS.stockholm]) {
      const mine = inputs.filter((x) => x.token === token);
      for (let start = 0; start < mine.length; start += BATCH) {
        const batch = mine.slice(start, start + BATCH);
        const params = batch.map((_x, i) => `$i${i}: RecordFollowUpInput!`).join(', ');
        const fields = batch.map((_x, i) => `r${i}: recordFollowUp(input: $i${i}) { id }`).join(' ');
        const variables = Object.fromEntries(batch.map((x, i) => [`i${i}`, x.input]));
        const data = dataOf(await sut.gql(`mutation (${params}) { ${fields} }`, variables, token));
        batch.forEach((x, i) => created.push({ id: data[`r${i}`].id, token, requirementId: x.requirementId }));
      }
    }
    expect(created).toHaveLength(TOTAL);

    // One deviation on each, opened by its own organisation: 10 aliased openDeviation per request.
    for (const token of [TOKENS.skane, TOKENS.stockholm]) {
      const mine = created.filter((x) => x.token === token);
      for (let start = 0; start < mine.length; start += BATCH) {
        const batch = mine.slice(start, start + BATCH);
        const params = batch.map((_x, i) => `$d${i}: OpenDeviationInput!`).join(', ');
        const fields = batch.map((_x, i) => `d${i}: openDeviation(input: $d${i}) { id }`).join(' ');
        const variables = Object.fromEntries(
          batch.map((x, i) => [
            `d${i}`,
            {
              followUpId: x.id,
              requirementId: x.requirementId,
              severity: i % 2 ? 'MINOR' : 'MAJOR',
              description: `Avvikelse ${start + i}`,
              dueDate: daysFromNow(30),
            },
          ]),
        );
        dataOf(await sut.gql(`mutation (${params}) { ${fields} }`, variables, token));
      }
    }
  }, 60_000);
  afterAll(() => sut.close());

  const NESTED = `query ($first: Int!) { followUps(first: $first) { totalCount nodes {
    id
    product { name supplier { name } category { code } }
    supplier { name }
    organisation { name }
    measurements { value unit substance { casNumber name } }
    deviations { severity requirement { code } }
    requirements { code }
  } } }`;

  describe('relations: Product, Supplier, Substance, ChemicalRequirement and Organisation.followUps', () => {
    const PRODUCTS = `query ($s: ID!, $first: Int!) { products(first: 10, filter: { supplierId: $s }) { nodes {
      id followUps(first: $first) { totalCount pageInfo { hasNextPage } nodes { id organisation { code } measurements { value } } }
    } } }`;

    it('a page of products with followUps(first: 2) and (first: 20) runs the same number of statements', async () => {
      await sut.gql(PRODUCTS, { s: supplierIds[0], first: 20 }, TOKENS.reader);
      let small: any;
      let large: any;
      const n2 = await sut.countStatements(async () => {
        small = dataOf(await sut.gql(PRODUCTS, { s: supplierIds[0], first: 2 }, TOKENS.reader));
      });
      const n20 = await sut.countStatements(async () => {
        large = dataOf(await sut.gql(PRODUCTS, { s: supplierIds[0], first: 20 }, TOKENS.reader));
      });
      console.log(`SQL statements: products { followUps(first: 2) } → ${n2}, (first: 20) → ${n20}`);

      expect(small.products.nodes).toHaveLength(4);
      expect(small.products.nodes.every((p: any) => p.followUps.nodes.length === 2)).toBe(true);
      expect(large.products.nodes.every((p: any) => p.followUps.nodes.length === p.followUps.totalCount)).toBe(true);
      expect(n20).toBe(n2);
      expect(n2).toBeLessThanOrEqual(12);
    });

    it("each product's page is followUps(filter: { productId }), in the same order, with the same totalCount", async () => {
      const d = dataOf(await sut.gql(PRODUCTS, { s: supplierIds[1], first: 3 }, TOKENS.skane));

      for (const product of d.products.nodes) {
        const alone = await f.list({ productId: product.id }, TOKENS.skane);
        expect(product.followUps.totalCount).toBe(alone.totalCount);
        expect(product.followUps.nodes.map((n: any) => n.id)).toEqual(alone.ids.slice(0, 3));
        expect(product.followUps.pageInfo.hasNextPage).toBe(alone.totalCount > 3);
      }
    });

    it.each<[string, string, (v: { requirement: string; supplier: string }) => Record<string, unknown>]>([
      [
        'substance(casNumber).followUps',
        `query ($filter: FollowUpFilter) { x: substance(casNumber: "${CAS.DEHP}") { followUps(first: 5, filter: $filter) { totalCount nodes { id } } } }`,
        () => ({ substanceCas: CAS.DEHP }),
      ],
      [
        'requirement(id).followUps',
        'query ($r: ID!, $filter: FollowUpFilter) { x: requirement(id: $r) { followUps(first: 5, filter: $filter) { totalCount nodes { id } } } }',
        (v) => ({ requirementId: v.requirement }),
      ],
      [
        'supplier(id).followUps',
        'query ($s: ID!, $filter: FollowUpFilter) { x: supplier(id: $s) { followUps(first: 5, filter: $filter) { totalCount nodes { id } } } }',
        (v) => ({ supplierId: v.supplier }),
      ],
    ])('%s equals followUps with the matching filter, also with a filter of its own', async (_label, query, same) => {
      const v = { requirement: requirementIds[0]!, supplier: supplierIds[2]! };
      for (const filter of [{}, { method: 'LAB_ANALYSIS', performedFrom: daysAgo(100) }]) {
        const d = dataOf(await sut.gql(query, { r: v.requirement, s: v.supplier, filter }, TOKENS.stockholm));
        const alone = await f.list({ ...same(v), ...filter }, TOKENS.stockholm);

        expect(d.x.followUps.totalCount).toBe(alone.totalCount);
        expect(d.x.followUps.nodes.map((n: any) => n.id)).toEqual(alone.ids.slice(0, 5));
      }
    });

    it('organisations { followUps } pages per organisation, backwards too', async () => {
      const d = dataOf(
        await sut.gql(
          '{ organisations(first: 100) { nodes { id code followUps(last: 3) { totalCount pageInfo { hasPreviousPage } nodes { id } } } } }',
          {},
          TOKENS.skane,
        ),
      );
      const skane = d.organisations.nodes.find((o: any) => o.code === 'region-skane');
      const alone = await f.list({ organisationId: skane.id }, TOKENS.skane);

      expect(skane.followUps.totalCount).toBe(alone.totalCount);
      expect(skane.followUps.nodes.map((n: any) => n.id)).toEqual(alone.ids.slice(-3));
      expect(skane.followUps.pageInfo.hasPreviousPage).toBe(true);
    });
  });

  it('a nested followUps(first: 10) and followUps(first: 100) run the same number of SQL statements', async () => {
    let small: any;
    let large: any;
    await sut.gql('{ __typename }', {}, TOKENS.reader); // its token check is answered from memory from here on
    // The instance's caches (organisations, measurements on a version's second sight) as steady as
    // they will be, so both counts meet the same caches.
    for (let i = 0; i < 2; i++) await sut.gql(NESTED, { first: 100 }, TOKENS.reader);
    const n10 = await sut.countStatements(async () => {
      small = dataOf(await sut.gql(NESTED, { first: 10 }, TOKENS.reader));
    });
    const n100 = await sut.countStatements(async () => {
      large = dataOf(await sut.gql(NESTED, { first: 100 }, TOKENS.reader));
    });
    console.log(`SQL statements: followUps(first: 10) → ${n10}, followUps(first: 100) → ${n100}`);

    expect(small.followUps.nodes).toHaveLength(10);
    expect(large.followUps.nodes).toHaveLength(100);
    expect(large.followUps.totalCount).toBeGreaterThanOrEqual(TOTAL);
    // The page really is nested data: ours have 2–3 measurements and a deviation with its requirement.
    const ours = large.followUps.nodes.filter((n: any) => n.deviations.length === 1 && n.deviations[0].requirement);
    expect(ours.length).toBeGreaterThanOrEqual(95);
    for (const n of ours) {
      expect(n.measurements.length).toBeGreaterThanOrEqual(2);
      expect(n.measurements[0].substance.casNumber).toMatch(/^\d+-\d\d-\d$/);
      expect(n.product.supplier.name).toBe(n.supplier.name);
      expect(n.product.category.code).toMatch(/^CHILD-/);
      expect(n.requirements).toEqual([{ code: n.deviations[0].requirement.code }]);
      expect(['Region Skåne', 'Region Stockholm']).toContain(n.organisation.name);
    }
    expect(n100).toBe(n10);
    expect(n10).toBeLessThanOrEqual(20);
  });

  it.each(['PERFORMED_ON_DESC', 'PERFORMED_ON_ASC', 'RECORDED_AT_DESC', 'RECORDED_AT_ASC'])(
    'paging with after (orderBy %s) visits every follow-up exactly once, in order',
    async (orderBy) => {
      const q = `query ($after: String, $orderBy: FollowUpOrder) { followUps(first: 30, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id performedOn createdAt } } }`;
      const seen: Array<{ id: string; performedOn: string | null; createdAt: string }> = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 20; page++) {
        const { followUps }: any = dataOf(await sut.gql(q, { after, orderBy }, TOKENS.reader));
        total = followUps.totalCount;
        seen.push(...followUps.nodes);
        if (!followUps.pageInfo.hasNextPage) break;
        after = followUps.pageInfo.endCursor;
      }

      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((n) => n.id)).size).toBe(total);
      const key = (n: (typeof seen)[number]) =>
        orderBy.startsWith('PERFORMED') ? (n.performedOn ?? '0001-01-01') : n.createdAt;
      const keys = seen.map(key);
      const sorted = [...keys].sort();
      expect(keys).toEqual(orderBy.endsWith('DESC') ? sorted.reverse() : sorted);
    },
  );

  it('history, reuses and contract in a nested page do not add statements per follow-up either', async () => {
    const q = `query ($first: Int!) { followUps(first: $first) { nodes {
      id contract { title } reuses { organisation { name } contract { title } }
      history { type actorName actorOrganisation { name } }
      deviations { organisation { name } supplier { name } followUp { id } }
      measurements { followUp { id } }
    } } }`;
    let large: any;
    await sut.gql('{ __typename }', {}, TOKENS.stockholm); // its token check is answered from memory now
    await sut.gql(q, { first: 100 }, TOKENS.stockholm); // the organisations kept by the instance from here on
    const n10 = await sut.countStatements(() => sut.gql(q, { first: 10 }, TOKENS.stockholm));
    const n100 = await sut.countStatements(async () => {
      large = dataOf(await sut.gql(q, { first: 100 }, TOKENS.stockholm));
    });
    console.log(`SQL statements (history, reuses): followUps(first: 10) → ${n10}, followUps(first: 100) → ${n100}`);

    expect(large.followUps.nodes).toHaveLength(100);
    // Ours (each with its deviation) have at least RECORDED and DEVIATION_OPENED, by an organisation; the
    // demo data's own (a focus area's PLANNED follow-up, written by the seed) may have fewer.
    const ours = large.followUps.nodes.filter((n: any) => n.deviations.length === 1);
    expect(ours.length).toBeGreaterThanOrEqual(95);
    expect(ours.every((n: any) => n.history.length >= 2 && n.history[0].actorOrganisation)).toBe(true);
    expect(n100).toBe(n10);
  });

  it('evaluateProduct runs the same number of statements for 1 and for 30 follow-ups of a product', async () => {
    const supplier = await f.supplier();
    const contract = await f.contract(TOKENS.stockholm, supplier.id, [
      { code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } },
      { code: 'K-PAH-02' },
      { code: 'K-FORM-TOY' },
    ]);
    const [few, many] = [await f.product(supplier.id), await f.product(supplier.id)];
    const pht = await f.requirementId('K-PHT-01');
    const one = (productId: string, i: number) =>
      buildFollowUp({
        productId,
        requirementIds: [pht],
        performedOn: daysAgo(1 + i),
        measurements: [
          measure.detected(CAS.DEHP, `Part ${i % 5}`, 10 + i),
          measure.notDetected(CAS.DBP, `Part ${i % 5}`, 10),
          measure.detected(CAS.FORMALDEHYDE, 'Textile', 3),
        ],
      });
    await f.record(one(few.id, 0), TOKENS.skane, 'id');
    for (let start = 0; start < 30; start += BATCH) {
      const token = start % 20 === 0 ? TOKENS.skane : TOKENS.stockholm;
      const params = Array.from({ length: BATCH }, (_x, i) => `$i${i}: RecordFollowUpInput!`).join(', ');
      const fields = Array.from({ length: BATCH }, (_x, i) => `r${i}: recordFollowUp(input: $i${i}) { id }`).join(' ');
      dataOf(
        await sut.gql(
          `mutation (${params}) { ${fields} }`,
          Object.fromEntries(Array.from({ length: BATCH }, (_x, i) => [`i${i}`, one(many.id, start + i)])),
          token,
        ),
      );
    }

    await sut.gql('{ __typename }', {}, TOKENS.stockholm); // its token check is answered from memory now
    const nFew = await sut.countStatements(() => f.evaluate(few.id, contract.id, TOKENS.stockholm));
    const nMany = await sut.countStatements(() => f.evaluate(many.id, contract.id, TOKENS.stockholm));
    console.log(`SQL statements: evaluateProduct with 1 follow-up → ${nFew}, with 30 → ${nMany}`);

    const evaluation = await f.evaluate(many.id, contract.id, TOKENS.stockholm);
    expect(evaluation.requirements.find((r: any) => r.requirement.code === 'K-PHT-01').parts).toHaveLength(5);
    expect(nMany).toBe(nFew);
  });
});
