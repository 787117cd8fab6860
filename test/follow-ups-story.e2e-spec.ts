import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  measure,
  phthalates,
  plusYears,
  requirementOf,
  substanceOf,
} from './factories/follow-ups.js';
import { dataOf, expectError } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * The story, end to end: Skåne pays for a lab analysis of a play mat and shares it;
 * Stockholm finds it, evaluates it against its own (stricter) limit, relies on it, and opens a
 * deviation against the supplier. The steps run in order and build on each other.
 *
 * The numbers, by hand: PVC surface DEHP 800 mg/kg (U 120), DBP/BBP/DIBP < 10 mg/kg; foam core
 * all four < 10 mg/kg. K-PHT-01 is the SUM of the four, per part.
 * - Stockholm, 100 mg/kg: PVC surface lower 800 > 100 → FAIL; foam core upper 40 ≤ 100 → PASS; → FAIL.
 * - Skåne, library 0.1 % w/w: PVC surface lower 0.08, upper 0.083 ≤ 0.1 (830 ≤ 1000 mg/kg) → PASS;
 *   foam core upper 0.004 → PASS; → PASS.
 */
describe('follow-ups: a shared play-mat analysis, end to end', () => {
  const orgNumberDigits = () => supplier.organisationNumber!.replace('-', '');
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplier: { id: string; name: string; organisationNumber?: string };
  let category: { code: string };
  let product: { id: string; name: string; gtin: string | null };
  let skaneContract: { id: string };
  let stockholmContract: { id: string };
  let phtId: string;
  let skaneId: string;
  let stockholmId: string;
  let followUpId: string;
  let deviationId: string;
  const performedOn = daysAgo(40);

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    phtId = await f.requirementId('K-PHT-01');
    skaneId = await f.catalogue.organisationId('region-skane');
    stockholmId = await f.catalogue.organisationId('region-stockholm');
    supplier = await f.supplier();
    category = await f.catalogue.category({ parentCode: 'CHILD-PLAYMAT' }, TOKENS.coordinator);
    product = await f.product(supplier.id, { name: 'Lekmatta PVC 120x180 (test)', categoryCode: category.code });
    // Skåne's contract uses the library default (0.1 % w/w); Stockholm's sets 100 mg/kg.
    skaneContract = await f.contract(TOKENS.skane, supplier.id, [{ code: 'K-PHT-01' }]);
    stockholmContract = await f.contract(TOKENS.stockholm, supplier.id, []);
    const set = await f.setContractRequirement(TOKENS.stockholm, stockholmContract.id, 'K-PHT-01', {
      value: 100,
      unit: 'MG_PER_KG',
    });
    expect(set.requirements).toEqual([
      {
        requirement: { code: 'K-PHT-01' },
        limit: { value: 100, unit: 'MG_PER_KG' },
        effectiveLimit: { value: 100, unit: 'MG_PER_KG' },
      },
    ]);
  });
  afterAll(() => sut.close());

  it('Skåne records a LAB_ANALYSIS of the play mat with its results, in one call', async () => {
    const recorded = await f.record(
      buildFollowUp({
        productId: product.id,
        contractId: skaneContract.id,
        requirementIds: [phtId],
        method: 'LAB_ANALYSIS',
        performedOn,
        laboratory: 'Eurofins Product Testing Sverige',
        reportReference: 'AR-26-SE-009999',
        notes: 'PVC-ytskiktet och skumkärnan analyserades var för sig.',
        confidentialNotes: 'Underleverantören av ytskiktet uppgavs i förtroende.',
        measurements: [
          measure.detected(CAS.DEHP, 'PVC surface', 800, 'MG_PER_KG', { uncertainty: 120 }),
          measure.notDetected(CAS.DBP, 'PVC surface', 10),
          measure.notDetected(CAS.BBP, 'PVC surface', 10),
          measure.notDetected(CAS.DIBP, 'PVC surface', 10),
          ...phthalates('foam core', {}, 10),
        ],
      }),
      TOKENS.skane,
    );
    followUpId = recorded.id;

    expect(recorded).toMatchObject({
      status: 'COMPLETED',
      version: 1,
      method: 'LAB_ANALYSIS',
      visibility: 'SHARED',
      performedOn,
      validUntil: plusYears(performedOn, 3),
      laboratory: 'Eurofins Product Testing Sverige',
      reportReference: 'AR-26-SE-009999',
      confidentialNotes: 'Underleverantören av ytskiktet uppgavs i förtroende.',
      organisation: { code: 'region-skane' },
      product: { id: product.id },
      supplier: { id: supplier.id },
      contract: { id: skaneContract.id },
      requirements: [{ code: 'K-PHT-01' }],
    });
    expect(recorded.measurements).toHaveLength(8);
    expect(recorded.measurements[0]).toMatchObject({
      part: 'PVC surface',
      detected: true,
      value: 800,
      loq: null,
      unit: 'MG_PER_KG',
      uncertainty: 120,
      substance: { casNumber: CAS.DEHP },
    });
    expect(recorded.measurements[1]).toMatchObject({
      part: 'PVC surface',
      detected: false,
      value: null,
      loq: 10,
      substance: { casNumber: CAS.DBP },
    });
    expect(recorded.measurements.slice(4).map((m: any) => m.part)).toEqual([
      'foam core',
      'foam core',
      'foam core',
      'foam core',
    ]);
  });

  it.each<[string, () => Record<string, unknown>]>([
    ['productId', () => ({ productId: product.id })],
    ['supplierId', () => ({ supplierId: supplier.id })],
    ['categoryCode (its own category)', () => ({ categoryCode: category.code })],
    ['substanceCas + productId', () => ({ substanceCas: CAS.DEHP, productId: product.id })],
    ['requirementId + supplierId', () => ({ requirementId: phtId, supplierId: supplier.id })],
    ['gtin as its GTIN-13', () => ({ gtin: product.gtin })],
    ['gtin as a GTIN-14 (a leading zero)', () => ({ gtin: `0${product.gtin}` })],
    ['supplierOrganisationNumber without its dash', () => ({ supplierOrganisationNumber: orgNumberDigits() })],
    [
      'requirementCodes (any of) + productId',
      () => ({ requirementCodes: ['K-PAH-02', 'K-PHT-01'], productId: product.id }),
    ],
    [
      'substanceCas as a list (any of) + productId',
      () => ({ substanceCas: ['50-00-0', CAS.BBP], productId: product.id }),
    ],
    ['substanceGroup + productId', () => ({ substanceGroup: 'ORTHO_PHTHALATE', productId: product.id })],
    ['productCategoryCode (its own category)', () => ({ productCategoryCode: category.code })],
    ['text: the report reference, lower-case', () => ({ text: 'ar-26-se-009999' })],
    ['text: part of the product name + supplierId', () => ({ text: 'LEKMATTA pvc', supplierId: supplier.id })],
    ['text: the supplier name + productId', () => ({ text: supplier.name.slice(0, 6), productId: product.id })],
    [
      'the pre-audit question: this GTIN-14, phthalates, the last three years',
      () => ({ gtin: `0${product.gtin}`, requirementCodes: ['K-PHT-01'], performedFrom: daysAgo(3 * 365) }),
    ],
    [
      'the pre-audit question by supplier: its organisationsnummer, phthalates, the last three years',
      () => ({
        supplierOrganisationNumber: supplier.organisationNumber,
        substanceGroup: 'ORTHO_PHTHALATE',
        performedFrom: daysAgo(3 * 365),
      }),
    ],
  ])('Stockholm finds exactly this follow-up with followUps(filter: %s)', async (_label, filter) => {
    const found = await f.list(filter(), TOKENS.stockholm);

    expect(found).toEqual({ totalCount: 1, ids: [followUpId] });
  });

  it.each<[string, () => Record<string, unknown>]>([
    ['a parent category (CHILD)', () => ({ categoryCode: 'CHILD' })],
    ['substanceCas alone', () => ({ substanceCas: CAS.DBP })],
    ['requirementId alone', () => ({ requirementId: phtId })],
    ['productCategoryCode: a parent category (CHILD)', () => ({ productCategoryCode: 'CHILD' })],
    ['substanceCas, the single form', () => ({ substanceCas: CAS.DBP })],
  ])('Stockholm finds it among others with followUps(filter: %s)', async (_label, filter) => {
    const found = await f.list(filter(), TOKENS.stockholm);

    expect(found.ids).toContain(followUpId);
  });

  it.each<[string, () => Record<string, unknown>, number]>([
    ['organisationId (Skåne)', () => ({ organisationId: skaneId }), 1],
    ['organisationId (Stockholm)', () => ({ organisationId: stockholmId }), 0],
    ['method LAB_ANALYSIS', () => ({ method: 'LAB_ANALYSIS' }), 1],
    ['method DOCUMENT_REVIEW', () => ({ method: 'DOCUMENT_REVIEW' }), 0],
    ['status COMPLETED', () => ({ status: 'COMPLETED' }), 1],
    ['status PLANNED', () => ({ status: 'PLANNED' }), 0],
    [
      'performedFrom/performedTo around performedOn',
      () => ({ performedFrom: performedOn, performedTo: performedOn }),
      1,
    ],
    ['performedFrom the day after', () => ({ performedFrom: daysAgo(39) }), 0],
    ['validOn today', () => ({ validOn: daysAgo(0) }), 1],
    ['validOn the day before it was performed', () => ({ validOn: daysAgo(41) }), 0],
    ['substanceGroup PFAS', () => ({ substanceGroup: 'PFAS' }), 0],
    ['substanceCas of a substance not measured', () => ({ substanceCas: ['50-00-0'] }), 0],
    ['requirementCodes K-PAH-02 (not checked)', () => ({ requirementCodes: ['K-PAH-02'] }), 0],
    ['text that is nowhere', () => ({ text: 'zz-no-such-text' }), 0],
    ['gtin of another product', () => ({ gtin: '4006381333931' }), 0],
  ])('followUps(filter: productId + %s) → %s', async (_label, filter, count) => {
    const found = await f.list({ productId: product.id, ...filter() }, TOKENS.stockholm);

    expect(found).toEqual({ totalCount: count, ids: count ? [followUpId] : [] });
  });

  it('filters that do not match leave it out (a substance it did not measure, another supplier)', async () => {
    const other = await f.supplier();

    expect(await f.list({ productId: product.id, substanceCas: CAS.FORMALDEHYDE }, TOKENS.stockholm)).toEqual({
      totalCount: 0,
      ids: [],
    });
    expect(await f.list({ supplierId: other.id }, TOKENS.stockholm)).toEqual({ totalCount: 0, ids: [] });
  });

  it("evaluateProduct for Stockholm's contract (100 mg/kg): K-PHT-01 FAIL, decided by Skåne's measurement", async () => {
    const evaluation = await f.evaluate(product.id, stockholmContract.id, TOKENS.stockholm);

    expect(evaluation.verdict).toBe('FAIL');
    const pht = requirementOf(evaluation, 'K-PHT-01');
    expect(pht).toMatchObject({
      verdict: 'FAIL',
      limit: { value: 100, unit: 'MG_PER_KG' },
      limitSource: 'CONTRACT',
      notComparable: [],
    });
    expect(pht.parts.map((p: any) => [p.part, p.verdict, p.lowerBound, p.upperBound])).toEqual([
      ['foam core', 'PASS', 0, 40],
      ['PVC surface', 'FAIL', 800, 830],
    ]);
    const dehp = substanceOf(pht, 'PVC surface', CAS.DEHP);
    expect(dehp).toMatchObject({
      status: 'MEASURED',
      verdict: null, // under SUM only the part has a verdict
      convertedValue: 800,
      convertedUnit: 'MG_PER_KG',
      measurement: { value: 800, unit: 'MG_PER_KG', uncertainty: 120 },
      followUp: { id: followUpId, confidentialNotes: null },
      organisation: { code: 'region-skane', name: 'Region Skåne' },
    });
    expect(substanceOf(pht, 'PVC surface', CAS.DBP)).toMatchObject({
      status: 'MEASURED',
      convertedLoq: 10,
      convertedValue: null,
    });
    expect(pht.followUps).toEqual([{ id: followUpId, organisation: { code: 'region-skane' } }]);
  });

  it("evaluateProduct for Skåne's contract (library 0.1 % w/w): PASS, upper bound 0.083 % (830 mg/kg) ≤ 0.1 %", async () => {
    const evaluation = await f.evaluate(product.id, skaneContract.id, TOKENS.skane);

    expect(evaluation.verdict).toBe('PASS');
    const pht = requirementOf(evaluation, 'K-PHT-01');
    expect(pht).toMatchObject({ verdict: 'PASS', limit: { value: 0.1, unit: 'PERCENT_WW' }, limitSource: 'LIBRARY' });
    expect(pht.parts.map((p: any) => [p.part, p.verdict, p.lowerBound, p.upperBound])).toEqual([
      ['foam core', 'PASS', 0, 0.004],
      ['PVC surface', 'PASS', 0.08, 0.083],
    ]);
    expect(substanceOf(pht, 'PVC surface', CAS.DEHP)).toMatchObject({
      convertedValue: 0.08,
      convertedUnit: 'PERCENT_WW',
      followUp: { id: followUpId },
    });
    expect(substanceOf(pht, 'PVC surface', CAS.DEHP).followUp.confidentialNotes).toBe(
      'Underleverantören av ytskiktet uppgavs i förtroende.',
    );
  });

  it('reusableFollowUps lists it for Stockholm as reusable, with the reason and the FAIL it decides', async () => {
    const list = await f.reusable(product.id, stockholmContract.id, TOKENS.stockholm);

    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      reusable: true,
      followUp: {
        id: followUpId,
        status: 'COMPLETED',
        organisation: { code: 'region-skane' },
        confidentialNotes: null,
      },
      decides: [{ requirement: { code: 'K-PHT-01' }, verdict: 'FAIL' }],
    });
    expect(list[0].reasons).toEqual([
      `completed, shared and valid until ${plusYears(performedOn, 3)}; decides K-PHT-01 (FAIL against your limit)`,
    ]);
  });

  it('Stockholm records the reuse; recording it a second time is a CONFLICT and stores nothing', async () => {
    const first = await f.recordReuseRaw(followUpId, stockholmContract.id, TOKENS.stockholm);
    const second = await f.recordReuseRaw(followUpId, stockholmContract.id, TOKENS.stockholm);

    expect(dataOf(first).recordReuse).toMatchObject({
      organisation: { code: 'region-stockholm' },
      contract: { id: stockholmContract.id },
      followUp: { id: followUpId },
    });
    expectError(second, 'CONFLICT', 'already recorded');
    const { reuses } = await f.trail(followUpId, TOKENS.skane);
    expect(reuses).toEqual([
      {
        id: dataOf(first).recordReuse.id,
        organisation: { code: 'region-stockholm' },
        contract: { id: stockholmContract.id },
      },
    ]);
  });

  it("Stockholm opens a deviation against the supplier on Skåne's follow-up, with a due date: supplier light YELLOW", async () => {
    const dueDate = daysFromNow(60);
    expect((await f.supplierStatus(supplier.id, TOKENS.stockholm)).light).toBe('GREEN');

    const deviation = await f.openDeviation(
      {
        followUpId,
        requirementId: phtId,
        contractId: stockholmContract.id,
        severity: 'MAJOR',
        description: 'DEHP 800 mg/kg i PVC-ytskiktet; avtalets gräns är 100 mg/kg summa ftalater.',
        actionPlan: 'Leverantören byter till ftalatfri mjukgörare och levererar nya mattor.',
        dueDate,
      },
      TOKENS.stockholm,
    );
    deviationId = deviation.id;

    expect(deviation).toMatchObject({
      severity: 'MAJOR',
      status: 'OPEN',
      dueDate,
      organisation: { code: 'region-stockholm' },
      supplier: { id: supplier.id },
      requirement: { code: 'K-PHT-01' },
      contract: { id: stockholmContract.id },
      followUp: { id: followUpId },
    });
    const status = await f.supplierStatus(supplier.id, TOKENS.reader);
    expect(status).toMatchObject({
      light: 'YELLOW',
      supplier: { id: supplier.id },
      openDeviations: [{ id: deviationId, severity: 'MAJOR', dueDate }],
      overdueDeviations: [],
    });
  });

  it('followUp.history shows RECORDED (Skåne), REUSED and DEVIATION_OPENED (Stockholm); reuses list the reuse', async () => {
    const trail = await f.trail(followUpId, TOKENS.reader);

    expect(trail.history.map((e: any) => [e.type, e.actorOrganisation?.code])).toEqual([
      ['RECORDED', 'region-skane'],
      ['REUSED', 'region-stockholm'],
      ['DEVIATION_OPENED', 'region-stockholm'],
    ]);
    expect(trail.history[0].actorName).toBe('Demo Kontaktperson Skåne');
    expect(trail.history[1].actorName).toBe('Demo Kontaktperson Stockholm');
    expect(trail.reuses).toEqual([
      expect.objectContaining({ organisation: { code: 'region-stockholm' }, contract: { id: stockholmContract.id } }),
    ]);
  });

  it('a supplier-level DESK_AUDIT (no product) is found by supplierId, and its deviation colours the supplier', async () => {
    const audited = await f.supplier();
    const audit = await f.record(
      buildFollowUp({
        supplierId: audited.id,
        method: 'DESK_AUDIT',
        laboratory: null,
        reportReference: 'Skrivbordsrevision 2026',
      }),
      TOKENS.stockholm,
    );
    expect(audit).toMatchObject({
      product: null,
      supplier: { id: audited.id },
      method: 'DESK_AUDIT',
      measurements: [],
    });

    expect(await f.list({ supplierId: audited.id }, TOKENS.skane)).toEqual({ totalCount: 1, ids: [audit.id] });
    await f.openDeviation(
      {
        followUpId: audit.id,
        severity: 'CRITICAL',
        description: 'Uppförandekoden saknas hos underleverantör',
        dueDate: daysAgo(3),
      },
      TOKENS.stockholm,
    );
    expect(await f.supplierStatus(audited.id, TOKENS.skane)).toMatchObject({
      light: 'RED',
      overdueDeviations: [{ dueDate: daysAgo(3) }],
    });
  });

  it('a due date in the past turns the light RED; an observation adds no colour; resolving turns it GREEN', async () => {
    const past = daysAgo(1);
    await f.updateDeviation(deviationId, { dueDate: past }, TOKENS.stockholm);

    const red = await f.supplierStatus(supplier.id, TOKENS.skane);
    expect(red).toMatchObject({ light: 'RED', overdueDeviations: [{ id: deviationId, dueDate: past }] });

    await f.resolveDeviation(deviationId, TOKENS.stockholm);
    await f.openDeviation(
      { followUpId, severity: 'OBSERVATION', description: 'Märkningen saknar artikelnummer.', dueDate: daysAgo(10) },
      TOKENS.stockholm,
    );

    const green = await f.supplierStatus(supplier.id, TOKENS.skane);
    expect(green).toMatchObject({ light: 'GREEN', openDeviations: [], overdueDeviations: [] });
  });
});
