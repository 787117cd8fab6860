import type { PubSubEngine } from 'graphql-subscriptions';
import type { Principal } from '../src/auth/principal.js';
import { PrincipalEntity } from '../src/auth/principal.entity.js';
import { Role } from '../src/auth/role.js';
import { bulkInsert } from '../src/database/bulk-insert.js';
import { TransactionService } from '../src/database/transaction.service.js';
import { EVENTS_TOPIC, EventLogService, PUB_SUB } from '../src/events/event-log.service.js';
import { EventEntity } from '../src/events/event.entity.js';
import { FollowUpWriter, type NewMeasurement } from '../src/follow-ups/follow-up-writer.js';
import { FollowUpEntity } from '../src/follow-ups/follow-up.entity.js';
import { MeasurementEntity } from '../src/follow-ups/measurement.entity.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import type { EventType } from '../src/vocabulary/vocabulary.js';
import { buildFollowUp, CAS, FollowUpFactory, measure } from './factories/follow-ups.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * The write path under the services: FollowUpWriter (the measurement cache's version rule),
 * bulkInsert (rows as TypeORM's insert stores them) and EventLogService.appendMany (order,
 * redaction, one notification after commit, the PostgreSQL ordering lock). Runs on both engines.
 */
describe('the follow-up writer, bulkInsert and appendMany', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let tx: TransactionService;
  let writer: FollowUpWriter;
  let log: EventLogService;
  let skane: Principal;
  let dehp: string;

  /** A COMPLETED follow-up of Skåne with one DEHP result, recorded over the API. */
  const recorded = async (): Promise<FollowUpEntity> => {
    const supplier = await f.supplier();
    const product = await f.product(supplier.id);
    const { id } = await f.record(
      buildFollowUp({ productId: product.id, measurements: [measure.detected(CAS.DEHP, 'PVC', 5)] }),
      TOKENS.skane,
    );
    return sut.dataSource.getRepository(FollowUpEntity).findOneByOrFail({ id });
  };
  const result = (part: string, value: number): NewMeasurement => ({
    substanceId: dehp,
    part,
    detected: true,
    value,
    loq: null,
    unit: 'MG_PER_KG',
    uncertainty: null,
    analyticalMethod: null,
  });
  const measurementsOf = (followUpId: string) =>
    sut.dataSource.getRepository(MeasurementEntity).find({ where: { followUpId }, order: { position: 'ASC' } });
  const eventsOf = (followUpId: string) =>
    sut.dataSource.getRepository(EventEntity).find({ where: { followUpId }, order: { seq: 'ASC' } });

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    tx = sut.app.get(TransactionService);
    writer = sut.app.get(FollowUpWriter);
    log = sut.app.get(EventLogService);
    const org = await sut.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ code: 'region-skane' });
    const principal = await sut.dataSource.getRepository(PrincipalEntity).findOneByOrFail({ organisationId: org.id });
    skane = {
      principalId: principal.id,
      organisationId: org.id,
      role: Role.CONTACT_PERSON,
      tokenId: 't',
      name: 'Test',
    };
    dehp = (await sut.dataSource.query("SELECT id FROM substances WHERE cas_number = '117-81-7'"))[0].id;
  });
  afterAll(() => sut.close());

  it('a change of measurements makes the next version; a change based on an older read is CONFLICT and stores nothing', async () => {
    const read = await recorded();
    const changed = await tx.run((uow) =>
      writer.change(uow, skane, read, {
        measurements: [result(' Lock ', 7), result('Strap', 9)],
        event: { type: 'UPDATED', payload: { changed: ['measurements'] } },
      }),
    );
    expect(changed.version).toBe(read.version + 1);
    const rows = await measurementsOf(read.id);
    expect(rows.map((m) => [m.part, m.partKey, m.value, m.position])).toEqual([
      ['Lock', 'lock', 7, 0],
      ['Strap', 'strap', 9, 1],
    ]);

    // The same read again, without an expectedVersion: the UPDATE … WHERE version = read finds nothing.
    const stale = tx.run((uow) =>
      writer.change(uow, skane, read, {
        measurements: [result('Other', 1)],
        event: { type: 'UPDATED', payload: { changed: ['measurements'] } },
      }),
    );
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await measurementsOf(read.id)).toEqual(rows);
    const stored = await sut.dataSource.getRepository(FollowUpEntity).findOneByOrFail({ id: read.id });
    expect(stored.version).toBe(changed.version);
    expect((await eventsOf(read.id)).map((e) => [e.type, JSON.parse(e.payload!)])).toEqual([
      ['RECORDED', expect.objectContaining({ measurements: 1 })],
      ['UPDATED', { changed: ['measurements'], version: changed.version }],
    ]);
  });

  it('bulkInsert stores a row exactly as manager.insert does, and refuses a row with a column missing', async () => {
    const { id: followUpId } = await recorded();
    const row = (id: string, detected: boolean) => ({
      id,
      followUpId,
      substanceId: dehp,
      part: 'Kabel',
      partKey: 'kabel',
      detected,
      value: detected ? 0.125 : null,
      loq: detected ? null : 5,
      unit: 'MG_PER_KG' as const,
      uncertainty: detected ? 1e-3 : null,
      analyticalMethod: detected ? 'ICP-MS' : null,
      position: 0,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const read = await tx
      .run(async ({ manager }) => {
        await bulkInsert(manager, MeasurementEntity, [row(ids[0]!, true)]);
        await manager.insert(MeasurementEntity, row(ids[1]!, true));
        await bulkInsert(manager, MeasurementEntity, [row(`${ids[0]!.slice(0, -1)}c`, false)]);
        await manager.insert(MeasurementEntity, row(`${ids[1]!.slice(0, -1)}d`, false));
        const found = await manager.find(MeasurementEntity, {
          where: { followUpId, part: 'Kabel' },
          order: { id: 'ASC' },
        });
        // Leave nothing behind: this transaction only compares.
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((e: { found?: MeasurementEntity[] }) => e.found!);
    const { id: _a, ...bulkDetected } = read[0]!;
    const { id: _b, ...ormDetected } = read[1]!;
    const { id: _c, ...bulkNotDetected } = read[2]!;
    const { id: _d, ...ormNotDetected } = read[3]!;
    expect(bulkDetected).toEqual(ormDetected);
    expect(bulkNotDetected).toEqual(ormNotDetected);
    expect(bulkDetected).toMatchObject({ detected: true, value: 0.125, loq: null, uncertainty: 1e-3 });
    expect(bulkNotDetected).toMatchObject({ detected: false, value: null, loq: 5 });

    const { position: _p, ...incomplete } = row('00000000-0000-4000-8000-0000000000ee', true);
    const missing = tx.run(({ manager }) =>
      bulkInsert(manager, MeasurementEntity, [incomplete as ReturnType<typeof row>]),
    );
    await expect(missing).rejects.toThrow('measurements.position is missing');
    expect(await measurementsOf(followUpId)).toHaveLength(1);
  });

  it('appendMany: the events in the order given, redacted, with one notification after commit and none after a rollback', async () => {
    const { id } = await recorded();
    const pubSub = sut.app.get<PubSubEngine>(PUB_SUB);
    const heard: unknown[] = [];
    const subscription = await pubSub.subscribe(EVENTS_TOPIC, (message: unknown) => void heard.push(message), {});
    try {
      const events = (['UPDATED', 'COMPLETED', 'CLOSED'] as const).map((type) => ({
        type,
        subjectType: 'FollowUp' as const,
        subjectId: id,
        followUpId: id,
        payload: { step: type, confidentialNotes: 'never in the log', nested: { secret: 'nor this' } },
      }));
      await tx.run((uow) => log.appendMany(uow, null, [...events]));
      await expect(
        tx.run((uow) => log.appendMany(uow, skane, events).then(() => Promise.reject(new Error('no')))),
      ).rejects.toThrow('no');
      await new Promise((resolve) => setTimeout(resolve, 50));

      const stored = (await eventsOf(id)).slice(1);
      expect(stored.map((e) => e.type)).toEqual(['UPDATED', 'COMPLETED', 'CLOSED']);
      expect(stored.map((e) => e.seq)).toEqual([stored[0]!.seq, stored[0]!.seq + 1, stored[0]!.seq + 2]);
      expect(stored.map((e) => JSON.parse(e.payload!))).toEqual(
        ['UPDATED', 'COMPLETED', 'CLOSED'].map((step) => ({
          step,
          confidentialNotes: '[redacted]',
          nested: { secret: '[redacted]' },
        })),
      );
      expect(stored.every((e) => e.actorPrincipalId === null && e.occurredAt === stored[0]!.occurredAt)).toBe(true);
      expect(heard).toEqual([{ seq: stored[2]!.seq }]);
    } finally {
      pubSub.unsubscribe(subscription);
    }
  });

  it('appendMany waits for the ordering lock: a bulk append never commits before an earlier event-writing transaction', async () => {
    const { id } = await recorded();
    const event = (type: EventType) => ({ type, subjectType: 'FollowUp' as const, subjectId: id, followUpId: id });
    let release!: () => void;
    let appended!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = tx.run(async (uow) => {
      const saved = await log.append(uow, null, event('UPDATED'));
      appended();
      await held;
      return saved.seq;
    });
    await firstAppended;
    const bulk = tx.run((uow) => log.appendMany(uow, null, [event('COMPLETED'), event('CLOSED')]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The bulk append has not committed: only the recording's event and the slow one's (uncommitted) are drawn.
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['RECORDED']);
    release();
    const [slowSeq] = await Promise.all([slow, bulk]);
    const stored = await eventsOf(id);
    expect(stored.map((e) => e.type)).toEqual(['RECORDED', 'UPDATED', 'COMPLETED', 'CLOSED']);
    expect(stored[1]!.seq).toBe(slowSeq);
    expect(stored[2]!.seq).toBeGreaterThan(slowSeq);
  });
});
