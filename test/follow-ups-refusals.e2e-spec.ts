import { randomUUID } from 'node:crypto';
import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  measure,
  phthalates,
  type MeasurementInput,
  type RecordFollowUpInput,
  type Token,
} from './factories/follow-ups.js';
import { uniqueCasNumber, withWrongCheckDigit } from './factories/identifiers.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { codeOf, startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Refusals and confidentiality. Every refusal must say which field is wrong and why, and store
 * nothing: each test reads back (through the API, and for measurements also by counting rows)
 * to show that the refused write left no trace.
 */
describe('follow-ups: refusals and confidentiality', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplierId: string;
  let pht: string;

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    supplierId = (await f.supplier()).id;
    pht = await f.requirementId('K-PHT-01');
  });
  afterAll(() => sut.close());

  /** Everything a refused write could have touched: follow-ups visible to Skåne, and all measurement rows. */
  async function footprint() {
    const [{ n }] = await sut.dataSource.query('SELECT COUNT(*) AS n FROM measurements');
    return { followUps: (await f.list({}, TOKENS.skane)).totalCount, measurements: Number(n) };
  }

  /** A product and a valid Skåne follow-up input for it, checking K-PHT-01. */
  async function validInput(o: Partial<RecordFollowUpInput> = {}): Promise<RecordFollowUpInput> {
    const product = await f.product(supplierId);
    return buildFollowUp({
      productId: product.id,
      requirementIds: [pht],
      measurements: phthalates('PVC', { [CAS.DEHP]: 50 }),
      ...o,
    });
  }

  describe('recordFollowUp refuses bad input and stores nothing', () => {
    const unknownCas = uniqueCasNumber(); // valid check digit, not in the registry
    const good = (): MeasurementInput => measure.notDetected(CAS.DBP, 'PVC', 10);

    it.each<[string, string, () => Partial<RecordFollowUpInput>, string[]]>([
      [
        'an unknown substance (valid CAS, not in the registry)',
        'measurements[1].substanceCas',
        () => ({ measurements: [good(), measure.detected(unknownCas, 'PVC', 5)] }),
        [`"${unknownCas}"`, 'no substance has this CAS number'],
      ],
      [
        'a CAS number with a wrong check digit',
        'measurements[0].substanceCas',
        () => ({ measurements: [measure.detected(withWrongCheckDigit(CAS.DEHP), 'PVC', 5)] }),
        ['check digit'],
      ],
      [
        'a negative value',
        'measurements[1].value',
        () => ({ measurements: [good(), measure.detected(CAS.DEHP, 'PVC', -1)] }),
        ['must not be negative'],
      ],
      [
        'a negative LOQ',
        'measurements[0].loq',
        () => ({ measurements: [measure.notDetected(CAS.DEHP, 'PVC', -5)] }),
        ['must not be negative'],
      ],
      [
        'an LOQ of zero',
        'measurements[0].loq',
        () => ({ measurements: [measure.notDetected(CAS.DEHP, 'PVC', 0)] }),
        ['must be positive'],
      ],
      [
        'an LOQ on a detected result',
        'measurements[0].loq',
        () => ({ measurements: [measure.detected(CAS.DEHP, 'PVC', 800, 'MG_PER_KG', { loq: 10 })] }),
        ['only for a result that was not detected'],
      ],
      [
        'detected: false without an LOQ',
        'measurements[2].loq',
        () => ({
          measurements: [good(), good(), { substanceCas: CAS.DEHP, part: 'PVC', detected: false, unit: 'MG_PER_KG' }],
        }),
        ['needs the limit of quantification'],
      ],
      [
        'detected: true without a value',
        'measurements[0].value',
        () => ({ measurements: [{ substanceCas: CAS.DEHP, part: 'PVC', detected: true, unit: 'MG_PER_KG' }] }),
        ['a detected result needs a value'],
      ],
      [
        'a value on a result not detected',
        'measurements[0].value',
        () => ({ measurements: [measure.notDetected(CAS.DEHP, 'PVC', 10, 'MG_PER_KG', { value: 3 })] }),
        ['not detected has no value'],
      ],
      [
        'a blank part',
        'measurements[0].part',
        () => ({ measurements: [measure.detected(CAS.DEHP, '   ', 5)] }),
        ['must not be blank'],
      ],
      [
        'a unit that does not fit a checked requirement (mg/L for K-PHT-01)',
        'measurements[1].unit',
        () => ({ measurements: [good(), measure.detected(CAS.DEHP, 'Saliva simulant', 0.2, 'MG_PER_L')] }),
        ['MG_PER_L', 'K-PHT-01', '% w/w'],
      ],
      [
        'COMPLETED, performed in the future',
        'performedOn',
        () => ({ performedOn: daysFromNow(3) }),
        [daysFromNow(3), 'future'],
      ],
      [
        'IN_PROGRESS, performed in the future',
        'performedOn',
        () => ({ status: 'IN_PROGRESS', performedOn: daysFromNow(3) }),
        ['future'],
      ],
      [
        'COMPLETED without performedOn',
        'performedOn',
        () => ({ performedOn: null }),
        ['needs the date it was performed'],
      ],
      [
        'PLANNED with results',
        'measurements',
        () => ({ status: 'PLANNED', performedOn: daysFromNow(30) }),
        ['PLANNED'],
      ],
      [
        'validUntil before performedOn',
        'validUntil',
        () => ({ performedOn: daysAgo(10), validUntil: daysAgo(11) }),
        ['must not be before performedOn'],
      ],
      ['an unknown productId', 'productId', () => ({ productId: randomUUID() }), ['no product has this id']],
      [
        'an unknown requirement id',
        'requirementIds',
        () => ({ requirementIds: [pht, randomUUID()] }),
        ['no requirement has the id'],
      ],
      [
        "another organisation's contract",
        'contractId',
        () => ({ contractId: '__stockholm__' }),
        ['belongs to another organisation'],
      ],
      [
        "a supplierId that is not the product's supplier",
        'supplierId',
        () => ({ supplierId: '__other_supplier__' }),
        ["the product's supplier is"],
      ],
      [
        'neither productId nor supplierId',
        'productId',
        () => ({ productId: null, supplierId: null }),
        ['needs a productId or a supplierId'],
      ],
    ])('%s: BAD_USER_INPUT naming %s', async (_label, field, override, reason) => {
      const input = await validInput();
      const o = override();
      if (o.contractId === '__stockholm__') o.contractId = (await f.contract(TOKENS.stockholm, supplierId, [])).id;
      if (o.supplierId === '__other_supplier__') o.supplierId = (await f.supplier()).id;
      const before = await footprint();

      const r = await f.recordRaw({ ...input, ...o }, TOKENS.skane);

      expectError(r, 'BAD_USER_INPUT', field, ...reason);
      expect(String(r.errors?.[0]?.extensions?.field)).toContain(field);
      expect(await footprint()).toEqual(before);
      expect((await f.list({ productId: input.productId }, TOKENS.skane)).totalCount).toBe(0);
    });

    it('is all or nothing: one bad measurement among many stores no follow-up and no measurement', async () => {
      const input = await validInput({
        measurements: [
          ...phthalates('PVC surface', { [CAS.DEHP]: 800 }),
          ...phthalates('Foam core', {}),
          measure.detected(uniqueCasNumber(), 'Foam core', 1),
          ...phthalates('Handle', {}),
        ],
      });
      const before = await footprint();

      const r = await f.recordRaw(input, TOKENS.skane);

      expectError(r, 'BAD_USER_INPUT', 'measurements[8].substanceCas');
      expect(await footprint()).toEqual(before);
      expect(await f.list({ productId: input.productId }, TOKENS.admin)).toEqual({ totalCount: 0, ids: [] });
      // The same input without the bad result is accepted: the refusal was about that one result.
      const fixed = await f.record(
        { ...input, measurements: input.measurements.filter((_m, i) => i !== 8) },
        TOKENS.skane,
        'id measurements { id }',
      );
      expect(fixed.measurements).toHaveLength(12);
      expect(await footprint()).toEqual({ followUps: before.followUps + 1, measurements: before.measurements + 12 });
    });

    it('reports every problem at once', async () => {
      const input = await validInput({
        measurements: [
          measure.detected(CAS.DEHP, 'PVC', 800, 'MG_PER_KG', { loq: 10 }),
          good(),
          { substanceCas: CAS.BBP, part: 'PVC', detected: false, unit: 'MG_PER_KG' },
        ],
      });

      const r = await f.recordRaw(input, TOKENS.skane);

      expectError(r, 'BAD_USER_INPUT', 'measurements[0].loq', 'measurements[2].loq');
    });

    it('extensions.problems lists every problem with its path, across the checks, and extensions.field stays', async () => {
      const input = await validInput({
        contractId: randomUUID(),
        performedOn: daysFromNow(3),
        measurements: [
          good(),
          { substanceCas: unknownCas, part: 'PVC', detected: false, loq: 10, unit: 'MG_PER_KG' },
          measure.detected(CAS.DEHP, 'PVC', 5, 'MG_PER_L'),
          { substanceCas: CAS.BBP, part: 'PVC', detected: true, unit: 'MG_PER_KG' },
        ],
      });
      const before = await footprint();

      const r = await f.recordRaw(input, TOKENS.skane);

      expect(r.errors).toHaveLength(1);
      const extensions = r.errors![0]!.extensions as unknown as { code: string; field: string; problems: any[] };
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.problems.map((p) => p.path)).toEqual([
        ['input', 'performedOn'],
        ['input', 'contractId'],
        ['input', 'measurements', 1, 'substanceCas'],
        ['input', 'measurements', 2, 'unit'],
        ['input', 'measurements', 3, 'value'],
      ]);
      expect(extensions.problems.every((p) => typeof p.reason === 'string' && p.reason.length > 5)).toBe(true);
      expect(extensions.field).toBe('performedOn');
      expect(await footprint()).toEqual(before);
    });

    it('problems the validation pipe finds are listed with their paths too', async () => {
      const input = await validInput({
        measurements: [good(), measure.detected(CAS.DEHP, 'PVC', -1), { ...good(), part: '', uncertainty: -2 }],
      });

      const r = await f.recordRaw(input, TOKENS.skane);

      const problems = (r.errors![0]!.extensions as { problems: any[] }).problems;
      expect(problems.map((p) => p.path)).toEqual(
        expect.arrayContaining([
          ['input', 'measurements', 1, 'value'],
          ['input', 'measurements', 2, 'part'],
          ['input', 'measurements', 2, 'uncertainty'],
        ]),
      );
      expect(problems.find((p) => p.path[3] === 'value').reason).toContain('must not be negative');
    });
  });

  describe('updateFollowUp', () => {
    it('a stale expectedVersion is a CONFLICT naming expectedVersion, and changes nothing', async () => {
      const fu = await f.record(await validInput({ notes: 'v1' }), TOKENS.skane);
      const v2 = dataOf(
        await f.updateRaw(fu.id, 1, { notes: 'v2', measurements: phthalates('PVC', { [CAS.DEHP]: 60 }) }, TOKENS.skane),
      ).updateFollowUp;
      expect(v2).toMatchObject({ version: 2, notes: 'v2' });

      const stale = await f.updateRaw(fu.id, 1, { notes: 'v3 from a stale read', measurements: [] }, TOKENS.skane);

      expectError(stale, 'CONFLICT', 'expectedVersion 1', 'version 2');
      expect(stale.errors?.[0]?.extensions?.field).toBe('expectedVersion');
      const now = await f.get(fu.id, TOKENS.skane);
      expect(now).toMatchObject({ version: 2, notes: 'v2' });
      expect(now.measurements.map((m: any) => m.value ?? m.loq)).toEqual([60, 10, 10, 10]);
      expect((await f.trail(fu.id, TOKENS.skane)).history.map((e: any) => e.type)).toEqual(['RECORDED', 'UPDATED']);
    });

    it('replacing the measurements with one bad result keeps the old ones and the version', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane);
      const before = await footprint();

      const r = await f.updateRaw(
        fu.id,
        1,
        { measurements: [measure.detected(CAS.DEHP, 'PVC', 10), measure.detected(CAS.DEHP, 'Surface', 5, 'MG_PER_L')] },
        TOKENS.skane,
      );

      expectError(r, 'BAD_USER_INPUT', 'measurements[1].unit', 'K-PHT-01');
      expect(r.errors?.[0]?.extensions).toMatchObject({
        field: 'measurements[1].unit',
        problems: [{ path: ['input', 'measurements', 1, 'unit'], reason: expect.stringContaining('K-PHT-01') }],
      });
      expect(await footprint()).toEqual(before);
      const now = await f.get(fu.id, TOKENS.skane);
      expect(now.version).toBe(1);
      expect(now.measurements.map((m: any) => m.id)).toEqual(fu.measurements.map((m: any) => m.id));
    });

    it('a RETRACTED follow-up cannot be changed (CONFLICT)', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      const retracted = await f.retract(fu.id, TOKENS.skane);

      const r = await f.updateRaw(fu.id, retracted.version, { notes: 'efterhandsändring' }, TOKENS.skane);

      expectError(r, 'CONFLICT', 'RETRACTED');
      expect(await f.get(fu.id, TOKENS.skane, 'status version notes')).toMatchObject({
        status: 'RETRACTED',
        version: retracted.version,
      });
    });
  });

  describe('lifecycle', () => {
    const statusOf = async (id: string) => f.get(id, TOKENS.skane, 'status version');

    it('closeFollowUp with an open deviation is a CONFLICT; resolve it, then closing succeeds', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      const open = await f.openDeviation(
        {
          followUpId: fu.id,
          requirementId: pht,
          severity: 'MINOR',
          description: 'Märkning saknas',
          actionPlan: 'Ny etikett',
          dueDate: daysFromNow(30),
        },
        TOKENS.skane,
      );
      await f.updateDeviation(open.id, { status: 'ACTION_PLAN_AGREED' }, TOKENS.skane);

      const refused = await f.transitionRaw('close', fu.id, TOKENS.skane);

      expectError(refused, 'CONFLICT', 'closeFollowUp', '1 unresolved deviation');
      expect(await statusOf(fu.id)).toEqual({ status: 'COMPLETED', version: 1 });

      await f.resolveDeviation(open.id, TOKENS.skane);
      const closed = dataOf(await f.transitionRaw('close', fu.id, TOKENS.skane)).result;
      expect(closed).toMatchObject({ status: 'CLOSED', version: 2 });
      expect((await f.trail(fu.id, TOKENS.skane)).history.map((e: any) => e.type)).toEqual([
        'RECORDED',
        'DEVIATION_OPENED',
        'DEVIATION_UPDATED',
        'DEVIATION_RESOLVED',
        'CLOSED',
      ]);
    });

    it('PLANNED → IN_PROGRESS → COMPLETED (performedOn set, validity from it) → CLOSED, each bumping the version', async () => {
      const fu = await f.record(
        await validInput({ status: 'PLANNED', performedOn: daysFromNow(10), measurements: [] }),
        TOKENS.skane,
        'id status version validUntil',
      );
      expect(fu).toMatchObject({ status: 'PLANNED', version: 1 });

      expect(dataOf(await f.transitionRaw('start', fu.id, TOKENS.skane, { expectedVersion: 1 })).result).toMatchObject({
        status: 'IN_PROGRESS',
        version: 2,
      });
      const done = dataOf(
        await f.transitionRaw('complete', fu.id, TOKENS.skane, { expectedVersion: 2, performedOn: daysAgo(1) }),
      ).result;
      expect(done).toMatchObject({ status: 'COMPLETED', version: 3, performedOn: daysAgo(1) });
      expect(done.validUntil.slice(0, 4)).toBe(String(Number(daysAgo(1).slice(0, 4)) + 3));
      expect(dataOf(await f.transitionRaw('close', fu.id, TOKENS.skane, { expectedVersion: 3 })).result).toMatchObject({
        status: 'CLOSED',
        version: 4,
      });
      expect((await f.trail(fu.id, TOKENS.skane)).history.map((e: any) => e.type)).toEqual([
        'PLANNED',
        'UPDATED',
        'COMPLETED',
        'CLOSED',
      ]);
    });

    it.each<[string, Partial<RecordFollowUpInput>, 'start' | 'complete' | 'close' | 'retract', string, string[]]>([
      [
        'closeFollowUp on PLANNED',
        { status: 'PLANNED', performedOn: daysFromNow(10), measurements: [] },
        'close',
        'PLANNED',
        ['closeFollowUp', 'is PLANNED', 'COMPLETED'],
      ],
      ['closeFollowUp on IN_PROGRESS', { status: 'IN_PROGRESS' }, 'close', 'IN_PROGRESS', ['is IN_PROGRESS']],
      ['startFollowUp on COMPLETED', {}, 'start', 'COMPLETED', ['startFollowUp', 'is COMPLETED', 'PLANNED']],
      ['completeFollowUp on COMPLETED', {}, 'complete', 'COMPLETED', ['completeFollowUp', 'is COMPLETED']],
    ])('%s is a CONFLICT and changes nothing', async (_label, o, kind, status, reason) => {
      const fu = await f.record(await validInput(o), TOKENS.skane, 'id');

      const r = await f.transitionRaw(kind as 'start', fu.id, TOKENS.skane);

      expectError(r, 'CONFLICT', ...reason);
      expect(await statusOf(fu.id)).toEqual({ status, version: 1 });
    });

    it('completeFollowUp with a performedOn in the future is refused naming performedOn', async () => {
      const fu = await f.record(await validInput({ status: 'IN_PROGRESS' }), TOKENS.skane, 'id');

      const r = await f.transitionRaw('complete', fu.id, TOKENS.skane, { performedOn: daysFromNow(2) });

      expectError(r, 'BAD_USER_INPUT', 'performedOn', 'future');
      expect(await statusOf(fu.id)).toEqual({ status: 'IN_PROGRESS', version: 1 });
    });

    it('retracting twice is a CONFLICT; the first retraction and its reason stay', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      const first = await f.retract(fu.id, TOKENS.skane, 'Fel artikel provtogs');

      const second = await f.retractRaw(fu.id, 'Igen', TOKENS.skane);

      expectError(second, 'CONFLICT', 'already RETRACTED');
      expect(await f.get(fu.id, TOKENS.skane, 'status version retractedReason retractedAt')).toEqual({
        status: 'RETRACTED',
        version: 2,
        retractedReason: 'Fel artikel provtogs',
        retractedAt: first.retractedAt,
      });
    });

    it('a retraction needs a reason (BAD_USER_INPUT naming reason)', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');

      const r = await f.retractRaw(fu.id, '   ', TOKENS.skane);

      expectError(r, 'BAD_USER_INPUT', 'reason');
      expect(await statusOf(fu.id)).toEqual({ status: 'COMPLETED', version: 1 });
    });

    it('a stale expectedVersion on a transition is a CONFLICT', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');

      const r = await f.transitionRaw('close', fu.id, TOKENS.skane, { expectedVersion: 7 });

      expectError(r, 'CONFLICT', 'expectedVersion 7');
      expect(await statusOf(fu.id)).toEqual({ status: 'COMPLETED', version: 1 });
    });

    // Known bug (src/follow-ups/follow-ups.service.ts:178, bumpVersion): expectedVersion is a nullable
    // argument, but an explicit null (as a client sends for an unset variable) is compared with
    // the version and refused: "expectedVersion null: follow-up … is at version 1".
    it('an explicit expectedVersion: null means "not given"', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');

      const r = await f.transitionRaw('close', fu.id, TOKENS.skane, { expectedVersion: null });

      expect(r.errors).toBeUndefined();
      expect(await statusOf(fu.id)).toEqual({ status: 'CLOSED', version: 2 });
    });
  });

  describe('deviations and queries', () => {
    it('openDeviation on a RETRACTED follow-up is a CONFLICT; on an unknown one BAD_USER_INPUT naming followUpId', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      await f.retract(fu.id, TOKENS.skane);

      expectError(
        await f.openDeviationRaw({ followUpId: fu.id, severity: 'MAJOR', description: 'x' }, TOKENS.skane),
        'CONFLICT',
        'RETRACTED',
      );
      expectError(
        await f.openDeviationRaw({ followUpId: randomUUID(), severity: 'MAJOR', description: 'x' }, TOKENS.skane),
        'BAD_USER_INPUT',
        'followUpId',
      );
      expect((await f.get(fu.id, TOKENS.skane, 'deviations { id }')).deviations).toEqual([]);
    });

    it('ACTION_PLAN_AGREED needs an action plan; a RESOLVED deviation cannot be resolved again or changed', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      const dev = await f.openDeviation(
        { followUpId: fu.id, severity: 'MINOR', description: 'Märkning saknas' },
        TOKENS.skane,
      );

      const noPlan = await sut.gql(
        'mutation ($id: ID!) { updateDeviation(id: $id, input: { status: ACTION_PLAN_AGREED }) { id } }',
        { id: dev.id },
        TOKENS.skane,
      );
      expectError(noPlan, 'BAD_USER_INPUT', 'status', 'actionPlan');
      await f.resolveDeviation(dev.id, TOKENS.skane);
      const again = await sut.gql(
        'mutation ($id: ID!) { resolveDeviation(id: $id) { id } }',
        { id: dev.id },
        TOKENS.skane,
      );
      const change = await sut.gql(
        'mutation ($id: ID!) { updateDeviation(id: $id, input: { severity: MAJOR }) { id } }',
        { id: dev.id },
        TOKENS.skane,
      );

      expectError(again, 'CONFLICT', 'already RESOLVED');
      expectError(change, 'CONFLICT', 'RESOLVED');
      expect((await f.get(fu.id, TOKENS.skane, 'deviations { severity status }')).deviations).toEqual([
        { severity: 'MINOR', status: 'RESOLVED' },
      ]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a CAS number with a wrong check digit', { substanceCas: withWrongCheckDigit(CAS.DEHP) }, 'filter.substanceCas'],
      ['a malformed CAS number', { substanceCas: '117817' }, 'filter.substanceCas'],
      ['an unknown category code', { categoryCode: 'NO-SUCH-CATEGORY' }, 'filter.categoryCode'],
      ['a malformed date', { performedFrom: '2026-13-01' }, 'filter.performedFrom'],
      ['a GTIN with a wrong check digit', { gtin: '4006381333932' }, 'gtin'],
      ['a malformed organisationsnummer', { supplierOrganisationNumber: '556-123' }, 'supplierOrganisationNumber'],
      ['an unknown requirement code', { requirementCodes: ['K-PHT-01', 'K-NO-SUCH'] }, 'filter.requirementCodes[1]'],
      ['a bad CAS number in the list', { substanceCas: ['117-81-7', '117817'] }, 'substanceCas'],
      ['an unknown productCategoryCode', { productCategoryCode: 'NO-SUCH-CATEGORY' }, 'filter.productCategoryCode'],
    ])('followUps refuses a filter with %s (BAD_USER_INPUT naming %s)', async (_label, filter, field) => {
      const r = await sut.gql(
        'query ($filter: FollowUpFilter) { followUps(filter: $filter) { totalCount } }',
        { filter },
        TOKENS.reader,
      );

      expectError(r, 'BAD_USER_INPUT', field);
    });

    it('evaluateProduct: an unknown id is NOT_FOUND; followUp(id): null, without an error', async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code: 'K-PHT-01' }]);

      expectError(await f.evaluateRaw(randomUUID(), contract.id, TOKENS.stockholm), 'NOT_FOUND', 'Product');
      expectError(await f.evaluateRaw(product.id, randomUUID(), TOKENS.stockholm), 'NOT_FOUND', 'Contract');
      expect(await f.getRaw(randomUUID(), TOKENS.stockholm)).toEqual({ status: 200, data: { followUp: null } });
    });
  });

  describe('confidentiality and ownership', () => {
    const SECRET = 'Receptet lämnades under sekretess (OSL 31 kap. 16 §).';

    it('another organisation reads a SHARED follow-up with confidentialNotes null; the owner reads them', async () => {
      const fu = await f.record(
        await validInput({ confidentialNotes: SECRET, notes: 'Offentlig sammanfattning' }),
        TOKENS.skane,
        'id',
      );

      for (const token of [TOKENS.stockholm, TOKENS.reader, TOKENS.coordinator]) {
        expect(await f.get(fu.id, token, 'notes confidentialNotes')).toEqual({
          notes: 'Offentlig sammanfattning',
          confidentialNotes: null,
        });
      }
      expect((await f.get(fu.id, TOKENS.skane, 'confidentialNotes')).confidentialNotes).toBe(SECRET);
      const listed = dataOf(
        await sut.gql(
          'query ($id: ID) { followUps(filter: { supplierId: $id }, first: 100) { nodes { id confidentialNotes } } }',
          { id: supplierId },
          TOKENS.stockholm,
        ),
      );
      expect(listed.followUps.nodes.find((n: any) => n.id === fu.id)).toEqual({ id: fu.id, confidentialNotes: null });
    });

    it('changing the confidential notes leaves their text out of the history', async () => {
      const fu = await f.record(await validInput({ confidentialNotes: SECRET }), TOKENS.skane, 'id');
      dataOf(await f.updateRaw(fu.id, 1, { confidentialNotes: `${SECRET} Uppdaterat.` }, TOKENS.skane, 'id'));

      const { history } = await f.trail(fu.id, TOKENS.stockholm);

      expect(history.map((e: any) => e.type)).toEqual(['RECORDED', 'UPDATED']);
      expect(JSON.stringify(history)).not.toContain('sekretess');
      expect(JSON.parse(history[1].details).changed).toContain('confidentialNotes');
    });

    it('a PRIVATE follow-up of another organisation is null by followUp(id) and absent from followUps; its owner sees it', async () => {
      const input = await validInput({ visibility: 'PRIVATE' });
      const fu = await f.record(input, TOKENS.skane, 'id');

      for (const token of [TOKENS.stockholm, TOKENS.reader]) {
        expect(await f.getRaw(fu.id, token)).toEqual({ status: 200, data: { followUp: null } });
        expect(await f.list({ productId: input.productId }, token)).toEqual({ totalCount: 0, ids: [] });
        expect((await f.list({ supplierId }, token)).ids).not.toContain(fu.id);
        expect((await f.list({ substanceCas: CAS.DEHP }, token)).ids).not.toContain(fu.id);
      }
      expect(await f.list({ productId: input.productId }, TOKENS.skane)).toEqual({ totalCount: 1, ids: [fu.id] });
      expect((await f.get(fu.id, TOKENS.skane, 'visibility')).visibility).toBe('PRIVATE');
    });

    it("Stockholm cannot change Skåne's SHARED follow-up (FORBIDDEN) and nothing changes", async () => {
      const fu = await f.record(await validInput({ notes: 'Skånes text' }), TOKENS.skane);

      const attempts = [
        await f.updateRaw(fu.id, 1, { notes: 'Stockholms text', measurements: [] }, TOKENS.stockholm),
        await f.retractRaw(fu.id, 'Stockholm tycker annorlunda', TOKENS.stockholm),
        await f.transitionRaw('close', fu.id, TOKENS.stockholm),
      ];

      expect(attempts.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expectError(attempts[0]!, 'FORBIDDEN', 'updateFollowUp', 'another organisation');
      expectError(attempts[1]!, 'FORBIDDEN', 'retractFollowUp');
      const now = await f.get(fu.id, TOKENS.skane);
      expect(now).toMatchObject({ status: 'COMPLETED', version: 1, notes: 'Skånes text', retractedReason: null });
      expect(now.measurements).toEqual(fu.measurements);
      expect((await f.trail(fu.id, TOKENS.skane)).history.map((e: any) => e.type)).toEqual(['RECORDED']);
    });

    it("Stockholm cannot reach Skåne's PRIVATE follow-up at all: NOT_FOUND for a change, BAD_USER_INPUT for a deviation", async () => {
      const fu = await f.record(await validInput({ visibility: 'PRIVATE' }), TOKENS.skane, 'id');

      expectError(await f.updateRaw(fu.id, 1, { notes: 'x' }, TOKENS.stockholm), 'NOT_FOUND', fu.id);
      expectError(await f.retractRaw(fu.id, 'x', TOKENS.stockholm), 'NOT_FOUND', fu.id);
      expectError(
        await f.openDeviationRaw({ followUpId: fu.id, severity: 'MAJOR', description: 'x' }, TOKENS.stockholm),
        'BAD_USER_INPUT',
        'followUpId',
      );
      expect((await f.trail(fu.id, TOKENS.skane)).history.map((e: any) => e.type)).toEqual(['RECORDED']);
    });

    it('Stockholm cannot update or resolve a deviation Skåne opened (FORBIDDEN)', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');
      const dev = await f.openDeviation(
        { followUpId: fu.id, severity: 'MAJOR', description: 'DEHP över gränsen', dueDate: daysFromNow(20) },
        TOKENS.skane,
      );

      const update = await sut.gql(
        'mutation ($id: ID!) { updateDeviation(id: $id, input: { severity: OBSERVATION }) { id } }',
        { id: dev.id },
        TOKENS.stockholm,
      );
      const resolve = await sut.gql(
        'mutation ($id: ID!) { resolveDeviation(id: $id, resolution: "klart") { id } }',
        { id: dev.id },
        TOKENS.stockholm,
      );

      expectError(update, 'FORBIDDEN', 'updateDeviation');
      expectError(resolve, 'FORBIDDEN', 'resolveDeviation');
      expect((await f.get(fu.id, TOKENS.skane, 'deviations { severity status }')).deviations).toEqual([
        { severity: 'MAJOR', status: 'OPEN' },
      ]);
    });

    it('a READER cannot recordFollowUp (FORBIDDEN) and nothing is stored; without a token it is UNAUTHENTICATED', async () => {
      const input = await validInput();
      const before = await footprint();

      const reader = await f.recordRaw(input, TOKENS.reader);
      const anonymous = await sut.gql(
        'mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }',
        { input },
        null,
      );

      expectError(reader, 'FORBIDDEN', 'recordFollowUp', 'CONTACT_PERSON');
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      expect(await footprint()).toEqual(before);
    });

    it('without a token, followUps and followUp are UNAUTHENTICATED', async () => {
      const fu = await f.record(await validInput(), TOKENS.skane, 'id');

      expect(codeOf(await sut.gql('{ followUps { totalCount } }', {}, null))).toBe('UNAUTHENTICATED');
      expect(codeOf(await f.getRaw(fu.id, null as unknown as Token))).toBe('UNAUTHENTICATED');
    });
  });
});
