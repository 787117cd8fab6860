import { buildFollowUp, daysAgo, daysFromNow, FollowUpFactory, phthalates } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * The supplier in the loop (issue 19, item 2): its action plan on a deviation, accepted or rejected
 * by the opening organisation and shown in the traffic light; its comments beside a result; its
 * release of a full report, which other organisations cannot read until then.
 */
describe('supplier answers', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  const ids: Record<string, string> = {};
  let member: string;
  let otherMember: string;

  const DEVIATION = 'id status actionPlan actionPlanStatus actionPlanDueDate actionPlanRejection dueDate';
  const respond = (deviationId: string, token: string, dueDate = daysFromNow(30), actionPlan = 'Byter mjukgörare') =>
    sut.gql(
      `mutation ($d: ID!, $p: String!, $due: Date!) { respondToDeviation(deviationId: $d, actionPlan: $p, dueDate: $due) { ${DEVIATION} } }`,
      { d: deviationId, p: actionPlan, due: dueDate },
      token,
    );
  const decide = (op: 'acceptActionPlan' | 'rejectActionPlan', deviationId: string, token: string, reason?: string) =>
    sut.gql(
      op === 'acceptActionPlan'
        ? `mutation ($d: ID!) { acceptActionPlan(deviationId: $d) { ${DEVIATION} } }`
        : `mutation ($d: ID!, $r: String!) { rejectActionPlan(deviationId: $d, reason: $r) { ${DEVIATION} } }`,
      { d: deviationId, r: reason },
      token,
    );
  const light = async (token: string) =>
    dataOf(await sut.gql('query ($s: ID!) { supplierStatus(supplierId: $s) { light } }', { s: ids.a }, token))
      .supplierStatus.light;
  const invite = async (supplierId: string) =>
    dataOf(
      await sut.gql(
        'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Lev", email: "lev@example.org") { token } }',
        { s: supplierId },
        TOKENS.skane,
      ),
    ).inviteSupplierMember.token as string;
  const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    const pht = await f.requirementId('K-PHT-01');
    ids.a = (await f.supplier()).id;
    ids.b = (await f.supplier()).id;
    ids.product = (await f.product(ids.a)).id;
    await f.contract(TOKENS.skane, ids.a, [{ code: 'K-PHT-01' }]);
    await f.contract(TOKENS.skane, ids.b, [{ code: 'K-PHT-01' }]);
    ids.followUp = (
      await f.record(
        buildFollowUp({
          productId: ids.product,
          requirementIds: [pht],
          measurements: phthalates('PVC', {}, 10),
          laboratory: 'Eurofins Lidköping',
          reportReference: 'AR-2026-0042',
          requiresSupplierRelease: true,
        }),
        TOKENS.skane,
        'id',
      )
    ).id;
    member = await invite(ids.a);
    otherMember = await invite(ids.b);
  }, 60_000);
  afterAll(() => sut.close());

  async function overdueDeviation(): Promise<string> {
    return (
      await f.openDeviation(
        { followUpId: ids.followUp, severity: 'MAJOR', description: 'DEHP över gränsvärdet', dueDate: daysAgo(5) },
        TOKENS.skane,
      )
    ).id;
  }

  it('a proposed plan leaves the light RED; once accepted and within its date it is YELLOW', async () => {
    const deviation = await overdueDeviation();
    expect(await light(TOKENS.skane)).toBe('RED');

    const proposed = dataOf(await respond(deviation, member)).respondToDeviation;
    expect(proposed).toMatchObject({
      status: 'OPEN',
      actionPlanStatus: 'PROPOSED',
      actionPlanDueDate: daysFromNow(30),
    });
    expect(await light(TOKENS.skane)).toBe('RED');

    const accepted = dataOf(await decide('acceptActionPlan', deviation, TOKENS.skane)).acceptActionPlan;
    expect(accepted).toMatchObject({ status: 'ACTION_PLAN_AGREED', actionPlanStatus: 'ACCEPTED' });
    expect(await light(TOKENS.skane)).toBe('YELLOW');
    // The supplier sees it too, through its own follow-up.
    const seen = dataOf(
      await sut.gql(
        'query ($id: ID!) { followUp(id: $id) { deviations { id actionPlanStatus } } }',
        { id: ids.followUp },
        member,
      ),
    ).followUp.deviations;
    expect(seen).toContainEqual({ id: deviation, actionPlanStatus: 'ACCEPTED' });
    // Accepted once: a second decision is a CONFLICT, and changes nothing.
    expect(code(await decide('acceptActionPlan', deviation, TOKENS.skane))).toBe('CONFLICT');
    await f.resolveDeviation(deviation, TOKENS.skane);
  });

  it('a rejected plan keeps the deviation OPEN with the reason; the supplier may propose again', async () => {
    const deviation = await overdueDeviation();
    dataOf(await respond(deviation, member));

    expect(code(await decide('rejectActionPlan', deviation, TOKENS.skane, '   '))).toBe('BAD_USER_INPUT');
    const rejected = dataOf(
      await decide('rejectActionPlan', deviation, TOKENS.skane, 'För sent datum'),
    ).rejectActionPlan;
    expect(rejected).toMatchObject({
      status: 'OPEN',
      actionPlanStatus: 'REJECTED',
      actionPlanRejection: 'För sent datum',
    });

    const again = dataOf(await respond(deviation, member, daysFromNow(10), 'Snabbare byte')).respondToDeviation;
    expect(again).toMatchObject({
      actionPlanStatus: 'PROPOSED',
      actionPlanRejection: null,
      actionPlan: 'Snabbare byte',
    });
    await f.resolveDeviation(deviation, TOKENS.skane);
  });

  it.each([
    ['a region (not a supplier member)', () => TOKENS.skane, 'FORBIDDEN'],
    ["another supplier's member", () => otherMember, 'NOT_FOUND'],
  ])('respondToDeviation by %s is refused', async (_label, token, expected) => {
    const deviation = await overdueDeviation();

    expect(code(await respond(deviation, token()))).toBe(expected);
    await f.resolveDeviation(deviation, TOKENS.skane);
  });

  it('refuses a plan dated in the past, and a decision by another organisation', async () => {
    const deviation = await overdueDeviation();

    expect(code(await respond(deviation, member, daysAgo(1)))).toBe('BAD_USER_INPUT');
    expect(code(await decide('acceptActionPlan', deviation, TOKENS.skane))).toBe('CONFLICT'); // nothing proposed yet
    dataOf(await respond(deviation, member));
    expect(code(await decide('acceptActionPlan', deviation, TOKENS.stockholm))).toBe('FORBIDDEN');
    await f.resolveDeviation(deviation, TOKENS.skane);
  });

  it("a supplier's comment stands beside the result, for every region that sees it", async () => {
    const comment = dataOf(
      await sut.gql(
        'mutation ($id: ID!) { commentOnFollowUp(followUpId: $id, text: "Ny receptur sedan mars") { id text authorName supplier { id } } }',
        { id: ids.followUp },
        member,
      ),
    ).commentOnFollowUp;
    const refused = await sut.gql(
      'mutation ($id: ID!) { commentOnFollowUp(followUpId: $id, text: "x") { id } }',
      { id: ids.followUp },
      otherMember,
    );
    const read = dataOf(
      await sut.gql(
        'query ($id: ID!) { followUp(id: $id) { comments { id text supplier { id } } } }',
        { id: ids.followUp },
        TOKENS.stockholm,
      ),
    ).followUp.comments;

    expect(comment).toMatchObject({ text: 'Ny receptur sedan mars', authorName: 'Lev', supplier: { id: ids.a } });
    expect(code(refused)).toBe('NOT_FOUND');
    expect(read).toContainEqual({ id: comment.id, text: 'Ny receptur sedan mars', supplier: { id: ids.a } });
  });

  it('report details reach other regions only after the supplier released the report', async () => {
    const REPORT =
      'query ($id: ID!) { followUp(id: $id) { laboratory reportReference requiresSupplierRelease reportReleasedAt measurements { value } } }';
    const csv = () =>
      sut.gql('query ($p: ID!) { followUpsCsv(filter: { productId: $p }) }', { p: ids.product }, TOKENS.stockholm);
    const before = dataOf(await sut.gql(REPORT, { id: ids.followUp }, TOKENS.stockholm)).followUp;
    const own = dataOf(await sut.gql(REPORT, { id: ids.followUp }, TOKENS.skane)).followUp;
    const supplier = dataOf(await sut.gql(REPORT, { id: ids.followUp }, member)).followUp;
    const csvBefore = dataOf(await csv()).followUpsCsv;

    expect(before).toMatchObject({
      laboratory: null,
      reportReference: null,
      requiresSupplierRelease: true,
      reportReleasedAt: null,
    });
    expect(before.measurements.length).toBeGreaterThan(0); // values stay shared
    expect(own).toMatchObject({ laboratory: 'Eurofins Lidköping', reportReference: 'AR-2026-0042' });
    expect(supplier).toMatchObject({ reportReference: 'AR-2026-0042' });
    expect(csvBefore).not.toContain('AR-2026-0042');
    expect(csvBefore).not.toContain('Eurofins');

    expect(
      code(
        await sut.gql(
          'mutation ($id: ID!) { releaseReport(followUpId: $id) { id } }',
          { id: ids.followUp },
          TOKENS.skane,
        ),
      ),
    ).toBe('FORBIDDEN');
    dataOf(
      await sut.gql('mutation ($id: ID!) { releaseReport(followUpId: $id) { id } }', { id: ids.followUp }, member),
    );
    const after = dataOf(await sut.gql(REPORT, { id: ids.followUp }, TOKENS.stockholm)).followUp;

    expect(after).toMatchObject({ laboratory: 'Eurofins Lidköping', reportReference: 'AR-2026-0042' });
    expect(after.reportReleasedAt).toEqual(expect.any(String));
    expect(dataOf(await csv()).followUpsCsv).toContain('AR-2026-0042');
    expect(
      code(
        await sut.gql('mutation ($id: ID!) { releaseReport(followUpId: $id) { id } }', { id: ids.followUp }, member),
      ),
    ).toBe('CONFLICT');
  });

  it('each answer is an event of the follow-up, named by the supplier', async () => {
    const history = dataOf(
      await sut.gql(
        'query ($id: ID!) { followUp(id: $id) { history { type actorOrganisation { kind } } } }',
        { id: ids.followUp },
        TOKENS.skane,
      ),
    ).followUp.history as Array<{ type: string; actorOrganisation: { kind: string } }>;
    const types = history.map((e) => e.type);

    for (const type of [
      'ACTION_PLAN_PROPOSED',
      'ACTION_PLAN_ACCEPTED',
      'ACTION_PLAN_REJECTED',
      'COMMENTED',
      'REPORT_RELEASED',
    ])
      expect(types).toContain(type);
    expect(history.find((e) => e.type === 'COMMENTED')?.actorOrganisation.kind).toBe('SUPPLIER');
  });
});
