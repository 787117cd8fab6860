import { uniqueSuffix } from './factories/identifiers.js';
import { buildFollowUp, FollowUpFactory, phthalates, type RecordFollowUpInput } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient, WsSubscription } from './helpers/ws-client.js';

/**
 * Supplier members (issue 19): a member of supplier A reads A's SHARED follow-ups and nothing
 * else: not A's PRIVATE ones, not supplier B's, never a confidential note, never a region's
 * contracts beyond A's own; on every path (lists, lookups, relations, events, the subscription,
 * the CSV export). Region-only reads are refused.
 */
describe('supplier members: what a supplier sees', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  const SECRET = `Konfidentiellt om receptur ${uniqueSuffix()}`;
  const ids: Record<string, string> = {};
  let member: string;

  const record = async (token: string, o: Partial<RecordFollowUpInput>) =>
    (await f.record(
      buildFollowUp({ requirementIds: [ids.pht!], measurements: phthalates('PVC', {}, 10), ...o }),
      token as never,
      'id',
    )) as { id: string };
  const invite = (supplierId: string, token: string, email = 'lev@example.org') =>
    sut.gql(
      'mutation ($s: ID!, $e: String!) { inviteSupplierMember(supplierId: $s, name: "Lena Leverantör", email: $e) { token principal { id kind } supplier { id } organisation { kind code } } }',
      { s: supplierId, e: email },
      token,
    );

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    ids.pht = await f.requirementId('K-PHT-01');
    ids.a = (await f.supplier()).id;
    ids.b = (await f.supplier()).id;
    ids.productA = (await f.product(ids.a)).id;
    ids.productB = (await f.product(ids.b)).id;
    ids.skaneA = (await f.contract(TOKENS.skane, ids.a, [{ code: 'K-PHT-01' }])).id;
    ids.skaneB = (await f.contract(TOKENS.skane, ids.b, [{ code: 'K-PHT-01' }])).id;
    ids.stockholmA = (await f.contract(TOKENS.stockholm, ids.a, [{ code: 'K-PHT-01' }])).id;
    ids.stockholmB = (await f.contract(TOKENS.stockholm, ids.b, [{ code: 'K-PHT-01' }])).id;
    // A's SHARED follow-up, recorded under Skåne's contract with B (contracts are not tied to the product's supplier).
    ids.a1 = (
      await record(TOKENS.skane, { productId: ids.productA, contractId: ids.skaneB, confidentialNotes: SECRET })
    ).id;
    ids.a2 = (await record(TOKENS.skane, { productId: ids.productA, visibility: 'PRIVATE' })).id;
    ids.b1 = (await record(TOKENS.skane, { productId: ids.productB })).id;
    await f.openDeviation({ followUpId: ids.a1, severity: 'MINOR', description: 'Märkning saknas' }, TOKENS.skane);
    await f.openDeviation({ followUpId: ids.b1, severity: 'MINOR', description: 'B:s avvikelse' }, TOKENS.skane);
    dataOf(await f.recordReuseRaw(ids.a1, ids.stockholmA, TOKENS.stockholm));
    member = dataOf(await invite(ids.a, TOKENS.skane)).inviteSupplierMember.token;
  }, 60_000);
  afterAll(() => sut.close());

  /** Nothing of what the member may not see, anywhere in an answer. */
  const expectNothingForeign = (answer: unknown) => {
    const text = JSON.stringify(answer);
    for (const hidden of [ids.a2, ids.b1, ids.b, ids.skaneB, ids.stockholmB, SECRET, 'B:s avvikelse'])
      expect(text).not.toContain(hidden);
  };

  it('is invited by a region with a contract: a member of the supplier’s own organisation, role SUPPLIER', async () => {
    const again = dataOf(await invite(ids.a, TOKENS.stockholm, 'andra@example.org')).inviteSupplierMember;
    const me = dataOf(await sut.gql('{ me { role organisation { kind code supplier { id } } } }', {}, member)).me;

    expect(me).toEqual({
      role: 'SUPPLIER',
      organisation: { kind: 'SUPPLIER', code: `supplier-${ids.a}`, supplier: { id: ids.a } },
    });
    // The second invitation joins the same organisation.
    expect(again.organisation).toEqual({ kind: 'SUPPLIER', code: me.organisation.code });
    expect(again.principal.kind).toBe('MEMBER');
  });

  it.each([
    ['a region without a contract with the supplier', TOKENS.coordinator, 'lev@example.org', 'FORBIDDEN'],
    ['a READER', TOKENS.reader, 'lev@example.org', 'FORBIDDEN'],
    ['a supplier member', 'member', 'lev@example.org', 'FORBIDDEN'],
    ['without an e-mail address', TOKENS.skane, 'inte-en-adress', 'BAD_USER_INPUT'],
  ])('an invitation by %s is refused', async (_label, token, email, code) => {
    const res = await invite(ids.a, token === 'member' ? member : token, email);

    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('a region cannot hand the role SUPPLIER to its own member, nor a supplier member a region role', async () => {
    const client = dataOf(
      await sut.gql('mutation { createApiClient(input: { name: "Lev-klient" }) { id } }', {}, TOKENS.admin),
    ).createApiClient;
    const res = await sut.gql(
      'mutation ($p: ID!) { createToken(input: { principalId: $p, role: SUPPLIER, name: "x" }) { token } }',
      { p: client.id },
      TOKENS.admin,
    );

    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('SUPPLIER');
  });

  it('lists only its own supplier’s SHARED follow-ups, without confidential notes or other contracts', async () => {
    const all = dataOf(
      await sut.gql(
        '{ followUps(first: 100) { totalCount nodes { id confidentialNotes contract { id } supplier { id } deviations { description contract { id } } reuses { contract { id } organisation { code } } } } }',
        {},
        member,
      ),
    ).followUps;
    const byB = dataOf(
      await sut.gql('query ($s: ID!) { followUps(filter: { supplierId: $s }) { totalCount } }', { s: ids.b }, member),
    ).followUps;

    expect(all.nodes.map((n: any) => n.id)).toEqual([ids.a1]);
    expect(all.nodes[0]).toMatchObject({ confidentialNotes: null, contract: null, supplier: { id: ids.a } });
    expect(all.nodes[0].reuses).toEqual([
      { contract: { id: ids.stockholmA }, organisation: { code: 'region-stockholm' } },
    ]);
    expect(byB.totalCount).toBe(0);
    expectNothingForeign(all);
  });

  it.each([
    ['A’s PRIVATE follow-up', 'a2'],
    ['B’s SHARED follow-up', 'b1'],
  ])('looks up %s: null, as if it did not exist', async (_label, key) => {
    const res = await sut.gql('query ($id: ID!) { followUp(id: $id) { id notes } }', { id: ids[key] }, member);

    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ followUp: null });
  });

  it('reads the events of its own SHARED follow-ups only, by query and by subscription', async () => {
    const polled = dataOf(
      await sut.gql(
        '{ events(first: 100) { nodes { type followUp { id confidentialNotes contract { id } } } } }',
        {},
        member,
      ),
    ).events;
    const client = new WsClient(sut.wsUrl, member);
    try {
      const sub: WsSubscription<any> = client.subscribe(
        'subscription { followUpEvents(after: "0") { type followUp { id confidentialNotes } } }',
        {},
      );
      await WsSubscription.settle(1000);

      expect(sub.errors).toEqual([]);
      expect(new Set(sub.received.map((e) => e.followUp.id))).toEqual(new Set([ids.a1]));
      expectNothingForeign(sub.received);
    } finally {
      await client.dispose();
    }
    expect(new Set(polled.nodes.map((e: any) => e.followUp.id))).toEqual(new Set([ids.a1]));
    expectNothingForeign(polled);
  });

  it('exports only its own supplier’s SHARED follow-ups, with no contract of another supplier', async () => {
    const csv = dataOf(await sut.gql('{ followUpsCsv }', {}, member)).followUpsCsv as string;

    expect(csv).toContain(ids.a1);
    expectNothingForeign(csv);
  });

  it.each([
    ['contracts', '{ contracts { totalCount } }'],
    ['contract (its own supplier’s)', `{ contract(id: "CA") { id } }`],
    ['supplierStatus of another supplier', `{ supplierStatus(supplierId: "B") { light } }`],
    ['products', '{ products { totalCount } }'],
    ['suppliers', '{ suppliers { totalCount } }'],
    ['evaluateProduct', `{ evaluateProduct(productId: "PA", contractId: "CA") { verdict } }`],
    ['auditLog', '{ auditLog { totalCount } }'],
  ])('is refused the region-only read %s', async (_label, query) => {
    const res = await sut.gql(
      query.replace('"CA"', `"${ids.skaneA}"`).replace('"B"', `"${ids.b}"`).replace('"PA"', `"${ids.productA}"`),
      {},
      member,
    );

    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A nullable lookup answers null beside the error; nothing else.
    expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
  });

  it('reads its own traffic light, from its own SHARED follow-ups’ deviations', async () => {
    const status = dataOf(
      await sut.gql(
        'query ($s: ID!) { supplierStatus(supplierId: $s) { light openDeviations { description followUp { id } contract { id } } } }',
        { s: ids.a },
        member,
      ),
    ).supplierStatus;

    expect(status.light).toBe('YELLOW');
    expect(status.openDeviations).toEqual([
      { description: 'Märkning saknas', followUp: { id: ids.a1 }, contract: null },
    ]);
    expectNothingForeign(status);
  });

  it('writes nothing of the regions’: recordFollowUp is FORBIDDEN', async () => {
    const res = await sut.gql(
      'mutation ($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }',
      { i: buildFollowUp({ productId: ids.productA, requirementIds: [ids.pht], measurements: [] }) },
      member,
    );

    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
