import { randomUUID } from 'node:crypto';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import { FocusAreaFactory } from './factories/focus-areas.js';
import { buildFollowUp, CAS, daysFromNow, FollowUpFactory, measure, phthalates } from './factories/follow-ups.js';
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
    sut = await startTestApp({ env: { NOTIFY_ENABLED: 'false' } });
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

  describe('the types of issues 12, 16 and 19, each under its own list’s or lookup’s rule', () => {
    const ID_ONLY = 'query ($id: ID!) { node(id: $id) { __typename id } }';
    const ids: Record<string, string> = {};
    let member: string; // a SUPPLIER member of `supplier`
    const own: Record<string, string> = {}; // the member's own records
    const nodeAs = async (id: string, token: string) => dataOf(await sut.gql(ID_ONLY, { id }, token)).node;
    const mutate = async (query: string, variables: Record<string, unknown>, token: string) =>
      dataOf(await sut.gql(query, variables, token));
    const comment = async (followUpId: string, text: string, token: string) =>
      (
        await mutate(
          'mutation ($id: ID!, $text: String!) { commentOnFollowUp(followUpId: $id, text: $text) { id } }',
          { id: followUpId, text },
          token,
        )
      ).commentOnFollowUp.id as string;
    const watchProduct = async (token: string) =>
      (await mutate('mutation ($t: ID) { watch(kind: PRODUCT, targetId: $t) { id } }', { t: product.id }, token)).watch
        .id as string;
    const firstDelivery = async (webhookId: string, token: string) =>
      (await mutate('query ($w: ID!) { webhookDeliveries(webhookId: $w) { nodes { id } } }', { w: webhookId }, token))
        .webhookDeliveries.nodes[0].id as string;
    const createWebhook = async (url: string, token: string) =>
      (
        await mutate(
          'mutation ($url: String!) { createWebhook(url: $url, events: [FOLLOW_UP_COMPLETED]) { webhook { id } } }',
          { url },
          token,
        )
      ).createWebhook.webhook.id as string;

    beforeAll(async () => {
      // A delegation from Adda (the ADMIN's organisation) to Region Skåne.
      const skane = (await mutate('{ me { organisation { id } } }', {}, TOKENS.skane)).me.organisation.id;
      ids.Delegation = (
        await mutate(
          'mutation ($to: ID!, $e: Date!) { grantDelegation(toOrganisationId: $to, scopes: [FOLLOW_UPS], expiresOn: $e) { id } }',
          { to: skane, e: daysFromNow(30) },
          TOKENS.admin,
        )
      ).grantDelegation.id;

      // A supplier's comment on a follow-up of Skåne's, which Skåne then makes PRIVATE.
      await f.contract(TOKENS.skane, supplier.id, [{ code: 'K-PHT-01' }]);
      const followUp = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [await f.requirementId('K-PHT-01')],
          measurements: phthalates('PVC', {}, 10),
        }),
        TOKENS.skane,
        'id version',
      );
      member = (
        await mutate(
          'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Lev", email: "lev@example.org") { token } }',
          { s: supplier.id },
          TOKENS.skane,
        )
      ).inviteSupplierMember.token;
      ids.FollowUpComment = await comment(followUp.id, 'Ny receptur', member);
      await mutate(
        'mutation ($id: ID!, $v: Int!) { updateFollowUp(id: $id, expectedVersion: $v, input: { visibility: PRIVATE }) { id } }',
        { id: followUp.id, v: followUp.version },
        TOKENS.skane,
      );

      // An import job of Region Skåne's (a background upload).
      const form = new FormData();
      form.append('background', 'true');
      form.append('dryRun', 'true');
      form.append(
        'file',
        new Blob([
          'follow_up_key;product_id;requirement_codes;method;performed_on;substance_cas;part;detected;value;unit\r\n' +
            `k1;${product.id};K-PHT-01;LAB_ANALYSIS;2026-01-15;${CAS.DEHP};PVC;true;0,1;PERCENT_WW\r\n`,
        ]),
        'jobb.csv',
      );
      const upload = await fetch(sut.url.replace('/graphql', '/imports'), {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${TOKENS.skane}` },
      });
      ids.ImportJob = ((await upload.json()) as { job: { id: string } }).job.id;

      // Stockholm watches the product and has a webhook; Skåne's new follow-up makes a delivery to it.
      ids.Watch = await watchProduct(TOKENS.stockholm);
      ids.Webhook = await createWebhook('http://127.0.0.1:9/kemkollen', TOKENS.stockholm);
      // The supplier member too: a watch on its supplier's product, and a webhook of its own.
      own.Watch = await watchProduct(member);
      own.Webhook = await createWebhook('http://127.0.0.1:9/leverantor', member);
      await f.record(
        buildFollowUp({ productId: product.id, measurements: phthalates('PVC', {}, 10) }),
        TOKENS.skane,
        'id',
      );
      await sut.app.get(NotificationWorker).tick();
      ids.WebhookDelivery = await firstDelivery(ids.Webhook, TOKENS.stockholm);
      own.WebhookDelivery = await firstDelivery(own.Webhook, member);
    }, 60_000);

    it.each<[string, string, string]>([
      ['Delegation', TOKENS.admin, TOKENS.skane], // an ADMIN of either organisation; Skåne's member is no ADMIN
      ['FollowUpComment', TOKENS.skane, TOKENS.stockholm], // as its follow-up, now PRIVATE to Skåne
      ['ImportJob', TOKENS.skane, TOKENS.admin], // its own organisation only, no ADMIN exception
      ['Watch', TOKENS.stockholm, TOKENS.skane], // its owner only
      ['Webhook', TOKENS.stockholm, TOKENS.admin],
      ['WebhookDelivery', TOKENS.stockholm, TOKENS.skane],
    ])('a %s: found by the caller its own lookup allows, null for another', async (type, allowed, refused) => {
      const id = ids[type]!;

      expect(await nodeAs(id, allowed)).toEqual({ __typename: type, id });
      expect(await sut.gql(ID_ONLY, { id }, refused)).toEqual({ status: 200, data: { node: null } });
    });

    describe('a SUPPLIER member: what its other paths show it, null for anything else', () => {
      const other: Record<string, string> = {};

      beforeAll(async () => {
        // Another supplier's product and SHARED follow-up, which the member never sees.
        other.Product = (await f.product((await f.supplier()).id)).id;
        const elsewhere = await f.record(
          buildFollowUp({ productId: other.Product, measurements: [measure.detected(CAS.DEHP, 'PVC', 5)] }),
          TOKENS.skane,
          'id measurements { id }',
        );
        other.FollowUp = elsewhere.id;
        other.Measurement = elsewhere.measurements[0]!.id;
        own.FollowUpComment = await comment(shared.id, 'Vi har bytt mjukgörare', member);
        own.Deviation = (
          await f.openDeviation(
            { followUpId: shared.id, severity: 'MINOR', description: 'Etiketten saknas' },
            TOKENS.skane,
          )
        ).id;
        other.Deviation = (
          await f.openDeviation(
            { followUpId: other.FollowUp, severity: 'MINOR', description: 'Etiketten saknas' },
            TOKENS.skane,
          )
        ).id;
        own.FocusArea = await new FocusAreaFactory(sut).create();
      });

      it.each<[string, () => string, () => string]>([
        ['FollowUp', () => shared.id, () => other.FollowUp], // SHARED of its supplier; of another supplier
        ['FollowUp', () => shared.id, () => hidden.id], // ...; PRIVATE, though of its supplier
        ['Measurement', () => shared.measurements[0]!.id, () => hidden.measurements[0]!.id],
        ['Measurement', () => shared.measurements[0]!.id, () => other.Measurement],
        ['FollowUpComment', () => own.FollowUpComment!, () => ids.FollowUpComment!], // the latter's follow-up is PRIVATE now
        ['Product', () => product.id, () => other.Product],
        ['Deviation', () => own.Deviation!, () => other.Deviation!], // as its follow-up
        ['Watch', () => own.Watch!, () => ids.Watch!], // its own; Stockholm's
        ['Webhook', () => own.Webhook!, () => ids.Webhook!],
        ['WebhookDelivery', () => own.WebhookDelivery!, () => ids.WebhookDelivery!],
        ['FocusArea', () => own.FocusArea!, () => randomUUID()], // every one, as focusArea(id) shows them
      ])('a %s: found when its own, null otherwise', async (type, allowed, refused) => {
        expect(await nodeAs(allowed(), member)).toEqual({ __typename: type, id: allowed() });
        expect(await sut.gql(ID_ONLY, { id: refused() }, member)).toEqual({ status: 200, data: { node: null } });
      });

      it('every other type is null to it, even of its own supplier; nodes(ids) answers as node(id)', async () => {
        const me = dataOf(await sut.gql('{ me { principal { id } tokenId } }', {}, member)).me;
        const asked = [product.id, supplier.id, me.principal.id, me.tokenId, shared.id, other.Product];

        const d = dataOf(
          await sut.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: asked }, member),
        );

        expect(d.nodes).toEqual([
          { __typename: 'Product', id: product.id },
          null,
          null,
          null,
          { __typename: 'FollowUp', id: shared.id },
          null,
        ]);
      });
    });

    it('an import job by node(id) carries what importJob answers', async () => {
      const query = `query ($id: ID!) { node(id: $id) { ... on ImportJob { id fileName dryRun errors { row } } } }`;

      expect(dataOf(await sut.gql(query, { id: ids.ImportJob }, TOKENS.skane)).node).toEqual({
        id: ids.ImportJob,
        fileName: 'jobb.csv',
        dryRun: true,
        errors: expect.any(Array),
      });
    });

    it('a delegation by node(id) resolves its organisations and scopes', async () => {
      const query = `query ($id: ID!) { node(id: $id) { ... on Delegation { scopes active organisation { code } delegate { code } } } }`;

      expect(dataOf(await sut.gql(query, { id: ids.Delegation }, TOKENS.admin)).node).toEqual({
        scopes: ['FOLLOW_UPS'],
        active: true,
        organisation: { code: 'adda' },
        delegate: { code: 'region-skane' },
      });
    });
  });

  it('nodes(ids) with more than 100 ids is BAD_USER_INPUT', async () => {
    const r = await sut.gql(NODES, { ids: Array.from({ length: 101 }, () => randomUUID()) }, TOKENS.stockholm);

    expectError(r, 'BAD_USER_INPUT', 'ids');
  });
});
