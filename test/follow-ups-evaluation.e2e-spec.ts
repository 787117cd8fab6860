import {
  buildFollowUp,
  CAS,
  daysAgo,
  FollowUpFactory,
  measure,
  PAHS,
  phthalates,
  requirementOf,
  substanceOf,
  type LimitInput,
  type MeasurementInput,
} from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * evaluateProduct against hand-computed verdicts (DOMAIN.md, "Evaluating one substance in one
 * part", "SUM aggregation", "A requirement's verdict"), and which follow-ups count.
 *
 * Each case makes its own product, a Stockholm contract with one requirement and the case's own
 * limit, and a Skåne follow-up with the case's measurements; Stockholm then evaluates. So every
 * number below comes from the case itself, never from the demo data.
 *   K-FORM-TOY: formaldehyde, EACH.   K-PAH-02: 8 PAHs, EACH.   K-PHT-01: DEHP+DBP+BBP+DIBP, SUM.
 */
describe('follow-ups: evaluateProduct', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  let supplierId: string;

  beforeAll(async () => {
    sut = await startTestApp();
    f = new FollowUpFactory(sut);
    supplierId = (await f.supplier()).id;
  });
  afterAll(() => sut.close());

  /** A product with one Skåne follow-up (checking `code`) evaluated for a Stockholm contract limiting `code` at `limit`. */
  async function evaluateCase(code: string, limit: LimitInput, measurements: MeasurementInput[]) {
    const product = await f.product(supplierId);
    const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code, limit }]);
    const followUp = await f.record(
      buildFollowUp({ productId: product.id, requirementIds: [await f.requirementId(code)], measurements }),
      TOKENS.skane,
      'id',
    );
    const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm);
    return { product, contract, followUp, evaluation, requirement: requirementOf(evaluation, code) };
  }

  describe('EACH: one substance in one part (K-FORM-TOY, formaldehyde)', () => {
    const F = CAS.FORMALDEHYDE;
    const mgkg = (value: number): LimitInput => ({ value, unit: 'MG_PER_KG' });
    const pct = (value: number): LimitInput => ({ value, unit: 'PERCENT_WW' });

    it.each<
      [
        string,
        LimitInput,
        MeasurementInput,
        { verdict: string; convertedValue?: number | null; convertedLoq?: number | null; withinUncertainty?: boolean },
      ]
    >([
      [
        'detected exactly at the limit: PASS',
        mgkg(20),
        measure.detected(F, 'Textile', 20),
        { verdict: 'PASS', convertedValue: 20 },
      ],
      [
        'detected just above the limit: FAIL',
        mgkg(20),
        measure.detected(F, 'Textile', 20.01),
        { verdict: 'FAIL', convertedValue: 20.01 },
      ],
      [
        'not detected, LOQ equal to the limit: PASS',
        mgkg(10),
        measure.notDetected(F, 'Textile', 10),
        { verdict: 'PASS', convertedLoq: 10, convertedValue: null },
      ],
      [
        'not detected, LOQ above a stricter limit: INCONCLUSIVE',
        mgkg(5),
        measure.notDetected(F, 'Textile', 10),
        { verdict: 'INCONCLUSIVE', convertedLoq: 10 },
      ],
      [
        '% w/w result against a mg/kg limit, at it: 0.002 % = 20 mg/kg, PASS',
        mgkg(20),
        measure.detected(F, 'Textile', 0.002, 'PERCENT_WW'),
        { verdict: 'PASS', convertedValue: 20 },
      ],
      [
        '% w/w result against a mg/kg limit, above: 0.0021 % = 21 mg/kg, FAIL',
        mgkg(20),
        measure.detected(F, 'Textile', 0.0021, 'PERCENT_WW'),
        { verdict: 'FAIL', convertedValue: 21 },
      ],
      [
        '% w/w LOQ against a stricter mg/kg limit: < 0.001 % = 10 mg/kg > 5, INCONCLUSIVE',
        mgkg(5),
        measure.notDetected(F, 'Textile', 0.001, 'PERCENT_WW'),
        { verdict: 'INCONCLUSIVE', convertedLoq: 10 },
      ],
      [
        'mg/kg result against a % w/w limit, at it: 1000 mg/kg = 0.1 %, PASS',
        pct(0.1),
        measure.detected(F, 'Textile', 1000),
        { verdict: 'PASS', convertedValue: 0.1 },
      ],
      [
        'mg/kg result against a % w/w limit, above: 1500 mg/kg = 0.15 %, FAIL',
        pct(0.1),
        measure.detected(F, 'Textile', 1500),
        { verdict: 'FAIL', convertedValue: 0.15 },
      ],
      [
        'ppm is mg/kg: 20 ppm against 20 mg/kg, PASS',
        mgkg(20),
        measure.detected(F, 'Textile', 20, 'PPM'),
        { verdict: 'PASS', convertedValue: 20 },
      ],
      [
        'µg/g is mg/kg: 25 µg/g against 20 mg/kg, FAIL',
        mgkg(20),
        measure.detected(F, 'Textile', 25, 'UG_PER_G'),
        { verdict: 'FAIL', convertedValue: 25 },
      ],
      [
        '|18 − 20| = 2 ≤ U 3: PASS within uncertainty',
        mgkg(20),
        measure.detected(F, 'Textile', 18, 'MG_PER_KG', { uncertainty: 3 }),
        { verdict: 'PASS', withinUncertainty: true },
      ],
      [
        '|22 − 20| = 2 ≤ U 3: FAIL within uncertainty (simple acceptance)',
        mgkg(20),
        measure.detected(F, 'Textile', 22, 'MG_PER_KG', { uncertainty: 3 }),
        { verdict: 'FAIL', withinUncertainty: true },
      ],
      [
        '|15 − 20| = 5 > U 3: PASS, not within uncertainty',
        mgkg(20),
        measure.detected(F, 'Textile', 15, 'MG_PER_KG', { uncertainty: 3 }),
        { verdict: 'PASS', withinUncertainty: false },
      ],
      [
        '|23.1 − 20| = 3.1 > U 3: FAIL, not within uncertainty',
        mgkg(20),
        measure.detected(F, 'Textile', 23.1, 'MG_PER_KG', { uncertainty: 3 }),
        { verdict: 'FAIL', withinUncertainty: false },
      ],
      [
        'uncertainty converts with the value: 0.0018 % ± 0.0003 % against 20 mg/kg, within',
        mgkg(20),
        measure.detected(F, 'Textile', 0.0018, 'PERCENT_WW', { uncertainty: 0.0003 }),
        { verdict: 'PASS', convertedValue: 18, withinUncertainty: true },
      ],
      [
        'no uncertainty given: never within uncertainty',
        mgkg(20),
        measure.detected(F, 'Textile', 20),
        { verdict: 'PASS', withinUncertainty: false },
      ],
    ])('%s', async (_label, limit, m, expected) => {
      const { requirement, followUp, evaluation } = await evaluateCase('K-FORM-TOY', limit, [m]);

      expect(evaluation.verdict).toBe(expected.verdict);
      expect(requirement).toMatchObject({ verdict: expected.verdict, limit, limitSource: 'CONTRACT' });
      expect(requirement.parts).toHaveLength(1);
      expect(requirement.parts[0]).toMatchObject({
        part: 'Textile',
        verdict: expected.verdict,
        lowerBound: null,
        upperBound: null,
      });
      const s = substanceOf(requirement, 'Textile', F);
      expect(s).toMatchObject({
        status: 'MEASURED',
        verdict: expected.verdict,
        convertedUnit: limit.unit,
        followUp: { id: followUp.id },
        organisation: { code: 'region-skane' },
      });
      if (expected.convertedValue !== undefined) expect(s.convertedValue).toBe(expected.convertedValue);
      if (expected.convertedLoq !== undefined) expect(s.convertedLoq).toBe(expected.convertedLoq);
      if (expected.withinUncertainty !== undefined) expect(s.withinUncertainty).toBe(expected.withinUncertainty);
      expect(requirement.followUps).toEqual([{ id: followUp.id, organisation: { code: 'region-skane' } }]);
    });
  });

  describe('EACH over several listed substances (K-PAH-02, 8 PAHs)', () => {
    it('a listed substance not measured: INCOMPLETE, the missing ones NOT_MEASURED', async () => {
      const { requirement, evaluation } = await evaluateCase('K-PAH-02', { value: 0.5, unit: 'MG_PER_KG' }, [
        measure.notDetected(CAS.BAP, 'Handle', 0.1),
      ]);

      expect(evaluation.verdict).toBe('INCOMPLETE');
      expect(requirement.verdict).toBe('INCOMPLETE');
      expect(requirement.parts[0].verdict).toBe('INCOMPLETE');
      const statuses = requirement.parts[0].substances.map((s: any) => [s.substance.casNumber, s.status, s.verdict]);
      const byCas = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect(statuses.sort(byCas)).toEqual(
        PAHS.map((cas) => (cas === CAS.BAP ? [cas, 'MEASURED', 'PASS'] : [cas, 'NOT_MEASURED', null])).sort(byCas),
      );
    });

    it('all listed substances measured and below: PASS', async () => {
      const { requirement } = await evaluateCase(
        'K-PAH-02',
        { value: 0.5, unit: 'MG_PER_KG' },
        PAHS.map((cas) => measure.notDetected(cas, 'Handle', 0.2)),
      );

      expect(requirement.verdict).toBe('PASS');
    });

    it('one substance above the limit fails the requirement even when others are not measured', async () => {
      const { requirement } = await evaluateCase('K-PAH-02', { value: 0.5, unit: 'MG_PER_KG' }, [
        measure.detected(CAS.BAP, 'Handle', 0.6),
      ]);

      expect(requirement.verdict).toBe('FAIL');
      expect(substanceOf(requirement, 'Handle', CAS.BAP).verdict).toBe('FAIL');
    });
  });

  describe('SUM: the listed substances together, per part (K-PHT-01)', () => {
    const { DEHP, DBP, BBP, DIBP } = CAS;
    it.each<[string, LimitInput, MeasurementInput[], string, number, number | null]>([
      [
        '800 + LOQs 3×10: upper 830 ≤ 1000 mg/kg → PASS',
        { value: 1000, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 800 }),
        'PASS',
        800,
        830,
      ],
      [
        'upper exactly at the limit 830 → PASS',
        { value: 830, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 800 }),
        'PASS',
        800,
        830,
      ],
      [
        'lower 800 ≤ 820 < upper 830 → INCONCLUSIVE',
        { value: 820, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 800 }),
        'INCONCLUSIVE',
        800,
        830,
      ],
      [
        'lower exactly at the limit 800, upper 830 → INCONCLUSIVE',
        { value: 800, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 800 }),
        'INCONCLUSIVE',
        800,
        830,
      ],
      [
        'lower 800 > 100 → FAIL',
        { value: 100, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 800 }),
        'FAIL',
        800,
        830,
      ],
      [
        'nothing detected, LOQs 4×30 = 120 > 100 → INCONCLUSIVE',
        { value: 100, unit: 'MG_PER_KG' },
        phthalates('PVC', {}, 30),
        'INCONCLUSIVE',
        0,
        120,
      ],
      [
        'nothing detected, LOQs 4×25 = 100 ≤ 100 → PASS',
        { value: 100, unit: 'MG_PER_KG' },
        phthalates('PVC', {}, 25),
        'PASS',
        0,
        100,
      ],
      [
        'two detected 400 + 300 = 700 > 0.069 % → FAIL',
        { value: 0.069, unit: 'PERCENT_WW' },
        phthalates('PVC', { [DEHP]: 400, [DBP]: 300 }, 50),
        'FAIL',
        0.07,
        0.08,
      ],
      [
        'two detected, lower 0.07 ≤ 0.07 % < upper 0.08 % → INCONCLUSIVE',
        { value: 0.07, unit: 'PERCENT_WW' },
        phthalates('PVC', { [DEHP]: 400, [DBP]: 300 }, 50),
        'INCONCLUSIVE',
        0.07,
        0.08,
      ],
      [
        'two detected, upper 0.08 ≤ 0.08 % → PASS',
        { value: 0.08, unit: 'PERCENT_WW' },
        phthalates('PVC', { [DEHP]: 400, [DBP]: 300 }, 50),
        'PASS',
        0.07,
        0.08,
      ],
      [
        '% w/w results against a mg/kg limit: 0.04 % + 0.03 % + LOQs 2×0.001 % = 720 ≤ 720 mg/kg → PASS',
        { value: 720, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 0.04, [DBP]: 0.03 }, 0.001, 'PERCENT_WW'),
        'PASS',
        700,
        720,
      ],
      [
        '% w/w results against a mg/kg limit: lower 700 > 699 mg/kg → FAIL',
        { value: 699, unit: 'MG_PER_KG' },
        phthalates('PVC', { [DEHP]: 0.04, [DBP]: 0.03 }, 0.001, 'PERCENT_WW'),
        'FAIL',
        700,
        720,
      ],
      [
        'units mixed within the part: 0.05 % + 200 mg/kg + LOQs 10 mg/kg and 0.001 % = 0.072 % ≤ 0.1 % → PASS',
        { value: 0.1, unit: 'PERCENT_WW' },
        [
          measure.detected(DEHP, 'PVC', 0.05, 'PERCENT_WW'),
          measure.detected(DBP, 'PVC', 200),
          measure.notDetected(BBP, 'PVC', 10),
          measure.notDetected(DIBP, 'PVC', 0.001, 'PERCENT_WW'),
        ],
        'PASS',
        0.07,
        0.072,
      ],
      [
        'a listed substance not measured (BBP, DIBP): 800 + 10 → INCOMPLETE',
        { value: 1000, unit: 'MG_PER_KG' },
        [measure.detected(DEHP, 'PVC', 800), measure.notDetected(DBP, 'PVC', 10)],
        'INCOMPLETE',
        800,
        810,
      ],
      [
        'a listed substance not measured, but the detected sum alone exceeds: 800 > 700 → FAIL',
        { value: 700, unit: 'MG_PER_KG' },
        [measure.detected(DEHP, 'PVC', 800), measure.notDetected(DBP, 'PVC', 10)],
        'FAIL',
        800,
        810,
      ],
    ])('%s', async (_label, limit, measurements, verdict, lower, upper) => {
      const { requirement, evaluation } = await evaluateCase('K-PHT-01', limit, measurements);

      expect(evaluation.verdict).toBe(verdict);
      expect(requirement.verdict).toBe(verdict);
      expect(requirement.parts).toEqual([
        expect.objectContaining({ part: 'PVC', verdict, lowerBound: lower, upperBound: upper }),
      ]);
      // Under SUM only the part has a verdict, never a single substance.
      expect(
        requirement.parts[0].substances.every((s: any) => s.verdict === null && s.withinUncertainty === false),
      ).toBe(true);
    });

    it('the missing substances of an INCOMPLETE part are NOT_MEASURED', async () => {
      const { requirement } = await evaluateCase('K-PHT-01', { value: 1000, unit: 'MG_PER_KG' }, [
        measure.detected(DEHP, 'PVC', 800),
        measure.notDetected(DBP, 'PVC', 10),
      ]);

      expect(requirement.parts[0].substances.map((s: any) => [s.substance.casNumber, s.status])).toEqual(
        expect.arrayContaining([
          [DEHP, 'MEASURED'],
          [DBP, 'MEASURED'],
          [BBP, 'NOT_MEASURED'],
          [DIBP, 'NOT_MEASURED'],
        ]),
      );
    });

    it.each<[string, MeasurementInput[], string, string[]]>([
      [
        'one part PASS, the other INCOMPLETE → INCOMPLETE',
        [...phthalates('Surface', { [DEHP]: 50 }), measure.notDetected(DEHP, 'Core', 10)],
        'INCOMPLETE',
        ['INCOMPLETE', 'PASS'],
      ],
      [
        'one part PASS, the other INCONCLUSIVE → INCONCLUSIVE',
        [...phthalates('Surface', { [DEHP]: 50 }), ...phthalates('Core', {}, 40)],
        'INCONCLUSIVE',
        ['INCONCLUSIVE', 'PASS'],
      ],
      [
        'one part INCOMPLETE, the other FAIL → FAIL',
        [measure.notDetected(DEHP, 'Surface', 10), ...phthalates('Core', { [DBP]: 150 })],
        'FAIL',
        ['FAIL', 'INCOMPLETE'],
      ],
      [
        'both parts PASS → PASS',
        [...phthalates('Surface', { [DEHP]: 50 }), ...phthalates('Core', {}, 10)],
        'PASS',
        ['PASS', 'PASS'],
      ],
    ])('over parts (limit 100 mg/kg): %s', async (_label, measurements, verdict, partVerdicts) => {
      const { requirement } = await evaluateCase('K-PHT-01', { value: 100, unit: 'MG_PER_KG' }, measurements);

      expect(requirement.verdict).toBe(verdict);
      // Parts come sorted by label: Core before Surface.
      expect(requirement.parts.map((p: any) => p.part)).toEqual(['Core', 'Surface']);
      expect(requirement.parts.map((p: any) => p.verdict)).toEqual(partVerdicts);
    });

    it('parts match by label ignoring case and surrounding spaces', async () => {
      const measurements = [
        measure.detected(DEHP, ' PVC Surface ', 60),
        measure.notDetected(DBP, 'pvc surface', 10),
        measure.notDetected(BBP, 'PVC SURFACE', 10),
        measure.notDetected(DIBP, 'PVC surface  ', 10),
      ];
      const { requirement } = await evaluateCase('K-PHT-01', { value: 100, unit: 'MG_PER_KG' }, measurements);

      expect(requirement.parts).toHaveLength(1);
      expect(requirement.parts[0]).toMatchObject({ verdict: 'PASS', lowerBound: 60, upperBound: 90 });
      expect(requirement.parts[0].part.toLowerCase()).toBe('pvc surface');
    });
  });

  describe('units that do not compare', () => {
    it('a migration result (mg/L) of a substance in a requirement the follow-up does NOT check is accepted, and NOT_COMPARABLE when evaluated', async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } },
      ]);
      // The follow-up checks K-FORM-TOY only, so a DEHP migration in mg/L is not refused at record time.
      const followUp = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [await f.requirementId('K-FORM-TOY')],
          measurements: [
            measure.detected(CAS.FORMALDEHYDE, 'Textile', 5),
            measure.detected(CAS.DEHP, 'Saliva simulant', 0.3, 'MG_PER_L'),
            measure.notDetected(CAS.DBP, 'Saliva simulant', 10),
            measure.notDetected(CAS.BBP, 'Saliva simulant', 10),
            measure.notDetected(CAS.DIBP, 'Saliva simulant', 10),
          ],
        }),
        TOKENS.skane,
      );

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm);

      const pht = requirementOf(evaluation, 'K-PHT-01');
      const dehpMeasurement = followUp.measurements[1];
      expect(pht.notComparable).toEqual([
        {
          id: dehpMeasurement.id,
          part: 'Saliva simulant',
          value: 0.3,
          unit: 'MG_PER_L',
          substance: { casNumber: CAS.DEHP },
          followUp: { id: followUp.id },
        },
      ]);
      // Not comparable counts as not measured: the part cannot PASS, it is INCOMPLETE.
      expect(pht.verdict).toBe('INCOMPLETE');
      expect(pht.parts[0]).toMatchObject({
        part: 'Saliva simulant',
        verdict: 'INCOMPLETE',
        lowerBound: 0,
        upperBound: 30,
      });
      expect(substanceOf(pht, 'Saliva simulant', CAS.DEHP)).toMatchObject({
        status: 'NOT_COMPARABLE',
        verdict: null,
        convertedValue: null,
      });
    });

    it('only not-comparable results for a requirement: NO_DATA, listed in notComparable, never a silent PASS', async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } },
      ]);
      await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [await f.requirementId('K-FORM-TOY')],
          measurements: [measure.detected(CAS.DEHP, 'Saliva simulant', 0.3, 'MG_PER_L')],
        }),
        TOKENS.skane,
      );

      const pht = requirementOf(await f.evaluate(product.id, contract.id, TOKENS.stockholm), 'K-PHT-01');

      expect(pht.verdict).toBe('NO_DATA');
      expect(pht.notComparable).toHaveLength(1);
      expect(pht.followUps).toEqual([]);
    });
  });

  describe('the most recent measurement counts', () => {
    it("between two organisations' follow-ups of the same product and part, the newer performedOn wins, whatever the recording order", async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } },
      ]);
      const pht = await f.requirementId('K-PHT-01');
      // Recorded first, but performed later: Stockholm's DEHP 500 in " pvc SURFACE ".
      const newer = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [pht],
          performedOn: daysAgo(20),
          measurements: [measure.detected(CAS.DEHP, ' pvc SURFACE ', 500)],
        }),
        TOKENS.stockholm,
        'id',
      );
      // Recorded second, performed earlier: Skåne's full set, DEHP 50.
      const older = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [pht],
          performedOn: daysAgo(200),
          measurements: phthalates('PVC surface', { [CAS.DEHP]: 50 }),
        }),
        TOKENS.skane,
        'id',
      );

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm);

      const req = requirementOf(evaluation, 'K-PHT-01');
      expect(req.parts).toHaveLength(1);
      // DEHP from Stockholm (500), DBP/BBP/DIBP from Skåne (< 10 each): lower 500 > 100.
      expect(req.parts[0]).toMatchObject({ part: 'pvc SURFACE', verdict: 'FAIL', lowerBound: 500, upperBound: 530 });
      expect(substanceOf(req, 'PVC surface', CAS.DEHP)).toMatchObject({
        convertedValue: 500,
        followUp: { id: newer.id },
        organisation: { code: 'region-stockholm' },
      });
      expect(substanceOf(req, 'PVC surface', CAS.DBP)).toMatchObject({
        convertedLoq: 10,
        followUp: { id: older.id },
        organisation: { code: 'region-skane' },
      });
      expect(req.followUps.map((x: any) => x.id).sort()).toEqual([newer.id, older.id].sort());
    });

    it('the same performedOn: the later recording wins', async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-FORM-TOY', limit: { value: 20, unit: 'MG_PER_KG' } },
      ]);
      const req = await f.requirementId('K-FORM-TOY');
      const day = daysAgo(10);
      await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [req],
          performedOn: day,
          measurements: [measure.detected(CAS.FORMALDEHYDE, 'Textile', 30)],
        }),
        TOKENS.skane,
        'id',
      );
      const later = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [req],
          performedOn: day,
          measurements: [measure.detected(CAS.FORMALDEHYDE, 'textile', 12)],
        }),
        TOKENS.stockholm,
        'id',
      );

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm);

      expect(evaluation.verdict).toBe('PASS');
      expect(substanceOf(requirementOf(evaluation, 'K-FORM-TOY'), 'Textile', CAS.FORMALDEHYDE)).toMatchObject({
        convertedValue: 12,
        followUp: { id: later.id },
      });
    });
  });

  describe('which follow-ups count', () => {
    const FAILING = () => [measure.detected(CAS.FORMALDEHYDE, 'Textile', 100)]; // 100 > 20 mg/kg
    let req: string;
    beforeAll(async () => {
      req = await f.requirementId('K-FORM-TOY');
    });

    async function arrange() {
      const product = await f.product(supplierId);
      const skane = await f.contract(TOKENS.skane, supplierId, [
        { code: 'K-FORM-TOY', limit: { value: 20, unit: 'MG_PER_KG' } },
      ]);
      const stockholm = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-FORM-TOY', limit: { value: 20, unit: 'MG_PER_KG' } },
      ]);
      return { product, skane, stockholm };
    }
    const verdictOf = async (productId: string, contractId: string, token: (typeof TOKENS)[keyof typeof TOKENS]) =>
      requirementOf(await f.evaluate(productId, contractId, token), 'K-FORM-TOY').verdict;

    it('an IN_PROGRESS follow-up is ignored until it is completed', async () => {
      const { product, stockholm } = await arrange();
      const fu = await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [req], status: 'IN_PROGRESS', measurements: FAILING() }),
        TOKENS.skane,
        'id',
      );

      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('NO_DATA');

      dataOf(await f.transitionRaw('complete', fu.id, TOKENS.skane, { performedOn: daysAgo(1) }));
      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('FAIL');
    });

    it('a PLANNED document review does not decide a DOCUMENTATION requirement', async () => {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code: 'K-SDS-SV' }]);
      await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [await f.requirementId('K-SDS-SV')],
          method: 'DOCUMENT_REVIEW',
          status: 'PLANNED',
          performedOn: daysAgo(5),
          laboratory: null,
        }),
        TOKENS.skane,
        'id',
      );

      const sds = requirementOf(await f.evaluate(product.id, contract.id, TOKENS.stockholm), 'K-SDS-SV');

      expect(sds).toMatchObject({ verdict: 'NO_DATA', followUps: [] });
    });

    it('a RETRACTED follow-up is ignored (it counted before the retraction)', async () => {
      const { product, stockholm } = await arrange();
      const fu = await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [req], measurements: FAILING() }),
        TOKENS.skane,
        'id',
      );
      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('FAIL');

      await f.retract(fu.id, TOKENS.skane);

      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('NO_DATA');
    });

    it.each([
      ['performed 4 years ago (default validity 3 years)', { performedOn: daysAgo(4 * 365) }],
      ['validUntil yesterday', { performedOn: daysAgo(100), validUntil: daysAgo(1) }],
    ])('an expired follow-up (%s) is ignored', async (_label, dates) => {
      const { product, stockholm, skane } = await arrange();
      await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [req], measurements: FAILING(), ...dates }),
        TOKENS.skane,
        'id',
      );

      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('NO_DATA');
      expect(await verdictOf(product.id, skane.id, TOKENS.skane)).toBe('NO_DATA');
    });

    it('a follow-up valid until today still counts', async () => {
      const { product, stockholm } = await arrange();
      await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [req],
          measurements: FAILING(),
          performedOn: daysAgo(100),
          validUntil: daysAgo(0),
        }),
        TOKENS.skane,
        'id',
      );

      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('FAIL');
    });

    it("another organisation's PRIVATE follow-up is ignored; its owner's evaluation counts it", async () => {
      const { product, stockholm, skane } = await arrange();
      const fu = await f.record(
        buildFollowUp({ productId: product.id, requirementIds: [req], visibility: 'PRIVATE', measurements: FAILING() }),
        TOKENS.skane,
        'id',
      );

      // Stockholm cannot see it, whichever contract it evaluates against.
      expect(await verdictOf(product.id, stockholm.id, TOKENS.stockholm)).toBe('NO_DATA');
      expect(await verdictOf(product.id, skane.id, TOKENS.stockholm)).toBe('NO_DATA');
      // Nor a reader of a third organisation.
      expect(await verdictOf(product.id, skane.id, TOKENS.reader)).toBe('NO_DATA');
      // Skåne's own PRIVATE follow-up counts for Skåne, for any contract.
      const own = requirementOf(await f.evaluate(product.id, skane.id, TOKENS.skane), 'K-FORM-TOY');
      expect(own).toMatchObject({
        verdict: 'FAIL',
        followUps: [{ id: fu.id, organisation: { code: 'region-skane' } }],
      });
      expect(await verdictOf(product.id, stockholm.id, TOKENS.skane)).toBe('FAIL');
    });

    it('a product without follow-ups: every requirement NO_DATA', async () => {
      const { product, stockholm } = await arrange();

      const evaluation = await f.evaluate(product.id, stockholm.id, TOKENS.stockholm);

      expect(evaluation).toMatchObject({
        verdict: 'NO_DATA',
        product: { id: product.id },
        contract: { id: stockholm.id },
      });
      expect(evaluation.evaluatedOn).toBe(daysAgo(0));
    });
  });

  describe('what a person asks: followUpIds, measuredOnly, worst first', () => {
    /** A product, a Stockholm contract on K-PAH-02 at 0.5 mg/kg, and an older Skåne follow-up measuring every PAH low. */
    async function arrange() {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [
        { code: 'K-PAH-02', limit: { value: 0.5, unit: 'MG_PER_KG' } },
      ]);
      const pah = await f.requirementId('K-PAH-02');
      const skane = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [pah],
          performedOn: daysAgo(300),
          measurements: PAHS.map((cas) => measure.notDetected(cas, 'Handle', 0.1)),
        }),
        TOKENS.skane,
        'id',
      );
      // Stockholm's new report: benzo[a]pyrene 0.9 (FAIL) and chrysene LOQ 1 (INCONCLUSIVE), nothing else.
      const mine = await f.record(
        buildFollowUp({
          productId: product.id,
          requirementIds: [pah],
          performedOn: daysAgo(5),
          measurements: [measure.detected(CAS.BAP, 'Handle', 0.9), measure.notDetected('218-01-9', 'Handle', 1)],
        }),
        TOKENS.stockholm,
        'id',
      );
      return { product, contract, skane, mine };
    }

    it('followUpIds: only my new report is judged; the substances it did not measure are NOT_MEASURED', async () => {
      const { product, contract, mine } = await arrange();

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm, { followUpIds: [mine.id] });

      const req = requirementOf(evaluation, 'K-PAH-02');
      expect(req.verdict).toBe('FAIL');
      expect(req.followUps).toEqual([{ id: mine.id, organisation: { code: 'region-stockholm' } }]);
      const statuses = req.parts[0].substances.map((x: any) => x.status);
      expect(statuses.filter((x: string) => x === 'NOT_MEASURED')).toHaveLength(PAHS.length - 2);
    });

    it('measuredOnly leaves NOT_MEASURED substances out; the verdict is unchanged', async () => {
      const { product, contract, mine } = await arrange();

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm, {
        followUpIds: [mine.id],
        measuredOnly: true,
      });

      const req = requirementOf(evaluation, 'K-PAH-02');
      expect(req.verdict).toBe('FAIL');
      expect(req.parts[0].verdict).toBe('FAIL');
      expect(req.parts[0].substances.map((x: any) => [x.substance.casNumber, x.status, x.verdict])).toEqual([
        [CAS.BAP, 'MEASURED', 'FAIL'],
        ['218-01-9', 'MEASURED', 'INCONCLUSIVE'],
      ]);
    });

    it('without followUpIds every counted follow-up is judged, substances worst first, then by name', async () => {
      const { product, contract, skane, mine } = await arrange();

      const evaluation = await f.evaluate(product.id, contract.id, TOKENS.stockholm);

      const req = requirementOf(evaluation, 'K-PAH-02');
      expect(req.followUps.map((x: any) => x.id).sort()).toEqual([skane.id, mine.id].sort());
      const substances = req.parts[0].substances;
      expect(substances.slice(0, 2).map((x: any) => [x.substance.casNumber, x.verdict])).toEqual([
        [CAS.BAP, 'FAIL'],
        ['218-01-9', 'INCONCLUSIVE'],
      ]);
      const passes = substances.slice(2).map((x: any) => x.substance.name);
      expect(substances.slice(2).every((x: any) => x.verdict === 'PASS')).toBe(true);
      expect(passes).toEqual([...passes].sort(new Intl.Collator('sv').compare));
    });

    it.each<[string, (a: Awaited<ReturnType<typeof arrange>>) => Promise<string[]>, string]>([
      ['an unknown id', async () => ['00000000-0000-4000-8000-000000000000'], 'no follow-up you can see'],
      [
        'a follow-up of another product',
        async () => {
          const other = await f.product(supplierId);
          const pah = await f.requirementId('K-PAH-02');
          const fu = await f.record(
            buildFollowUp({ productId: other.id, requirementIds: [pah] }),
            TOKENS.stockholm,
            'id',
          );
          return [fu.id];
        },
        'is not of product',
      ],
      [
        "a supplier-level follow-up of another supplier (one of the product's own supplier would count)",
        async () => {
          const sds = await f.requirementId('K-SDS-SV');
          const fu = await f.record(
            buildFollowUp({
              supplierId: (await f.supplier()).id,
              method: 'DESK_AUDIT',
              requirementIds: [sds],
              laboratory: null,
            }),
            TOKENS.stockholm,
            'id',
          );
          return [fu.id];
        },
        'nor of its supplier',
      ],
      [
        'a PLANNED follow-up',
        async ({ product }) => {
          const pah = await f.requirementId('K-PAH-02');
          const fu = await f.record(
            buildFollowUp({ productId: product.id, requirementIds: [pah], status: 'PLANNED', performedOn: null }),
            TOKENS.stockholm,
            'id',
          );
          return [fu.id];
        },
        'PLANNED',
      ],
    ])('followUpIds with %s is BAD_USER_INPUT naming followUpIds[1]', async (_label, ids, reason) => {
      const arranged = await arrange();

      const r = await f.evaluateRaw(arranged.product.id, arranged.contract.id, TOKENS.stockholm, {
        followUpIds: [arranged.mine.id, ...(await ids(arranged))],
      });

      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain('followUpIds[1]');
      expect(r.errors?.[0]?.message).toContain(reason);
    });
  });

  describe('NOT_ADDED with a limit (K-FR-TEXT: flame retardants not added, and ≤ 0.1 % w/w): a declaration shows "not added"', () => {
    /** The 13 flame retardants K-FR-TEXT lists (seeds/reference/requirements.json). */
    const FLAME_RETARDANTS = [
      '1163-19-5',
      '32534-81-9',
      '32536-52-0',
      '25637-99-4',
      '79-94-7',
      '36355-01-8',
      '84852-53-9',
      '115-96-8',
      '13674-84-5',
      '13674-87-8',
      '115-86-6',
      '85535-84-8',
      '85535-85-9',
    ];
    const belowLoqs = (cas = FLAME_RETARDANTS) => cas.map((c) => measure.notDetected(c, 'Foam', 10));

    /** A product, Stockholm's contract asking K-FR-TEXT at the library's 0.1 %, and Stockholm's lab analysis (checking nothing). */
    async function arrange(measurements: MeasurementInput[], declare: boolean) {
      const product = await f.product(supplierId);
      const contract = await f.contract(TOKENS.stockholm, supplierId, [{ code: 'K-FR-TEXT' }]);
      const fr = await f.requirementId('K-FR-TEXT');
      const declaredOn = daysAgo(60);
      const declaration = declare
        ? await f.record(
            buildFollowUp({
              productId: product.id,
              method: 'SUPPLIER_DECLARATION',
              requirementIds: [fr],
              laboratory: null,
              performedOn: declaredOn,
            }),
            TOKENS.skane,
            'id',
          )
        : null;
      const lab = await f.record(
        buildFollowUp({ productId: product.id, performedOn: daysAgo(10), measurements }),
        TOKENS.stockholm,
        'id',
      );
      const evaluate = async () =>
        requirementOf(await f.evaluate(product.id, contract.id, TOKENS.stockholm), 'K-FR-TEXT');
      return { fr, declaration, declaredOn, lab, evaluate };
    }

    it('declared as added (an unresolved MAJOR deviation) stays FAIL when a newer analysis finds every one below its LOQ; resolved, PASS', async () => {
      const { fr, declaration, declaredOn, lab, evaluate } = await arrange(belowLoqs(), true);
      const deviation = await f.openDeviation(
        { followUpId: declaration.id, requirementId: fr, severity: 'MAJOR', description: 'TCEP tillsatt i skummet' },
        TOKENS.skane,
      );

      const failed = await evaluate();
      expect(failed).toMatchObject({
        verdict: 'FAIL',
        explanation: `SUPPLIER_DECLARATION on ${declaredOn} found 1 unresolved deviation; the results show nothing above the limit (PASS)`,
        parts: [{ part: 'Foam', verdict: 'PASS' }],
      });
      expect(failed.followUps.map((x: any) => x.id).sort()).toEqual([lab.id, declaration.id].sort());

      await f.resolveDeviation(deviation.id, TOKENS.skane);
      expect(await evaluate()).toMatchObject({
        verdict: 'PASS',
        explanation: `checked by SUPPLIER_DECLARATION on ${declaredOn} without an unresolved deviation; the results show nothing above the limit (PASS)`,
      });
    });

    it("a partial analysis does not turn a declaration's PASS into INCOMPLETE; a result above 0.1 % FAILs it", async () => {
      const partial = await arrange(belowLoqs(FLAME_RETARDANTS.slice(0, 2)), true);
      expect(await partial.evaluate()).toMatchObject({
        verdict: 'PASS',
        explanation: `checked by SUPPLIER_DECLARATION on ${partial.declaredOn} without an unresolved deviation; the results show nothing above the limit (INCOMPLETE)`,
      });

      const above = await arrange([measure.detected('115-96-8', 'Foam', 0.2, 'PERCENT_WW')], true);
      expect(await above.evaluate()).toMatchObject({
        verdict: 'FAIL',
        explanation: `measured above the limit, whatever is declared (checked by SUPPLIER_DECLARATION on ${above.declaredOn} without an unresolved deviation)`,
      });
    });

    it('without a declaration, results within the limit are INCOMPLETE: nothing shows the substances not added', async () => {
      const { evaluate } = await arrange(belowLoqs(), false);
      expect(await evaluate()).toMatchObject({
        verdict: 'INCOMPLETE',
        explanation:
          'measured PASS against the limit, but no document review, declaration or audit has checked it, so nothing shows the substances not added',
        parts: [{ part: 'Foam', verdict: 'PASS' }],
      });
    });
  });
});
