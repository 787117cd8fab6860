import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { TransactionService } from '../src/database/transaction.service.js';
import { EventLogService, type NewEvent } from '../src/events/event-log.service.js';
import { uniqueCasNumber } from './factories/identifiers.js';
import {
  buildFollowUp,
  daysFromNow,
  FollowUpFactory,
  measure,
  phthalates,
  type Token,
} from './factories/follow-ups.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient, WsSubscription } from './helpers/ws-client.js';

/**
 * The followUpEvents subscription over a real graphql-ws client, and the events query for clients
 * that poll. Every test works on its own fresh suppliers (filters keep the other tests' events
 * out) and subscribes with `after: "0"` where it needs to be sure to see a write made right after
 * subscribing (the log is replayed from the start, then live).
 */

const EVENT_FIELDS = `cursor type occurredAt subjectType subjectId actorOrganisation { code }
  followUp { id visibility notes confidentialNotes organisation { code } supplier { id } product { id } }`;
const SUBSCRIPTION = `subscription ($filter: FollowUpEventFilter, $after: String) { followUpEvents(filter: $filter, after: $after) { ${EVENT_FIELDS} } }`;

interface Event {
  cursor: string;
  type: string;
  subjectType: string;
  actorOrganisation: { code: string } | null;
  followUp: {
    id: string;
    visibility: string;
    notes: string | null;
    confidentialNotes: string | null;
    organisation: { code: string };
  };
}

/** [type, follow-up id] pairs: what a test compares. */
const summary = (events: Event[]) => events.map((e) => [e.type, e.followUp.id]);

describe('followUpEvents: live follow-up events over graphql-ws', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let phtId: string;
  let stockholmId: string;
  const clients: WsClient[] = [];

  const connect = (token: Token | string | null, params?: Record<string, unknown>): WsClient => {
    const client = new WsClient(sut.wsUrl, token, params);
    clients.push(client);
    return client;
  };
  const subscribe = (
    token: Token | string,
    filter: Record<string, unknown>,
    after: string | null = '0',
  ): WsSubscription<Event> => connect(token).subscribe<Event>(SUBSCRIPTION, { filter, after });

  /** Every event the events query returns for `token` and `filter`, paging through with `first`. */
  async function poll(
    token: Token,
    filter: Record<string, unknown>,
    after: string | null = null,
    first = 100,
  ): Promise<Event[]> {
    const all: Event[] = [];
    for (let cursor = after; ;) {
      const r = await sut.gql(
        `query ($filter: FollowUpEventFilter, $after: String, $first: Int) { events(filter: $filter, after: $after, first: $first) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${EVENT_FIELDS} } } }`,
        { filter, after: cursor, first },
        token,
      );
      const page = dataOf(r).events;
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return all;
      cursor = page.pageInfo.endCursor;
    }
  }

  const record = (token: Token, o: Parameters<typeof buildFollowUp>[0]) =>
    f.record(buildFollowUp(o), token, 'id version');

  beforeAll(async () => {
    // Tokens of open connections are checked every 0.5 s here (default 5 s), so expiry shows quickly.
    sut = await startTestApp({ env: { WS_TOKEN_RECHECK_MS: '500' } });
    f = new FollowUpFactory(sut);
    phtId = await f.requirementId('K-PHT-01');
    stockholmId = await f.catalogue.organisationId('region-stockholm');
  }, 60_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => sut.close());

  it('delivers every kind of follow-up event as it is committed, in order, with the acting organisation', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    const stockholmContract = await f.contract(TOKENS.stockholm, supplier.id, [{ code: 'K-PHT-01' }]);
    const sub = subscribe(TOKENS.reader, { supplierId: supplier.id });

    // A planned follow-up, started and completed.
    const planned = await record(TOKENS.skane, {
      productId: product.id,
      status: 'PLANNED',
      performedOn: daysFromNow(10),
      measurements: [],
    });
    dataOf(await f.transitionRaw('start', planned.id, TOKENS.skane));
    dataOf(await f.transitionRaw('complete', planned.id, TOKENS.skane, { performedOn: daysFromNow(0) }));
    // A completed analysis that Stockholm relies on and opens, changes and resolves a deviation on; closed, then retracted.
    const analysis = await record(TOKENS.skane, {
      productId: product.id,
      requirementIds: [phtId],
      measurements: phthalates('PVC surface', {}, 10),
    });
    dataOf(await f.recordReuseRaw(analysis.id, stockholmContract.id, TOKENS.stockholm));
    const deviation = await f.openDeviation(
      { followUpId: analysis.id, severity: 'MINOR', description: 'Märkning saknas', dueDate: daysFromNow(30) },
      TOKENS.stockholm,
    );
    await f.updateDeviation(deviation.id, { actionPlan: 'Leverantören märker om' }, TOKENS.stockholm);
    await f.resolveDeviation(deviation.id, TOKENS.stockholm);
    dataOf(await f.updateRaw(analysis.id, 1, { notes: 'Kompletterad' }, TOKENS.skane, 'id'));
    dataOf(await f.transitionRaw('close', analysis.id, TOKENS.skane));
    await f.retract(analysis.id, TOKENS.skane);

    const events = await sub.waitFor(11);
    expect(events.map((e) => [e.type, e.followUp.id, e.actorOrganisation?.code])).toEqual([
      ['PLANNED', planned.id, 'region-skane'],
      ['UPDATED', planned.id, 'region-skane'],
      ['COMPLETED', planned.id, 'region-skane'],
      ['RECORDED', analysis.id, 'region-skane'],
      ['REUSED', analysis.id, 'region-stockholm'],
      ['DEVIATION_OPENED', analysis.id, 'region-stockholm'],
      ['DEVIATION_UPDATED', analysis.id, 'region-stockholm'],
      ['DEVIATION_RESOLVED', analysis.id, 'region-stockholm'],
      ['UPDATED', analysis.id, 'region-skane'],
      ['CLOSED', analysis.id, 'region-skane'],
      ['RETRACTED', analysis.id, 'region-skane'],
    ]);
    expect(events).toHaveLength(11);
    expect(events.map((e) => e.subjectType)).toEqual([
      'FOLLOW_UP',
      'FOLLOW_UP',
      'FOLLOW_UP',
      'FOLLOW_UP',
      'REUSE',
      'DEVIATION',
      'DEVIATION',
      'DEVIATION',
      'FOLLOW_UP',
      'FOLLOW_UP',
      'FOLLOW_UP',
    ]);
    const cursors = events.map((e) => Number(e.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    expect(new Set(cursors).size).toBe(cursors.length);
    // The follow-up as it is when delivered, and the same events for a client that polls.
    expect(events.at(-1)!.followUp).toMatchObject({
      id: analysis.id,
      notes: 'Kompletterad',
      organisation: { code: 'region-skane' },
    });
    expect(summary(await poll(TOKENS.reader, { supplierId: supplier.id }))).toEqual(summary(events));
  }, 30_000);

  it('without a cursor starts live: only events committed after it subscribed', async () => {
    const supplier = await f.supplier();
    const before = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    const client = connect(TOKENS.stockholm);
    await client.connected;
    const sub = client.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id } });
    // No acknowledgement of a subscribe exists in graphql-ws: give the server a moment to start it.
    await WsSubscription.settle(500);
    const after = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await sub.waitFor(1);
    await WsSubscription.settle();
    expect(summary(sub.received)).toEqual([['RECORDED', after.id]]);
    expect(sub.received.map((e) => e.followUp.id)).not.toContain(before.id);
  });

  it('without a cursor, right after connecting, also delivers a write made before the server read the subscribe message', async () => {
    const supplier = await f.supplier();
    const client = connect(TOKENS.stockholm);
    await client.connected;
    const sub = client.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id } });
    const written = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await sub.waitFor(1);
    expect(summary(sub.received)).toEqual([['RECORDED', written.id]]);
  });

  it('never shows confidential notes to other organisations, nor any event of their PRIVATE follow-ups', async () => {
    const supplier = await f.supplier();
    const stockholm = subscribe(TOKENS.stockholm, { supplierId: supplier.id });
    const skane = subscribe(TOKENS.skane, { supplierId: supplier.id });

    const shared = await record(TOKENS.skane, {
      supplierId: supplier.id,
      method: 'DESK_AUDIT',
      confidentialNotes: 'HEMLIGT-1: underleverantör X',
    });
    const draft = await record(TOKENS.skane, {
      supplierId: supplier.id,
      method: 'DESK_AUDIT',
      visibility: 'PRIVATE',
      confidentialNotes: 'HEMLIGT-2',
    });
    await f.openDeviation(
      { followUpId: draft.id, severity: 'MAJOR', description: 'Utkast', dueDate: daysFromNow(5) },
      TOKENS.skane,
    );
    dataOf(await f.updateRaw(draft.id, 1, { confidentialNotes: 'HEMLIGT-3' }, TOKENS.skane, 'id'));
    const last = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });

    await skane.waitFor(5);
    expect(summary(skane.received)).toEqual([
      ['RECORDED', shared.id],
      ['RECORDED', draft.id],
      ['DEVIATION_OPENED', draft.id],
      ['UPDATED', draft.id],
      ['RECORDED', last.id],
    ]);
    expect(skane.received[0]!.followUp.confidentialNotes).toBe('HEMLIGT-1: underleverantör X');

    await stockholm.waitFor(2);
    await WsSubscription.settle();
    expect(summary(stockholm.received)).toEqual([
      ['RECORDED', shared.id],
      ['RECORDED', last.id],
    ]);
    expect(stockholm.received.every((e) => e.followUp.confidentialNotes === null)).toBe(true);
    const polled = await poll(TOKENS.stockholm, { supplierId: supplier.id });
    expect(summary(polled)).toEqual(summary(stockholm.received));
    for (const text of [JSON.stringify(stockholm.received), JSON.stringify(polled)]) {
      expect(text).not.toContain('HEMLIGT');
      expect(text).not.toContain(draft.id);
    }

    // Made PRIVATE later: its further events, and on a replay its earlier ones, are gone for others too.
    dataOf(await f.updateRaw(shared.id, 1, { visibility: 'PRIVATE' }, TOKENS.skane, 'id'));
    await skane.waitFor(6);
    await WsSubscription.settle();
    expect(stockholm.received).toHaveLength(2);
    const replay = subscribe(TOKENS.stockholm, { supplierId: supplier.id });
    await replay.waitFor(1);
    await WsSubscription.settle();
    expect(summary(replay.received)).toEqual([['RECORDED', last.id]]);
  }, 30_000);

  it('filters by supplier, product, requirement, category with its sub-categories, organisation and event type', async () => {
    const parent = await f.catalogue.category({ parentCode: 'CHILD-PLAYMAT' }, TOKENS.coordinator);
    const child = await f.catalogue.category({ parentCode: parent.code }, TOKENS.coordinator);
    const [a, b] = [await f.supplier(), await f.supplier()];
    const pA1 = await f.product(a.id, { categoryCode: child.code });
    const pA2 = await f.product(a.id, { categoryCode: null });
    const pB1 = await f.product(b.id, { categoryCode: parent.code });
    const filters: Record<string, Record<string, unknown>> = {
      supplierA: { supplierId: a.id },
      productA1: { productId: pA1.id },
      requirementA: { requirementId: phtId, supplierId: a.id },
      requirementB: { requirementId: phtId, supplierId: b.id },
      categoryParent: { categoryCode: parent.code },
      categoryChild: { categoryCode: child.code },
      stockholmA: { organisationId: stockholmId, supplierId: a.id },
      retractedA: { supplierId: a.id, types: ['RETRACTED'] },
      lifecycleB: { supplierId: b.id, types: ['RECORDED', 'RETRACTED'] },
    };
    const subs = Object.fromEntries(
      Object.entries(filters).map(([name, filter]) => [name, subscribe(TOKENS.reader, filter)]),
    );

    const fu1 = await record(TOKENS.skane, { productId: pA1.id, requirementIds: [phtId] });
    const fu2 = await record(TOKENS.stockholm, { productId: pA2.id });
    const fu3 = await record(TOKENS.skane, { productId: pB1.id });
    const fu4 = await record(TOKENS.skane, { supplierId: b.id, method: 'DESK_AUDIT', requirementIds: [phtId] });
    await f.retract(fu1.id, TOKENS.skane);

    const expected: Record<string, Array<[string, string]>> = {
      supplierA: [
        ['RECORDED', fu1.id],
        ['RECORDED', fu2.id],
        ['RETRACTED', fu1.id],
      ],
      productA1: [
        ['RECORDED', fu1.id],
        ['RETRACTED', fu1.id],
      ],
      requirementA: [
        ['RECORDED', fu1.id],
        ['RETRACTED', fu1.id],
      ],
      requirementB: [['RECORDED', fu4.id]],
      categoryParent: [
        ['RECORDED', fu1.id],
        ['RECORDED', fu3.id],
        ['RETRACTED', fu1.id],
      ],
      categoryChild: [
        ['RECORDED', fu1.id],
        ['RETRACTED', fu1.id],
      ],
      stockholmA: [['RECORDED', fu2.id]],
      retractedA: [['RETRACTED', fu1.id]],
      lifecycleB: [
        ['RECORDED', fu3.id],
        ['RECORDED', fu4.id],
      ],
    };
    for (const [name, events] of Object.entries(expected)) await subs[name]!.waitFor(events.length);
    await WsSubscription.settle();
    for (const [name, events] of Object.entries(expected)) {
      expect({ name, events: summary(subs[name]!.received) }).toEqual({ name, events });
      expect({ name, events: summary(await poll(TOKENS.reader, filters[name]!)) }).toEqual({ name, events });
    }
  }, 30_000);

  it('refuses an unknown category or a bad cursor with BAD_USER_INPUT', async () => {
    const badCategory = subscribe(TOKENS.reader, { categoryCode: 'NO-SUCH-CATEGORY' });
    const badCursor = connect(TOKENS.reader).subscribe(SUBSCRIPTION, { filter: {}, after: 'abc' });
    await badCategory.waitForEnd();
    await badCursor.waitForEnd();
    expect(badCategory.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(badCategory.errors)).toContain('NO-SUCH-CATEGORY');
    expect(badCursor.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expectError(await sut.gql('{ events(after: "x") { totalCount } }', {}, TOKENS.reader), 'BAD_USER_INPUT', 'after');
  });

  describe('authentication on the socket', () => {
    it('closes the socket with 4403 for a bad, malformed or revoked token', async () => {
      const tokens = sut.app.get(TokenAdminService);
      const revoked = await tokens.create({
        organisationCode: 'region-stockholm',
        role: 'READER',
        name: 'Revoked reader',
        kind: 'API_CLIENT',
      });
      await tokens.revoke(revoked.summary.id);
      for (const params of [
        { authorization: 'Bearer kk_not_a_token' },
        { authorization: 'Basic dXNlcjpwYXNz' },
        { authorization: `Bearer ${revoked.token}` },
        { authorization: 42 },
      ]) {
        const client = connect(null, params);
        await expect(client.closed).resolves.toMatchObject({ code: 4403 });
      }
    });

    it('lets an anonymous socket connect but refuses its subscriptions (UNAUTHENTICATED) and any query', async () => {
      const client = connect(null);
      await client.connected;
      const sub = client.subscribe(SUBSCRIPTION, { filter: {} });
      await sub.waitForEnd();
      expect(sub.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(sub.received).toEqual([]);
      expectError(await sut.gql('{ events { totalCount } }', {}, null), 'UNAUTHENTICATED');
    });

    it('disconnects a subscriber (4403) as soon as its token is revoked', async () => {
      const tokens = sut.app.get(TokenAdminService);
      const issued = await tokens.create({
        organisationCode: 'region-stockholm',
        role: 'READER',
        name: 'Dashboard',
        kind: 'API_CLIENT',
      });
      const supplier = await f.supplier();
      const client = connect(issued.token);
      const sub = client.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
      await sub.waitFor(1);

      const started = Date.now();
      await tokens.revoke(issued.summary.id);
      await expect(client.closed).resolves.toMatchObject({ code: 4403, reason: expect.stringContaining('revoked') });
      expect(Date.now() - started).toBeLessThan(3000);
      await sub.waitForEnd();
      await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
      await WsSubscription.settle();
      expect(sub.received).toHaveLength(1);
    });

    it('disconnects a subscriber (4403) when its token expires', async () => {
      const tokens = sut.app.get(TokenAdminService);
      const issued = await tokens.create({
        organisationCode: 'region-stockholm',
        role: 'READER',
        name: 'Short-lived',
        kind: 'API_CLIENT',
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      });
      const client = connect(issued.token);
      await client.connected;
      client.subscribe(SUBSCRIPTION, { filter: {} });
      await expect(client.closed).resolves.toMatchObject({ code: 4403, reason: expect.stringContaining('expired') });
    });
  });

  it('serves only subscriptions over the socket, under the same query limits as HTTP', async () => {
    const client = connect(TOKENS.reader);
    const query = client.subscribe('{ suppliers { totalCount } }');
    await query.waitForEnd();
    expect(query.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });

    let deep = 'id';
    for (let i = 0; i < 8; i++) deep = `id measurements { followUp { ${deep} } }`;
    const tooDeep = client.subscribe(`subscription { followUpEvents { followUp { ${deep} } } }`);
    await tooDeep.waitForEnd();
    expect(tooDeep.errors[0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
  });

  it('resumes after a disconnect with exactly the events missed meanwhile, then continues live', async () => {
    const supplier = await f.supplier();
    const other = await f.supplier();
    const first = subscribe(TOKENS.stockholm, { supplierId: supplier.id });
    const fu1 = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    const fu2 = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await first.waitFor(2);
    const lastCursor = first.received[1]!.cursor;
    await Promise.all(clients.splice(0).map((c) => c.dispose()));

    // Written while nobody listens.
    const fu3 = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await record(TOKENS.skane, { supplierId: other.id, method: 'DESK_AUDIT' });
    dataOf(await f.updateRaw(fu1.id, 1, { notes: 'Efter avbrottet' }, TOKENS.skane, 'id'));
    const fu4 = await record(TOKENS.stockholm, { supplierId: supplier.id, method: 'SITE_AUDIT' });

    const resumed = subscribe(TOKENS.stockholm, { supplierId: supplier.id }, lastCursor);
    await resumed.waitFor(3);
    const fu5 = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await resumed.waitFor(4);
    await WsSubscription.settle();
    expect(summary(resumed.received)).toEqual([
      ['RECORDED', fu3.id],
      ['UPDATED', fu1.id],
      ['RECORDED', fu4.id],
      ['RECORDED', fu5.id],
    ]);

    const all = [...first.received, ...resumed.received];
    expect(summary(all)).toEqual(summary(await poll(TOKENS.stockholm, { supplierId: supplier.id })));
    expect(summary(all).slice(0, 2)).toEqual([
      ['RECORDED', fu1.id],
      ['RECORDED', fu2.id],
    ]);
    expect(new Set(all.map((e) => e.cursor)).size).toBe(all.length);
  }, 30_000);

  it('joins the replay and the live events with no gap and no duplicate while writes keep coming, in commit order', async () => {
    const supplier = await f.supplier();
    const tokens: Token[] = [TOKENS.skane, TOKENS.stockholm];
    // Before subscribing: 5 writes; while it starts: 12 more, 4 at a time (concurrent transactions).
    for (let i = 0; i < 5; i++) await record(tokens[i % 2]!, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    const sub = subscribe(TOKENS.reader, { supplierId: supplier.id });
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        [0, 1, 2, 3].map((i) => record(tokens[i % 2]!, { supplierId: supplier.id, method: 'DESK_AUDIT' })),
      );
    }
    await sub.waitFor(17, 15_000);
    await WsSubscription.settle();
    const polled = await poll(TOKENS.reader, { supplierId: supplier.id }, null, 7);
    expect(polled).toHaveLength(17);
    expect(sub.received.map((e) => e.cursor)).toEqual(polled.map((e) => e.cursor));
    const cursors = polled.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
  }, 30_000);

  it('never skips an event whose transaction commits late: events become visible in seq order', async () => {
    const supplier = await f.supplier();
    const followUp = await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    const sub = subscribe(TOKENS.reader, { supplierId: supplier.id });
    await sub.waitFor(1);
    const tx = sut.app.get(TransactionService);
    const log = sut.app.get(EventLogService);
    const event: NewEvent = {
      type: 'UPDATED',
      subjectType: 'FollowUp',
      subjectId: followUp.id,
      followUpId: followUp.id,
      actorOrganisationId: stockholmId,
    };
    let release!: () => void;
    let appended!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));

    // The first writer draws its seq, then keeps its transaction open; a second writer comes along.
    const slow = tx.run(async (uow) => {
      const saved = await log.append(uow, null, event);
      appended();
      await held;
      return saved.seq;
    });
    await firstAppended;
    const fast = tx.run(async (uow) => (await log.append(uow, null, event)).seq);
    await WsSubscription.settle(700);
    expect(sub.received).toHaveLength(1);

    release();
    const [slowSeq, fastSeq] = await Promise.all([slow, fast]);
    expect(slowSeq).toBeLessThan(fastSeq);
    await sub.waitFor(3);
    await WsSubscription.settle();
    expect(sub.received.slice(1).map((e) => Number(e.cursor))).toEqual([slowSeq, fastSeq]);
  });

  it('emits nothing for a write that rolled back', async () => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    const sub = subscribe(TOKENS.skane, { supplierId: supplier.id });
    // Refused inside the transaction, after the follow-up row was inserted: a substance the registry does not know.
    const refused = await f.recordRaw(
      buildFollowUp({ productId: product.id, measurements: [measure.detected(uniqueCasNumber(), 'PVC', 5)] }),
      TOKENS.skane,
      'id',
    );
    expectError(refused, 'BAD_USER_INPUT');
    const good = await record(TOKENS.skane, { productId: product.id });
    await sub.waitFor(1);
    await WsSubscription.settle();
    expect(summary(sub.received)).toEqual([['RECORDED', good.id]]);
    expect(summary(await poll(TOKENS.skane, { supplierId: supplier.id }))).toEqual([['RECORDED', good.id]]);
    expect((await f.list({ supplierId: supplier.id }, TOKENS.skane)).totalCount).toBe(1);
  });

  it('pages the events query by cursor, with the same cursors as the subscription', async () => {
    const supplier = await f.supplier();
    const sub = subscribe(TOKENS.reader, { supplierId: supplier.id });
    for (let i = 0; i < 5; i++) await record(TOKENS.skane, { supplierId: supplier.id, method: 'DESK_AUDIT' });
    await sub.waitFor(5);

    const page = async (after: string | null) =>
      dataOf(
        await sut.gql(
          'query ($f: FollowUpEventFilter, $a: String) { events(filter: $f, after: $a, first: 2) { totalCount edges { cursor node { cursor type } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
          { f: { supplierId: supplier.id }, a: after },
          TOKENS.reader,
        ),
      ).events;
    const p1 = await page(null);
    const p2 = await page(p1.pageInfo.endCursor);
    const p3 = await page(p2.pageInfo.endCursor);
    expect([p1.totalCount, p1.pageInfo.hasNextPage, p2.pageInfo.hasNextPage, p3.pageInfo.hasNextPage]).toEqual([
      5,
      true,
      true,
      false,
    ]);
    expect([...p1.edges, ...p2.edges, ...p3.edges].map((e: { cursor: string }) => e.cursor)).toEqual(
      sub.received.map((e) => e.cursor),
    );
    expect(p3.pageInfo.hasPreviousPage).toBe(true);
    const empty = await page(p3.pageInfo.endCursor);
    expect(empty).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
