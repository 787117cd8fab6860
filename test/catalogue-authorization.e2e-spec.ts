import { build, CatalogueFactory, FIELDS } from './factories/catalogue.js';
import { uniqueCasNumber, uniqueSuffix } from './factories/identifiers.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type GraphQLResponse, type TestApp } from './helpers/test-app.js';

/**
 * Who may read and write the catalogue. READER reads; CONTACT_PERSON writes suppliers, products
 * and its own organisation's contracts; COORDINATOR also keeps the library (substances,
 * requirements, categories); ADMIN does everything. No token, or a bad one: UNAUTHENTICATED.
 * Every refusal is checked to leave the data as it was.
 */
describe('catalogue authorization', () => {
  let sut: TestApp;
  let catalogue: CatalogueFactory;
  /** Ids of things the refused writes aim at. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sut = await startTestApp();
    catalogue = new CatalogueFactory(sut);
    ids.supplier = await catalogue.supplierId('Lekverket Nordic AB');
    ids.skaneContract = await catalogue.contractId('region-skane', 'Leksaker och lekmaterial 2025');
    ids.pht01 = await catalogue.requirementId('K-PHT-01');
    ids.pah02 = await catalogue.requirementId('K-PAH-02');
    ids.pfas01 = await catalogue.requirementId('K-PFAS-01');
    ids.skane = await catalogue.organisationId('region-skane');
    const products = dataOf(
      await sut.gql('{ products(filter: { gtin: "7350012340018" }) { nodes { id } } }', {}, TOKENS.reader),
    );
    ids.product = products.products.nodes[0].id;
    const categories = dataOf(await sut.gql('{ productCategory(code: "CHILD-TOY") { id } }', {}, TOKENS.reader));
    ids.category = categories.productCategory.id;
  });
  afterAll(() => sut.close());

  /** POSTs with a raw Authorization header (the harness only sends `Bearer <token>`). */
  async function withHeader(query: string, authorization: string): Promise<GraphQLResponse> {
    const res = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
    });
    return { ...((await res.json()) as GraphQLResponse), status: res.status };
  }

  /** Everything a refused write could have touched, as the API shows it. */
  async function snapshot() {
    const d = dataOf(
      await sut.gql(
        `query ($supplier: ID!, $product: ID!) {
          organisations { totalCount } suppliers { totalCount } products { totalCount } productCategories { totalCount }
          substances { totalCount } requirements { totalCount } contracts { totalCount }
          supplier(id: $supplier) { ${FIELDS.supplier} }
          product(id: $product) { ${FIELDS.product} }
          substance(casNumber: "117-81-7") { ${FIELDS.substance} }
          productCategory(code: "CHILD-TOY") { ${FIELDS.category} }
          requirements2: requirements(first: 100, filter: { search: "K-PHT-01" }) { nodes { ${FIELDS.requirement} } }
        }`,
        { supplier: ids.supplier, product: ids.product },
        TOKENS.admin,
      ),
    );
    return { ...d, skaneContract: await catalogue.contractView(ids.skaneContract) };
  }

  const QUERIES: Array<[string, string]> = [
    ['organisations', '{ organisations { totalCount } }'],
    ['suppliers', '{ suppliers { totalCount } }'],
    ['products', '{ products { totalCount } }'],
    ['productCategories', '{ productCategories { totalCount } }'],
    ['substances', '{ substances { totalCount } }'],
    ['substance', '{ substance(casNumber: "117-81-7") { name } }'],
    ['requirements', '{ requirements { totalCount } }'],
    ['contracts', '{ contracts { totalCount } }'],
  ];

  /** One write of each kind: [operation, least role that may do it, call with a token]. */
  const WRITES: Array<[string, string, (token: string | null) => Promise<GraphQLResponse>]> = [
    [
      'createSupplier',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(`mutation ($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }`, { i: build.supplier() }, t),
    ],
    [
      'updateSupplier',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($id: ID!) { updateSupplier(id: $id, input: { name: "Kapad" }) { id } }',
          { id: ids.supplier },
          t,
        ),
    ],
    [
      'createProduct',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($i: CreateProductInput!) { createProduct(input: $i) { id } }',
          { i: build.product(ids.supplier) },
          t,
        ),
    ],
    [
      'updateProduct',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($id: ID!) { updateProduct(id: $id, input: { name: "Kapad" }) { id } }',
          { id: ids.product },
          t,
        ),
    ],
    [
      'createContract',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
          { i: build.contract(ids.supplier) },
          t,
        ),
    ],
    [
      'updateContract',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($id: ID!) { updateContract(id: $id, input: { title: "Kapad" }) { id } }',
          { id: ids.skaneContract },
          t,
        ),
    ],
    [
      'setContractRequirement',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($c: ID!, $r: ID!) { setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 1, unit: MG_PER_KG }) { id } }',
          { c: ids.skaneContract, r: ids.pht01 },
          t,
        ),
    ],
    [
      'removeContractRequirement',
      'CONTACT_PERSON',
      (t) =>
        sut.gql(
          'mutation ($c: ID!, $r: ID!) { removeContractRequirement(contractId: $c, requirementId: $r) { id } }',
          { c: ids.skaneContract, r: ids.pht01 },
          t,
        ),
    ],
    [
      'createSubstance',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation ($i: CreateSubstanceInput!) { createSubstance(input: $i) { id } }',
          { i: build.substance() },
          t,
        ),
    ],
    [
      'updateSubstance',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation { updateSubstance(casNumber: "117-81-7", input: { name: "Kapad", lists: [] }) { id } }',
          {},
          t,
        ),
    ],
    [
      'createRequirement',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation ($i: CreateRequirementInput!) { createRequirement(input: $i) { id } }',
          { i: build.requirement() },
          t,
        ),
    ],
    [
      'updateRequirement',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation ($id: ID!) { updateRequirement(id: $id, input: { title: "Kapad", defaultLimit: { value: 99, unit: PERCENT_WW } }) { id } }',
          { id: ids.pht01 },
          t,
        ),
    ],
    [
      'createProductCategory',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation ($i: CreateProductCategoryInput!) { createProductCategory(input: $i) { id } }',
          { i: build.category() },
          t,
        ),
    ],
    [
      'updateProductCategory',
      'COORDINATOR',
      (t) =>
        sut.gql(
          'mutation ($id: ID!) { updateProductCategory(id: $id, input: { name: "Kapad", parentCode: null }) { id } }',
          { id: ids.category },
          t,
        ),
    ],
    [
      'createOrganisation',
      'ADMIN',
      (t) =>
        sut.gql(
          'mutation ($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
          { i: { code: `org-${uniqueSuffix()}`, name: 'Kapad', kind: 'OTHER' } },
          t,
        ),
    ],
  ];
  const RANK: Record<string, number> = { READER: 1, CONTACT_PERSON: 2, COORDINATOR: 3, ADMIN: 4 };
  const refusedFor = (role: string) => WRITES.filter(([, least]) => RANK[least]! > RANK[role]!);

  describe('without a token', () => {
    it.each(QUERIES)('%s is UNAUTHENTICATED', async (_name, query) => {
      const r = await sut.gql(query, {}, null);

      expectError(r, 'UNAUTHENTICATED', 'needs a token');
      // No answer: the whole data, or the (nullable) field, is null.
      expect(Object.values(r.data ?? {}).every((v) => v === null)).toBe(true);
    });

    it.each(WRITES)('%s is UNAUTHENTICATED, and changes nothing', async (_name, _least, call) => {
      const before = await snapshot();

      const r = await call(null);

      expectError(r, 'UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('with a bad token', () => {
    it.each([
      ['a token nobody issued', 'Bearer kk_not_a_real_token', 'the token is not valid'],
      ['a demo token with a typo', `Bearer ${TOKENS.admin}x`, 'the token is not valid'],
      [
        'another scheme',
        `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        'Authorization must be "Bearer <token>"',
      ],
      ['Bearer without a token', 'Bearer ', 'Authorization must be "Bearer <token>"'],
    ])('%s is UNAUTHENTICATED, for a query too', async (_label, header, reason) => {
      const r = await withHeader('{ suppliers { totalCount } }', header);

      expectError(r, 'UNAUTHENTICATED', reason);
      expect(r.data ?? null).toBeNull();
    });

    it.each(WRITES)('%s with a bogus token is UNAUTHENTICATED, and changes nothing', async (_name, _least, call) => {
      const before = await snapshot();

      const r = await call('kk_bogus_token');

      expectError(r, 'UNAUTHENTICATED', 'the token is not valid');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('roles', () => {
    it.each(QUERIES)('a READER may read %s', async (_name, query) => {
      const r = await sut.gql(query, {}, TOKENS.reader);

      expect(r.errors).toBeUndefined();
    });

    it.each([
      ['READER', TOKENS.reader],
      ['CONTACT_PERSON', TOKENS.skane],
      ['COORDINATOR', TOKENS.coordinator],
    ] as const)(
      'a %s is FORBIDDEN every write above its role, and each refusal changes nothing',
      async (role, token) => {
        const refused = refusedFor(role);
        expect(refused.length).toBeGreaterThan(0);

        for (const [name, least, call] of refused) {
          const before = await snapshot();

          const r = await call(token);

          expect({ name, code: r.errors?.[0]?.extensions?.code }).toEqual({ name, code: 'FORBIDDEN' });
          expect(r.errors?.[0]?.message).toBe(`${name} needs the role ${least}; your token has ${role}`);
          expect(await snapshot()).toEqual(before);
        }
      },
    );

    it('a CONTACT_PERSON creating a requirement is FORBIDDEN, and nothing is stored', async () => {
      const input = build.requirement();
      const before = await catalogue.count('requirements');

      const r = await sut.gql(
        'mutation ($i: CreateRequirementInput!) { createRequirement(input: $i) { id } }',
        { i: input },
        TOKENS.stockholm,
      );

      expectError(r, 'FORBIDDEN', 'createRequirement needs the role COORDINATOR; your token has CONTACT_PERSON');
      expect(await catalogue.count('requirements')).toBe(before);
      expect(await catalogue.count('requirements', { search: input.code })).toBe(0);
    });

    it('a CONTACT_PERSON may create and update suppliers and products', async () => {
      const supplier = await catalogue.supplier({}, TOKENS.stockholm);
      const product = await catalogue.product({ supplierId: supplier.id }, TOKENS.stockholm);

      const r1 = await sut.gql(
        'mutation ($id: ID!) { updateSupplier(id: $id, input: { name: "Ändrad av kontaktperson AB" }) { name } }',
        { id: supplier.id },
        TOKENS.stockholm,
      );
      const r2 = await sut.gql(
        'mutation ($id: ID!) { updateProduct(id: $id, input: { name: "Ändrad produkt" }) { name } }',
        { id: product.id },
        TOKENS.stockholm,
      );

      expect(dataOf(r1).updateSupplier.name).toBe('Ändrad av kontaktperson AB');
      expect(dataOf(r2).updateProduct.name).toBe('Ändrad produkt');
    });

    it('a COORDINATOR may keep the library: substances, requirements and categories', async () => {
      const substance = await catalogue.substance({}, TOKENS.coordinator);
      const category = await catalogue.category({}, TOKENS.coordinator);
      const requirement = await catalogue.requirement(
        { substanceCas: [substance.casNumber], categoryCodes: [category.code] },
        TOKENS.coordinator,
      );

      expect(requirement).toMatchObject({
        substances: [{ casNumber: substance.casNumber }],
        categories: [{ code: category.code }],
      });
    });

    it('no ADMIN creates organisations unless its organisation is the configured operator (test/delegations.e2e-spec.ts)', async () => {
      const code = `org-${uniqueSuffix()}`;

      const r = await sut.gql(
        'mutation ($i: CreateOrganisationInput!) { createOrganisation(input: $i) { code } }',
        { i: { code, name: 'Ny medlem', kind: 'OTHER' } },
        TOKENS.admin,
      );

      expectError(r, 'FORBIDDEN', 'operator');
    });
  });

  describe("a contact person and another organisation's contract", () => {
    // Region Stockholm's contact person against Region Skåne's seeded contract.
    it.each<[string, () => Promise<GraphQLResponse>, string]>([
      [
        'updateContract',
        () =>
          sut.gql(
            'mutation ($id: ID!) { updateContract(id: $id, input: { title: "Kapad", categoryCodes: [] }) { id } }',
            { id: ids.skaneContract },
            TOKENS.stockholm,
          ),
        'updateContract',
      ],
      [
        'setContractRequirement: a new requirement',
        () =>
          sut.gql(
            'mutation ($c: ID!, $r: ID!) { setContractRequirement(contractId: $c, requirementId: $r) { id } }',
            { c: ids.skaneContract, r: ids.pfas01 },
            TOKENS.stockholm,
          ),
        'setContractRequirement',
      ],
      [
        'setContractRequirement: its own limit',
        () =>
          sut.gql(
            'mutation ($c: ID!, $r: ID!) { setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 5000, unit: MG_PER_KG }) { id } }',
            { c: ids.skaneContract, r: ids.pht01 },
            TOKENS.stockholm,
          ),
        'setContractRequirement',
      ],
      [
        'removeContractRequirement',
        () =>
          sut.gql(
            'mutation ($c: ID!, $r: ID!) { removeContractRequirement(contractId: $c, requirementId: $r) { id } }',
            { c: ids.skaneContract, r: ids.pah02 },
            TOKENS.stockholm,
          ),
        'removeContractRequirement',
      ],
      [
        'createContract in its name',
        () =>
          sut.gql(
            'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
            { i: build.contract(ids.supplier, { organisationId: ids.skane }) },
            TOKENS.stockholm,
          ),
        'createContract',
      ],
    ])('%s is FORBIDDEN, and changes nothing', async (_label, call, operation) => {
      const before = await snapshot();

      const r = await call();

      expectError(r, 'FORBIDDEN', `${operation}: it belongs to another organisation`);
      expect(await snapshot()).toEqual(before);
    });

    it("the owner's contact person may change the same contract", async () => {
      const contract = await catalogue.contract({ requirements: [{ requirementId: ids.pht01 }] }, TOKENS.skane);

      const r = await sut.gql(
        'mutation ($c: ID!, $r: ID!) { setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 50, unit: MG_PER_KG }) { requirements { limit { value unit } } } }',
        { c: contract.id, r: ids.pht01 },
        TOKENS.skane,
      );

      expect(dataOf(r).setContractRequirement.requirements).toEqual([{ limit: { value: 50, unit: 'MG_PER_KG' } }]);
    });

    it("an ADMIN of another organisation may not change a region's contract either", async () => {
      const contract = await catalogue.contract({}, TOKENS.skane);

      const r = await sut.gql(
        'mutation ($id: ID!) { updateContract(id: $id, input: { title: "Ändrat av admin" }) { title organisation { code } } }',
        { id: contract.id },
        TOKENS.admin,
      );

      expectError(r, 'FORBIDDEN', 'another organisation');
    });

    it('a refusal for ownership comes before validation: no hint about the contract is given away', async () => {
      const r = await sut.gql(
        'mutation ($c: ID!, $r: ID!) { setContractRequirement(contractId: $c, requirementId: $r, limit: { value: 5, unit: MG_PER_L }) { id } }',
        { c: ids.skaneContract, r: ids.pht01 },
        TOKENS.stockholm,
      );

      expectError(r, 'FORBIDDEN');
    });
  });

  it('a refused substance write leaves the substance findable as before', async () => {
    const cas = uniqueCasNumber();

    const r = await sut.gql(
      'mutation ($i: CreateSubstanceInput!) { createSubstance(input: $i) { id } }',
      { i: build.substance({ casNumber: cas }) },
      TOKENS.skane,
    );

    expectError(r, 'FORBIDDEN');
    const after = await sut.gql('query ($c: String!) { substance(casNumber: $c) { id } }', { c: cas }, TOKENS.reader);
    expect(after).toMatchObject({ data: { substance: null } });
    expect(after.errors).toBeUndefined();
  });
});
