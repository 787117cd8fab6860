import fc from 'fast-check';
import type { Principal } from '../src/auth/principal.js';
import { Role } from '../src/auth/role.js';
import { TransactionService } from '../src/database/transaction.service.js';
import { EventFeedService } from '../src/events/event-feed.service.js';
import { EventLogService } from '../src/events/event-log.service.js';
import type { FollowUpEventFilter } from '../src/follow-up-events/follow-up-event.model.js';
import { FOLLOW_UP_EVENT_TYPES } from '../src/vocabulary/vocabulary.js';
import {
  type FollowUpEventRow,
  FollowUpEventsService,
  SHARED_READ_MAX_SPAN,
} from '../src/follow-up-events/follow-up-events.service.js';
import type { EventStream } from '../src/events/event-stream.js';
import { buildFollowUp, daysFromNow, FollowUpFactory, type Token } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient, WsSubscription } from './helpers/ws-client.js';

/**
 * One write, many subscribers: live `followUpEvents` streams share one read of each new stretch
 * of the log and filter it in memory per subscriber (FollowUpEventsService). Here: that every
 * subscriber still gets exactly what its filter and its organisation allow, that the reads of the
 * log do not grow with the number of subscribers, and that the in-memory filter and the SQL one
 * (the `events` query's) agree on any filter, viewer and cursor.
 */

const SUBSCRIPTION = `subscription ($filter: FollowUpEventFilter, $after: String) {
  followUpEvents(filter: $filter, after: $after) { cursor type actorOrganisation { code }
    followUp { id visibility confidentialNotes product { name } supplier { name } organisation { code } requirements { code } } } }`;

interface Event {
  cursor: string;
  type: string;
  followUp: { id: string; visibility: string; confidentialNotes: string | null };
}

/** The per-subscriber read of the old design, and the shared read: both select from the log joined with follow-ups. */
const READS_EVENTS = /"?events"?\s+"?e"?\s+INNER JOIN/i;
/** Reads of the relations the subscription selects (each subscriber's own in the old design; one per stretch now). */
const READS_RELATIONS = /FROM\s+"?(products|suppliers|organisations|requirements|follow_up_requirements)"?/i;

describe('followUpEvents fan-out: one write, many subscribers, one read of the log', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let feed: EventFeedService;
  const clients: WsClient[] = [];
  const ids = {} as Record<
    | 'phtId'
    | 'pahId'
    | 'skaneOrg'
    | 'stockholmOrg'
    | 'uppsalaOrg'
    | 'supplierA'
    | 'supplierB'
    | 'productA'
    | 'productA2'
    | 'productB',
    string
  >;
  const categories = {} as Record<'parent' | 'child', string>;
  /** e1: UPDATED of a SHARED follow-up; e2: DEVIATION_OPENED of a PRIVATE one (both Skåne's, product A); e3: REUSED of Stockholm's (product B). */
  const followUps = {} as Record<'shared' | 'private' | 'stockholm', string>;

  /** SELECTs of the log (not its head) and of the follow-ups' relations run while `fn` runs. */
  async function countEventReads(fn: () => Promise<void>): Promise<{ events: number; relations: number }> {
    const logger = sut.dataSource.logger;
    const original = logger.logQuery;
    const n = { events: 0, relations: 0 };
    logger.logQuery = (query, parameters, runner) => {
      if (READS_EVENTS.test(query)) n.events++;
      if (READS_RELATIONS.test(query)) n.relations++;
      return original.call(logger, query, parameters, runner);
    };
    try {
      await fn();
    } finally {
      logger.logQuery = original;
    }
    return n;
  }

  async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    feed = sut.app.get(EventFeedService);
    [ids.phtId, ids.pahId] = await f.requirementIdsOf(['K-PHT-01', 'K-PAH-01']);
    ids.skaneOrg = await f.catalogue.organisationId('region-skane');
    ids.stockholmOrg = await f.catalogue.organisationId('region-stockholm');
    ids.uppsalaOrg = await f.catalogue.organisationId('region-uppsala');
    const parent = await f.catalogue.category({ parentCode: 'CHILD-PLAYMAT' }, TOKENS.coordinator);
    const child = await f.catalogue.category({ parentCode: parent.code }, TOKENS.coordinator);
    categories.parent = parent.code;
    categories.child = child.code;
    ids.supplierA = (await f.supplier()).id;
    ids.supplierB = (await f.supplier()).id;
    ids.productA = (await f.product(ids.supplierA, { categoryCode: child.code })).id;
    ids.productA2 = (await f.product(ids.supplierA, { categoryCode: null })).id;
    ids.productB = (await f.product(ids.supplierB, { categoryCode: parent.code })).id;
    const record = async (token: Token, o: Parameters<typeof buildFollowUp>[0]) =>
      (await f.record(buildFollowUp(o), token, 'id')).id as string;
    followUps.shared = await record(TOKENS.skane, {
      productId: ids.productA,
      requirementIds: [ids.phtId],
      confidentialNotes: 'HEMLIGT-A',
    });
    followUps.private = await record(TOKENS.skane, {
      productId: ids.productA,
      visibility: 'PRIVATE',
      confidentialNotes: 'HEMLIGT-B',
    });
    followUps.stockholm = await record(TOKENS.stockholm, {
      productId: ids.productB,
      requirementIds: [ids.phtId, ids.pahId],
      confidentialNotes: 'HEMLIGT-C',
    });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => sut.close());

  describe('one write to 10 and to 30 subscribers', () => {
    type Expectation = Array<'e1' | 'e2' | 'e3'>;
    const VIEWERS = { skane: TOKENS.skane, stockholm: TOKENS.stockholm, uppsala: TOKENS.reader } as const;
    /** Which of the three events each filter selects, before the visibility rule (e2 is for Skåne alone). */
    const filters = (): Array<[string, Record<string, unknown>, Expectation]> => [
      ['everything', {}, ['e1', 'e2', 'e3']],
      ['category (child)', { categoryCode: categories.child }, ['e1', 'e2']],
      ['requirement', { requirementId: ids.phtId }, ['e1', 'e3']],
      [
        'deviations of supplier A',
        { supplierId: ids.supplierA, types: ['DEVIATION_OPENED', 'DEVIATION_RESOLVED'] },
        ['e2'],
      ],
      ['category (parent) and its sub-categories', { categoryCode: categories.parent }, ['e1', 'e2', 'e3']],
      ['supplier A', { supplierId: ids.supplierA }, ['e1', 'e2']],
      ['product B', { productId: ids.productB }, ['e3']],
      ['recorded by Skåne', { organisationId: ids.skaneOrg }, ['e1', 'e2']],
      ['a requirement and a product', { requirementId: ids.pahId, productId: ids.productB }, ['e3']],
      ['nothing: product A2', { productId: ids.productA2 }, []],
    ];
    const combinations = () =>
      filters().flatMap(([name, filter, events]) =>
        Object.entries(VIEWERS).map(([viewer, token]) => ({
          name: `${viewer}: ${name}`,
          viewer,
          token,
          filter,
          events,
        })),
      );

    /** Opens `n` subscriptions, commits the three events in one transaction, waits for them; returns the reads of the log. */
    async function oneWriteTo(n: number): Promise<{ events: number; relations: number }> {
      const subscribers = combinations().slice(0, n);
      expect(subscribers).toHaveLength(n);
      const connections = new Map(Object.values(VIEWERS).map((token) => [token, new WsClient(sut.wsUrl, token)]));
      clients.push(...connections.values());
      await Promise.all([...connections.values()].map((c) => c.connected));
      const head = await feed.readHead();
      const listening = feed.listenerCount;
      const subs = subscribers.map((s) => ({
        ...s,
        sub: connections.get(s.token)!.subscribe<Event>(SUBSCRIPTION, { filter: s.filter, after: String(head) }),
      }));
      await until(() => feed.listenerCount >= listening + n, `${n} streams to open`);
      await WsSubscription.settle(200);

      const tx = sut.app.get(TransactionService);
      const log = sut.app.get(EventLogService);
      const reads = await countEventReads(async () => {
        await tx.run(async (uow) => {
          await log.append(uow, null, {
            type: 'UPDATED',
            subjectType: 'FollowUp',
            subjectId: followUps.shared,
            followUpId: followUps.shared,
            actorOrganisationId: ids.skaneOrg,
          });
          await log.append(uow, null, {
            type: 'DEVIATION_OPENED',
            subjectType: 'FollowUp',
            subjectId: followUps.private,
            followUpId: followUps.private,
            actorOrganisationId: ids.skaneOrg,
          });
          await log.append(uow, null, {
            type: 'REUSED',
            subjectType: 'FollowUp',
            subjectId: followUps.stockholm,
            followUpId: followUps.stockholm,
            actorOrganisationId: ids.skaneOrg,
          });
        });
        for (const s of subs) {
          const visible = s.events.filter((e) => e !== 'e2' || s.viewer === 'skane');
          await s.sub.waitFor(visible.length);
        }
        await WsSubscription.settle(300);
      });

      // [type, follow-up, its confidential notes as this subscriber sees them]
      const byEvent = (e: 'e1' | 'e2' | 'e3', viewer: string) =>
        ({
          e1: ['UPDATED', followUps.shared, viewer === 'skane' ? 'HEMLIGT-A' : null],
          e2: ['DEVIATION_OPENED', followUps.private, 'HEMLIGT-B'],
          e3: ['REUSED', followUps.stockholm, viewer === 'stockholm' ? 'HEMLIGT-C' : null],
        })[e];
      for (const s of subs) {
        const expected = s.events.filter((e) => e !== 'e2' || s.viewer === 'skane').map((e) => byEvent(e, s.viewer));
        const received = s.sub.received.map((e) => [e.type, e.followUp.id, e.followUp.confidentialNotes]);
        expect({ subscriber: s.name, received, errors: s.sub.errors }).toEqual({
          subscriber: s.name,
          received: expected,
          errors: [],
        });
      }
      // The three events, with one cursor each for all their subscribers.
      expect(new Set(subs.flatMap((s) => s.sub.received.map((e) => e.cursor))).size).toBe(3);
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      await until(() => feed.listenerCount <= listening, 'the streams to close');
      return reads;
    }

    it('gives each subscriber exactly its events, reading the log and the relations a fixed number of times whatever the number of subscribers', async () => {
      const reads10 = await oneWriteTo(10);
      const reads30 = await oneWriteTo(30);
      // One growth of the head, one stretch, one read for all (a per-subscriber read would be 10 and 30).
      expect(reads30.events).toBe(reads10.events);
      expect(reads10.events).toBeGreaterThanOrEqual(1);
      expect(reads10.events).toBeLessThanOrEqual(2);
      // The relations every subscriber selects are read through the stretch's shared loaders: at
      // most once per relation and event (5 tables, 3 events), however many subscribers (a read per
      // subscriber and event would be about 100 and 300 here).
      expect(reads10.relations).toBeGreaterThanOrEqual(5);
      expect(reads10.relations).toBeLessThanOrEqual(5 * 3);
      expect(reads30.relations).toBeLessThanOrEqual(5 * 3);
    }, 60_000);
  });

  describe('the shared read filtered in memory and the per-viewer SQL read agree', () => {
    const principal = (organisationId: string): Principal => ({
      principalId: `test-${organisationId}`,
      organisationId,
      role: Role.READER,
      tokenId: 'test',
      name: 'test',
    });

    /** Everything a stream delivers from `after` up to the current head (it must hold `expected` events, no more). */
    async function streamed(stream: EventStream<FollowUpEventRow>, expected: number): Promise<FollowUpEventRow[]> {
      const rows: FollowUpEventRow[] = [];
      const next = async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          return await Promise.race([
            stream.next(),
            new Promise<'waiting'>((r) => (timer = setTimeout(() => r('waiting'), ms))),
          ]);
        } finally {
          clearTimeout(timer);
        }
      };
      while (rows.length < expected) {
        const r = await next(5_000);
        if (r === 'waiting' || r.done) break;
        rows.push(r.value);
      }
      const more = await next(50);
      if (more !== 'waiting' && !more.done) rows.push(more.value);
      return rows;
    }

    beforeAll(async () => {
      // A varied log: both organisations, both visibilities, with and without product, category and requirements, several event types.
      const record = async (token: Token, o: Parameters<typeof buildFollowUp>[0]) =>
        (await f.record(buildFollowUp(o), token, 'id')).id as string;
      const a = await record(TOKENS.stockholm, {
        productId: ids.productA,
        requirementIds: [ids.pahId],
        visibility: 'PRIVATE',
      });
      const b = await record(TOKENS.skane, { productId: ids.productA2, requirementIds: [ids.phtId, ids.pahId] });
      const c = await record(TOKENS.stockholm, { supplierId: ids.supplierB, method: 'DESK_AUDIT' });
      await record(TOKENS.skane, {
        supplierId: ids.supplierA,
        method: 'SITE_AUDIT',
        visibility: 'PRIVATE',
        requirementIds: [ids.phtId],
      });
      await record(TOKENS.stockholm, {
        productId: ids.productB,
        status: 'PLANNED',
        performedOn: daysFromNow(10),
        measurements: [],
      });
      await f.openDeviation(
        { followUpId: a, severity: 'MINOR', description: 'Märkning saknas', dueDate: daysFromNow(30) },
        TOKENS.stockholm,
      );
      const deviation = await f.openDeviation(
        { followUpId: b, severity: 'MAJOR', description: 'Halt över gränsvärdet', dueDate: daysFromNow(30) },
        TOKENS.skane,
      );
      await f.resolveDeviation(deviation.id, TOKENS.skane);
      dataOf(await f.updateRaw(c, 1, { notes: 'Kompletterad' }, TOKENS.stockholm, 'id'));
      await f.retract(b, TOKENS.skane);
    }, 60_000);

    it('gives the same events for any filter, viewer and cursor', async () => {
      const service = sut.app.get(FollowUpEventsService);
      const head = await feed.readHead();
      const some = <T>(...values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
      const unknown = '00000000-0000-4000-8000-000000000000';
      const filter = fc.record<FollowUpEventFilter>(
        {
          supplierId: some(ids.supplierA, ids.supplierB, unknown),
          productId: some(ids.productA, ids.productA2, ids.productB, unknown),
          requirementId: some(ids.phtId, ids.pahId, unknown),
          categoryCode: some(categories.parent, categories.child, 'CHILD', 'CHILD-PLAYMAT'),
          organisationId: some(ids.skaneOrg, ids.stockholmOrg, ids.uppsalaOrg),
          types: fc.option(fc.subarray([...FOLLOW_UP_EVENT_TYPES], { minLength: 1 }), { nil: undefined }),
        },
        { requiredKeys: [] },
      );
      const viewer = fc.constantFrom(ids.skaneOrg, ids.stockholmOrg, ids.uppsalaOrg).map(principal);
      // Cursors within reach of the shared read (longer stretches take the SQL path on both sides).
      const after = fc.integer({ min: Math.max(0, head - SHARED_READ_MAX_SPAN), max: head });

      await fc.assert(
        fc.asyncProperty(viewer, filter, after, async (who, f, from) => {
          const sql = await service.connection(who, { filter: f, after: String(from), first: 10_000 });
          const stream = await service.stream(who, f, String(from));
          try {
            const shared = await streamed(stream, sql.nodes.length);
            const summary = (rows: FollowUpEventRow[]) =>
              rows.map((r) => [r.seq, r.type, r.followUp.id, r.followUp.visibility]);
            expect(summary(shared)).toEqual(summary(sql.nodes));
          } finally {
            await stream.return();
          }
        }),
        { numRuns: 60 },
      );
    }, 120_000);

    it('gives each stream its own row objects', async () => {
      const service = sut.app.get(FollowUpEventsService);
      const head = await feed.readHead();
      const [x, y] = await Promise.all([
        service.stream(principal(ids.skaneOrg), undefined, String(head - 1)),
        service.stream(principal(ids.stockholmOrg), undefined, String(head - 1)),
      ]);
      try {
        const [rx, ry] = await Promise.all([streamed(x, 1), streamed(y, 1)]);
        expect(rx[0]!.seq).toBe(ry[0]!.seq);
        expect(rx[0]).not.toBe(ry[0]);
        expect(rx[0]!.followUp).not.toBe(ry[0]!.followUp);
        expect(rx[0]!.followUp).toEqual(ry[0]!.followUp);
      } finally {
        await Promise.all([x.return(), y.return()]);
      }
    });
  });
});
