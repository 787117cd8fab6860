import { randomUUID } from 'node:crypto';
import { buildFollowUp, FollowUpFactory, measure, CAS } from './factories/follow-ups.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on Product { name } ... on FollowUp { notes } } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Measurement { substance { casNumber } } } }`;

/**
 * The Node interface: node(id) and nodes(ids) find any record by its UUID (global as it is), under
 * the same rule as the record's own lookup, and answer null, without an error, otherwise.
 */
describe('node(id) and nodes(ids)', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplier: { id: string };
  let product: { id: string; name: string };
  let shared: { id: string; measurements: Array<{ id: string }>; deviations?: unknown };
  let hidden: { id: string; measurements: Array<{ id: string }> };

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    supplier = await f.supplier();
    product = await f.product(supplier.id);
    const pht = await f.requirementId('K-PHT-01');
    const input = {
      productId: product.id,
      requirementIds: [pht],
      measurements: [measure.detected(CAS.DEHP, 'PVC', 5)],
    };
    shared = await f.record(buildFollowUp(input), TOKENS.skane, 'id measurements { id }');
    hidden = await f.record(
      buildFollowUp({ ...input, visibility: 'PRIVATE', notes: 'Skånes egen' }),
      TOKENS.skane,
      'id measurements { id }',
    );
  });
  afterAll(() => sut.close());

  it.each<[string, () => string, string]>([
    ['a product', () => product.id, 'Product'],
    ['a supplier', () => supplier.id, 'Supplier'],
    ['a shared follow-up', () => shared.id, 'FollowUp'],
    ['a measurement of a shared follow-up', () => shared.measurements[0]!.id, 'Measurement'],
  ])('node(id) finds %s, typed', async (_label, id, type) => {
    const d = dataOf(await sut.gql(NODE, { id: id() }, TOKENS.stockholm));

    expect(d.node).toMatchObject({ __typename: type, id: id() });
  });

  it('node(id) of an unknown id, or of a PRIVATE follow-up (and its measurement) of another organisation: null, no error', async () => {
    for (const id of [randomUUID(), hidden.id, hidden.measurements[0]!.id, 'not-a-uuid']) {
      expect(await sut.gql(NODE, { id }, TOKENS.stockholm)).toEqual({ status: 200, data: { node: null } });
    }
    expect(dataOf(await sut.gql(NODE, { id: hidden.id }, TOKENS.skane)).node).toEqual({
      __typename: 'FollowUp',
      id: hidden.id,
      notes: 'Skånes egen',
    });
  });

  it('nodes(ids) answers in the order asked, null where there is nothing to see, in a fixed number of statements', async () => {
    const ids = [shared.measurements[0]!.id, randomUUID(), product.id, hidden.id, supplier.id, shared.id];

    let answer: any;
    const statements = await sut.countStatements(async () => {
      answer = dataOf(await sut.gql(NODES, { ids }, TOKENS.stockholm));
    });

    expect(answer.nodes).toEqual([
      { __typename: 'Measurement', id: ids[0], substance: { casNumber: CAS.DEHP } },
      null,
      { __typename: 'Product', id: product.id },
      null,
      { __typename: 'Supplier', id: supplier.id },
      { __typename: 'FollowUp', id: shared.id },
    ]);
    // The UNION of tables, then one read per type present (and the measurement's follow-up and substance).
    expect(statements).toBeLessThanOrEqual(8);
  });

  it('principals, tokens and audit-log entries only for an ADMIN of their organisation', async () => {
    const me = dataOf(await sut.gql('{ me { principal { id } tokenId } }', {}, TOKENS.admin)).me;
    const entry = dataOf(await sut.gql('{ auditLog(first: 1) { nodes { id } } }', {}, TOKENS.admin)).auditLog.nodes[0];
    const ids = [me.principal.id, me.tokenId, entry.id];

    const asAdmin = dataOf(
      await sut.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids }, TOKENS.admin),
    );
    const asOther = dataOf(
      await sut.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids }, TOKENS.skane),
    );

    expect(asAdmin.nodes).toEqual([
      { __typename: 'Principal', id: me.principal.id },
      { __typename: 'ApiToken', id: me.tokenId },
      { __typename: 'AuditLogEntry', id: entry.id },
    ]);
    expect(asOther.nodes).toEqual([null, null, null]);
  });

  it('nodes(ids) with more than 100 ids is BAD_USER_INPUT', async () => {
    const r = await sut.gql(NODES, { ids: Array.from({ length: 101 }, () => randomUUID()) }, TOKENS.stockholm);

    expectError(r, 'BAD_USER_INPUT', 'ids');
  });
});
