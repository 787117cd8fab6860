import {
  combineVerdicts,
  evaluateLimit,
  evaluateSubstance,
  evaluateSum,
  normalisePart,
  selectMostRecent,
  type LimitRule,
  type MeasurementFact,
  type SubstanceEvaluation,
  type SubstanceResult,
} from './evaluate.js';
import { measurementFact } from '../../test/factories/evaluation.js';
import type { Aggregation, Unit, Verdict } from '../vocabulary/vocabulary.js';

const PHTHALATES = ['DEHP', 'DBP', 'BBP', 'DIBP'];

const measurement = measurementFact;

/** A detected value. */
function found(
  substanceId: string,
  value: number | null,
  unit: Unit = 'MG_PER_KG',
  extra: Partial<MeasurementFact> = {},
): MeasurementFact {
  return measurement({ substanceId, detected: true, value, loq: null, unit, ...extra });
}

/** Not detected, below the limit of quantification. */
function belowLoq(
  substanceId: string,
  loq: number | null,
  unit: Unit = 'MG_PER_KG',
  extra: Partial<MeasurementFact> = {},
): MeasurementFact {
  return measurement({ substanceId, detected: false, value: null, loq, unit, ...extra });
}

function rule(value: number, unit: Unit, aggregation: Aggregation, substanceIds: string[]): LimitRule {
  return { value, unit, aggregation, substanceIds };
}

describe('normalisePart', () => {
  it.each([
    [' PVC Surface ', 'pvc surface'],
    ['pvc surface', 'pvc surface'],
    ['\tPVC SURFACE\n', 'pvc surface'],
    ['Fyllning', 'fyllning'],
  ])('%p is %p', (label, key) => {
    expect(normalisePart(label)).toBe(key);
  });
});

describe('evaluateSubstance', () => {
  type Row = [string, MeasurementFact, { value: number; unit: Unit }, SubstanceEvaluation];
  const measured = (
    verdict: Verdict,
    convertedValue: number | null,
    convertedLoq: number | null,
    withinUncertainty = false,
  ): SubstanceEvaluation => ({ status: 'MEASURED', verdict, convertedValue, convertedLoq, withinUncertainty });

  it.each<Row>([
    ['detected below the limit', found('DEHP', 999), { value: 1000, unit: 'MG_PER_KG' }, measured('PASS', 999, null)],
    [
      'detected exactly at the limit',
      found('DEHP', 1000),
      { value: 1000, unit: 'MG_PER_KG' },
      measured('PASS', 1000, null),
    ],
    [
      'detected just above the limit',
      found('DEHP', 1000.1),
      { value: 1000, unit: 'MG_PER_KG' },
      measured('FAIL', 1000.1, null),
    ],
    [
      '0.1 % against 1000 mg/kg',
      found('DEHP', 0.1, 'PERCENT_WW'),
      { value: 1000, unit: 'MG_PER_KG' },
      measured('PASS', 1000, null),
    ],
    [
      '0.07 % against 700 mg/kg',
      found('DEHP', 0.07, 'PERCENT_WW'),
      { value: 700, unit: 'MG_PER_KG' },
      measured('PASS', 700, null),
    ],
    [
      '0.07001 % against 700 mg/kg',
      found('DEHP', 0.07001, 'PERCENT_WW'),
      { value: 700, unit: 'MG_PER_KG' },
      measured('FAIL', 700.1, null),
    ],
    ['1000 mg/kg against 0.1 %', found('DEHP', 1000), { value: 0.1, unit: 'PERCENT_WW' }, measured('PASS', 0.1, null)],
    [
      '1001 mg/kg against 0.1 %',
      found('DEHP', 1001),
      { value: 0.1, unit: 'PERCENT_WW' },
      measured('FAIL', 0.1001, null),
    ],
    [
      '700 ppm against 0.07 %',
      found('DEHP', 700, 'PPM'),
      { value: 0.07, unit: 'PERCENT_WW' },
      measured('PASS', 0.07, null),
    ],
    [
      '1000 µg/g against 0.1 %',
      found('DEHP', 1000, 'UG_PER_G'),
      { value: 0.1, unit: 'PERCENT_WW' },
      measured('PASS', 0.1, null),
    ],
    [
      '0.5 µg/g against 0.5 mg/kg (PAH in toys)',
      found('BaP', 0.5, 'UG_PER_G'),
      { value: 0.5, unit: 'MG_PER_KG' },
      measured('PASS', 0.5, null),
    ],
    [
      '0.6 ppm against 0.5 mg/kg',
      found('BaP', 0.6, 'PPM'),
      { value: 0.5, unit: 'MG_PER_KG' },
      measured('FAIL', 0.6, null),
    ],
    [
      '300 µg/L against 0.3 mg/L (migration)',
      found('Ni', 300, 'UG_PER_L'),
      { value: 0.3, unit: 'MG_PER_L' },
      measured('PASS', 0.3, null),
    ],
    [
      '0.5 µg/cm²/week against the same unit',
      found('Ni', 0.5, 'UG_PER_CM2_WEEK'),
      { value: 0.5, unit: 'UG_PER_CM2_WEEK' },
      measured('PASS', 0.5, null),
    ],
    ['LOQ below the limit', belowLoq('DEHP', 10), { value: 1000, unit: 'MG_PER_KG' }, measured('PASS', null, 10)],
    ['LOQ equal to the limit', belowLoq('BaP', 0.5), { value: 0.5, unit: 'MG_PER_KG' }, measured('PASS', null, 0.5)],
    [
      'LOQ 0.001 % equal to 10 mg/kg',
      belowLoq('DEHP', 0.001, 'PERCENT_WW'),
      { value: 10, unit: 'MG_PER_KG' },
      measured('PASS', null, 10),
    ],
    ['LOQ above the limit', belowLoq('BaP', 1), { value: 0.5, unit: 'MG_PER_KG' }, measured('INCONCLUSIVE', null, 1)],
    [
      'LOQ 0.002 % above 10 mg/kg',
      belowLoq('DEHP', 0.002, 'PERCENT_WW'),
      { value: 10, unit: 'MG_PER_KG' },
      measured('INCONCLUSIVE', null, 20),
    ],
    [
      'detected without a value',
      found('DEHP', null),
      { value: 1000, unit: 'MG_PER_KG' },
      measured('INCONCLUSIVE', null, null),
    ],
    [
      'not detected without an LOQ',
      belowLoq('DEHP', null),
      { value: 1000, unit: 'MG_PER_KG' },
      measured('INCONCLUSIVE', null, null),
    ],
    [
      'mg/L against % w/w',
      found('DEHP', 0.01, 'MG_PER_L'),
      { value: 0.1, unit: 'PERCENT_WW' },
      { status: 'NOT_COMPARABLE', verdict: null, convertedValue: null, convertedLoq: null, withinUncertainty: false },
    ],
    [
      'µg/m³ against mg/kg',
      belowLoq('HCHO', 5, 'UG_PER_M3'),
      { value: 20, unit: 'MG_PER_KG' },
      { status: 'NOT_COMPARABLE', verdict: null, convertedValue: null, convertedLoq: null, withinUncertainty: false },
    ],
  ])('%s', (_case, m, limit, expected) => {
    expect(evaluateSubstance(m, limit)).toEqual(expected);
  });

  describe('withinUncertainty: |v − L| ≤ U flags, never changes the verdict', () => {
    it.each<[string, MeasurementFact, { value: number; unit: Unit }, Verdict, boolean]>([
      [
        'above by exactly U',
        found('X', 1.1, 'MG_PER_KG', { uncertainty: 0.1 }),
        { value: 1, unit: 'MG_PER_KG' },
        'FAIL',
        true,
      ],
      [
        'below by exactly U',
        found('X', 0.9, 'MG_PER_KG', { uncertainty: 0.1 }),
        { value: 1, unit: 'MG_PER_KG' },
        'PASS',
        true,
      ],
      ['at the limit', found('X', 1, 'MG_PER_KG', { uncertainty: 0.1 }), { value: 1, unit: 'MG_PER_KG' }, 'PASS', true],
      [
        'above by more than U',
        found('X', 1.2, 'MG_PER_KG', { uncertainty: 0.1 }),
        { value: 1, unit: 'MG_PER_KG' },
        'FAIL',
        false,
      ],
      [
        'below by more than U',
        found('X', 0.8, 'MG_PER_KG', { uncertainty: 0.1 }),
        { value: 1, unit: 'MG_PER_KG' },
        'PASS',
        false,
      ],
      [
        'U in % against a limit in mg/kg',
        found('X', 0.11, 'PERCENT_WW', { uncertainty: 0.01 }),
        { value: 1000, unit: 'MG_PER_KG' },
        'FAIL',
        true,
      ],
      [
        'U in mg/kg against a limit in %',
        found('X', 900, 'MG_PER_KG', { uncertainty: 99 }),
        { value: 0.1, unit: 'PERCENT_WW' },
        'PASS',
        false,
      ],
      ['no uncertainty given', found('X', 1, 'MG_PER_KG'), { value: 1, unit: 'MG_PER_KG' }, 'PASS', false],
      [
        'not detected (flag is for values only)',
        belowLoq('X', 1, 'MG_PER_KG', { uncertainty: 0.5 }),
        { value: 1, unit: 'MG_PER_KG' },
        'PASS',
        false,
      ],
    ])('%s', (_case, m, limit, verdict, within) => {
      const result = evaluateSubstance(m, limit);
      expect(result.verdict).toBe(verdict);
      expect(result.withinUncertainty).toBe(within);
    });
  });
});

describe('selectMostRecent', () => {
  const key = (part: string, substanceId: string) => `${part}\u0000${substanceId}`;

  it.each<[string, MeasurementFact[], string]>([
    [
      'a later performedOn wins',
      [
        found('DEHP', 1, 'MG_PER_KG', {
          measurementId: 'old',
          performedOn: '2023-05-01',
          recordedAt: '2024-06-01T00:00:00Z',
        }),
        found('DEHP', 2, 'MG_PER_KG', {
          measurementId: 'new',
          performedOn: '2024-05-01',
          recordedAt: '2024-05-02T00:00:00Z',
        }),
      ],
      'new',
    ],
    [
      'same day: the later recordedAt wins',
      [
        found('DEHP', 1, 'MG_PER_KG', { measurementId: 'later', recordedAt: '2024-03-05T08:00:00Z' }),
        found('DEHP', 2, 'MG_PER_KG', { measurementId: 'earlier', recordedAt: '2024-03-04T08:00:00Z' }),
      ],
      'later',
    ],
    [
      'recordedAt compares instants, not strings',
      [
        found('DEHP', 1, 'MG_PER_KG', { measurementId: 'utc-0900', recordedAt: '2024-03-04T09:00:00Z' }),
        found('DEHP', 2, 'MG_PER_KG', { measurementId: 'utc-0800', recordedAt: '2024-03-04T10:00:00+02:00' }),
      ],
      'utc-0900',
    ],
    [
      'full tie: the greater measurementId wins, whatever the input order',
      [found('DEHP', 1, 'MG_PER_KG', { measurementId: 'b' }), found('DEHP', 2, 'MG_PER_KG', { measurementId: 'a' })],
      'b',
    ],
  ])('%s', (_case, measurements, winner) => {
    for (const input of [measurements, [...measurements].reverse()]) {
      expect(selectMostRecent(input).get(key('pvc surface', 'DEHP'))?.measurementId).toBe(winner);
    }
  });

  it('keys by normalised part and substance', () => {
    const selected = selectMostRecent([
      found('DEHP', 1, 'MG_PER_KG', { part: ' PVC Surface ', performedOn: '2024-01-01' }),
      found('DEHP', 2, 'MG_PER_KG', { part: 'pvc surface', performedOn: '2023-01-01' }),
      found('DBP', 3, 'MG_PER_KG', { part: 'PVC surface' }),
      found('DEHP', 4, 'MG_PER_KG', { part: 'Textile' }),
    ]);
    expect([...selected.keys()].sort()).toEqual([
      key('pvc surface', 'DBP'),
      key('pvc surface', 'DEHP'),
      key('textile', 'DEHP'),
    ]);
    expect(selected.get(key('pvc surface', 'DEHP'))?.value).toBe(1);
  });
});

describe('evaluateSum', () => {
  const result = (overrides: Partial<SubstanceResult>): SubstanceResult => ({
    substanceId: 'X',
    status: 'MEASURED',
    verdict: null,
    measurement: found('X', 1),
    convertedValue: null,
    convertedLoq: null,
    withinUncertainty: false,
    ...overrides,
  });
  const detectedTerm = (v: number | null) => result({ measurement: found('X', v), convertedValue: v });
  const loqTerm = (q: number | null) => result({ measurement: belowLoq('X', q), convertedLoq: q });
  const missing = result({ status: 'NOT_MEASURED', measurement: null });
  const incomparable = result({ status: 'NOT_COMPARABLE', measurement: found('X', 1, 'MG_PER_L') });

  it.each<[string, SubstanceResult[], number, Verdict, number, number | null]>([
    ['upper below the limit', [detectedTerm(800), loqTerm(10), loqTerm(10), loqTerm(10)], 1000, 'PASS', 800, 830],
    ['upper exactly at the limit', [detectedTerm(970), loqTerm(10), loqTerm(10), loqTerm(10)], 1000, 'PASS', 970, 1000],
    ['all detected, exactly at the limit', [detectedTerm(0.03), detectedTerm(0.07)], 0.1, 'PASS', 0.1, 0.1],
    [
      'lower below, upper above the limit',
      [detectedTerm(980), loqTerm(10), loqTerm(10), loqTerm(10)],
      1000,
      'INCONCLUSIVE',
      980,
      1010,
    ],
    ['nothing detected, LOQs above the limit', [loqTerm(10), loqTerm(10)], 15, 'INCONCLUSIVE', 0, 20],
    ['lower above the limit', [detectedTerm(800), loqTerm(10)], 100, 'FAIL', 800, 810],
    ['detected values sum above the limit', [detectedTerm(0.06), detectedTerm(0.05)], 0.1, 'FAIL', 0.11, 0.11],
    ['one not measured', [detectedTerm(800), loqTerm(10), missing], 1000, 'INCOMPLETE', 800, 810],
    ['one not comparable', [detectedTerm(800), incomparable], 1000, 'INCOMPLETE', 800, 800],
    ['not measured, lower exactly at the limit', [detectedTerm(1000), missing], 1000, 'INCOMPLETE', 1000, 1000],
    ['not measured, but lower already above', [detectedTerm(1200), missing, missing], 1000, 'FAIL', 1200, 1200],
    ['not comparable, but lower already above', [detectedTerm(1200), incomparable], 1000, 'FAIL', 1200, 1200],
    ['nothing measured', [missing, missing], 1000, 'INCOMPLETE', 0, 0],
    ['an LOQ is missing: upper unknown', [detectedTerm(10), loqTerm(null)], 1000, 'INCONCLUSIVE', 10, null],
    ['a value is missing: upper unknown', [detectedTerm(null), loqTerm(10)], 1000, 'INCONCLUSIVE', 0, null],
    ['a value is missing, lower already above', [detectedTerm(null), detectedTerm(1001)], 1000, 'FAIL', 1001, null],
  ])('%s', (_case, terms, limit, verdict, lowerBound, upperBound) => {
    expect(evaluateSum(terms, limit)).toEqual({ verdict, lowerBound, upperBound });
  });
});

describe('combineVerdicts (FAIL > INCONCLUSIVE > NO_DATA > INCOMPLETE > PASS)', () => {
  it.each<[Verdict[], boolean, Verdict]>([
    [['PASS', 'INCOMPLETE', 'INCONCLUSIVE', 'FAIL'], true, 'FAIL'],
    [['FAIL'], true, 'FAIL'],
    [['PASS', 'INCOMPLETE', 'INCONCLUSIVE'], true, 'INCONCLUSIVE'],
    [['INCOMPLETE'], false, 'NO_DATA'],
    [[], false, 'NO_DATA'],
    [['PASS', 'INCOMPLETE'], true, 'INCOMPLETE'],
    [['INCOMPLETE'], true, 'INCOMPLETE'],
    [['PASS', 'PASS'], true, 'PASS'],
  ])('%p, something measured: %p → %s', (verdicts, measuredAny, expected) => {
    expect(combineVerdicts(verdicts, measuredAny)).toBe(expected);
  });
});

describe('evaluateLimit', () => {
  describe('the phthalates story: Skåne measured a PVC surface, two contracts read it', () => {
    const skane = [
      found('DEHP', 800, 'MG_PER_KG', { part: 'PVC surface' }),
      belowLoq('DBP', 10, 'MG_PER_KG', { part: 'PVC surface' }),
      belowLoq('BBP', 10, 'MG_PER_KG', { part: 'PVC surface' }),
      belowLoq('DIBP', 10, 'MG_PER_KG', { part: 'PVC surface' }),
    ];

    it.each<[string, LimitRule, Verdict, number, number]>([
      [
        "Skåne's 0.1 % w/w (= 1000 mg/kg): upper 830 ≤ 1000",
        rule(0.1, 'PERCENT_WW', 'SUM', PHTHALATES),
        'PASS',
        0.08,
        0.083,
      ],
      ["Skåne's limit written in mg/kg", rule(1000, 'MG_PER_KG', 'SUM', PHTHALATES), 'PASS', 800, 830],
      ["Stockholm's 100 mg/kg: lower 800 > 100", rule(100, 'MG_PER_KG', 'SUM', PHTHALATES), 'FAIL', 800, 830],
      [
        'a limit of 820 mg/kg: lower ≤ 820 < upper',
        rule(820, 'MG_PER_KG', 'SUM', PHTHALATES),
        'INCONCLUSIVE',
        800,
        830,
      ],
    ])('%s → %s', (_case, limit, verdict, lowerBound, upperBound) => {
      const sut = evaluateLimit(limit, skane);
      expect(sut.verdict).toBe(verdict);
      expect(sut.parts).toHaveLength(1);
      expect(sut.parts[0]).toMatchObject({
        part: 'PVC surface',
        partKey: 'pvc surface',
        verdict,
        lowerBound,
        upperBound,
      });
      expect(sut.parts[0].substances.map((s) => [s.substanceId, s.status, s.verdict])).toEqual(
        PHTHALATES.map((id) => [id, 'MEASURED', null]),
      );
      expect(sut.followUpIds).toEqual(['fu-skane']);
      expect(sut.notComparable).toEqual([]);
      expect(sut.limit).toEqual({ value: limit.value, unit: limit.unit, aggregation: 'SUM' });
    });
  });

  describe('EACH', () => {
    const each = rule(0.1, 'PERCENT_WW', 'EACH', ['DEHP', 'DBP']);

    it.each<[string, MeasurementFact[], Verdict, Verdict[]]>([
      [
        'both at or below the limit in mixed units',
        [found('DEHP', 1000), found('DBP', 0.1, 'PERCENT_WW')],
        'PASS',
        ['PASS'],
      ],
      ['ppm and µg/g at the limit', [found('DEHP', 1000, 'PPM'), found('DBP', 1000, 'UG_PER_G')], 'PASS', ['PASS']],
      ['one just above the limit', [found('DEHP', 1000.01), found('DBP', 10)], 'FAIL', ['FAIL']],
      [
        'one LOQ above the limit',
        [belowLoq('DEHP', 0.2, 'PERCENT_WW'), found('DBP', 10)],
        'INCONCLUSIVE',
        ['INCONCLUSIVE'],
      ],
      ['FAIL outranks INCONCLUSIVE in a part', [belowLoq('DEHP', 2000), found('DBP', 2000)], 'FAIL', ['FAIL']],
      ['one LOQ equal to the limit', [belowLoq('DEHP', 1000), found('DBP', 10)], 'PASS', ['PASS']],
      ['one substance not measured', [found('DEHP', 10)], 'INCOMPLETE', ['INCOMPLETE']],
      ['INCONCLUSIVE outranks a missing substance', [belowLoq('DEHP', 2000)], 'INCONCLUSIVE', ['INCONCLUSIVE']],
      [
        'one in an incomparable unit',
        [found('DEHP', 10), found('DBP', 0.01, 'MG_PER_L')],
        'INCOMPLETE',
        ['INCOMPLETE'],
      ],
      [
        'a substance measured in no part at all',
        [found('DEHP', 10, 'MG_PER_KG', { part: 'Surface' }), found('DEHP', 10, 'MG_PER_KG', { part: 'Core' })],
        'INCOMPLETE',
        ['INCOMPLETE', 'INCOMPLETE'],
      ],
      [
        'each part judged on its own: FAIL in one part fails the requirement',
        [
          found('DEHP', 10, 'MG_PER_KG', { part: 'Surface' }),
          found('DBP', 10, 'MG_PER_KG', { part: 'Surface' }),
          found('DEHP', 5000, 'MG_PER_KG', { part: 'Core' }),
          found('DBP', 10, 'MG_PER_KG', { part: 'Core' }),
        ],
        'FAIL',
        ['FAIL', 'PASS'],
      ],
      [
        'INCONCLUSIVE in one part outranks INCOMPLETE in another',
        [
          belowLoq('DEHP', 5000, 'MG_PER_KG', { part: 'Surface' }),
          found('DBP', 10, 'MG_PER_KG', { part: 'Surface' }),
          found('DEHP', 10, 'MG_PER_KG', { part: 'Core' }),
        ],
        'INCONCLUSIVE',
        ['INCOMPLETE', 'INCONCLUSIVE'],
      ],
      [
        'INCOMPLETE in one part outranks PASS in another',
        [
          found('DEHP', 10, 'MG_PER_KG', { part: 'Surface' }),
          found('DBP', 10, 'MG_PER_KG', { part: 'Surface' }),
          found('DEHP', 10, 'MG_PER_KG', { part: 'Core' }),
        ],
        'INCOMPLETE',
        ['INCOMPLETE', 'PASS'],
      ],
      ['nothing measured', [], 'NO_DATA', []],
      ['only substances outside the requirement', [found('BBP', 5000), found('Pb', 1)], 'NO_DATA', []],
      [
        'only incomparable measurements',
        [found('DEHP', 1, 'MG_PER_L'), found('DBP', 1, 'UG_PER_CM2_WEEK')],
        'NO_DATA',
        ['INCOMPLETE'],
      ],
    ])('%s → %s', (_case, measurements, verdict, partVerdicts) => {
      const sut = evaluateLimit(each, measurements);
      expect(sut.verdict).toBe(verdict);
      expect(sut.parts.map((p) => p.verdict)).toEqual(partVerdicts);
    });

    it('reports every substance in scope per part, in the order of the rule, with converted values', () => {
      const sut = evaluateLimit(each, [found('DBP', 1200, 'MG_PER_KG', { uncertainty: 250 }), found('Pb', 1)]);
      expect(sut.parts).toHaveLength(1);
      expect(sut.parts[0].lowerBound).toBeNull();
      expect(sut.parts[0].upperBound).toBeNull();
      expect(sut.parts[0].substances).toEqual([
        {
          substanceId: 'DEHP',
          status: 'NOT_MEASURED',
          verdict: null,
          measurement: null,
          convertedValue: null,
          convertedLoq: null,
          withinUncertainty: false,
        },
        expect.objectContaining({
          substanceId: 'DBP',
          status: 'MEASURED',
          verdict: 'FAIL',
          convertedValue: 0.12,
          convertedLoq: null,
          withinUncertainty: true,
        }),
      ]);
    });
  });

  describe('SUM', () => {
    const sum = rule(0.1, 'PERCENT_WW', 'SUM', PHTHALATES);

    it.each<[string, MeasurementFact[], Verdict, number, number]>([
      [
        '0.03 % + 0.07 % exactly at 0.1 %',
        [
          found('DEHP', 0.03, 'PERCENT_WW'),
          found('DBP', 0.07, 'PERCENT_WW'),
          found('BBP', 0, 'PERCENT_WW'),
          found('DIBP', 0, 'PPM'),
        ],
        'PASS',
        0.1,
        0.1,
      ],
      [
        '300 mg/kg + 0.07 % exactly at 0.1 %',
        [found('DEHP', 300), found('DBP', 0.07, 'PERCENT_WW'), found('BBP', 0), found('DIBP', 0)],
        'PASS',
        0.1,
        0.1,
      ],
      [
        '0.03 % + 701 mg/kg just above 0.1 %',
        [found('DEHP', 0.03, 'PERCENT_WW'), found('DBP', 701), found('BBP', 0), found('DIBP', 0)],
        'FAIL',
        0.1001,
        0.1001,
      ],
      [
        'three below LOQ push upper above the limit',
        [
          found('DEHP', 980),
          belowLoq('DBP', 10, 'PPM'),
          belowLoq('BBP', 10, 'UG_PER_G'),
          belowLoq('DIBP', 0.001, 'PERCENT_WW'),
        ],
        'INCONCLUSIVE',
        0.098,
        0.101,
      ],
      [
        'one missing: INCOMPLETE',
        [found('DEHP', 800), belowLoq('DBP', 10), belowLoq('BBP', 10)],
        'INCOMPLETE',
        0.08,
        0.082,
      ],
      ['one missing, detected sum already above', [found('DEHP', 800), found('DBP', 300)], 'FAIL', 0.11, 0.11],
    ])('%s → %s', (_case, measurements, verdict, lowerBound, upperBound) => {
      const sut = evaluateLimit(sum, measurements);
      expect(sut.verdict).toBe(verdict);
      expect(sut.parts[0]).toMatchObject({ verdict, lowerBound, upperBound });
    });

    it('sums per part, never across parts', () => {
      const sut = evaluateLimit(rule(1000, 'MG_PER_KG', 'SUM', ['DEHP', 'DBP']), [
        found('DEHP', 600, 'MG_PER_KG', { part: 'Surface' }),
        found('DBP', 300, 'MG_PER_KG', { part: 'Surface' }),
        found('DEHP', 600, 'MG_PER_KG', { part: 'Core' }),
        found('DBP', 300, 'MG_PER_KG', { part: 'Core' }),
      ]);
      expect(sut.verdict).toBe('PASS');
      expect(sut.parts.map((p) => [p.partKey, p.verdict, p.lowerBound])).toEqual([
        ['core', 'PASS', 900],
        ['surface', 'PASS', 900],
      ]);
    });

    it('gives individual substances no verdict and no uncertainty flag', () => {
      const sut = evaluateLimit(rule(1000, 'MG_PER_KG', 'SUM', ['DEHP']), [
        found('DEHP', 1000, 'MG_PER_KG', { uncertainty: 100 }),
      ]);
      expect(sut.parts[0].substances[0]).toMatchObject({
        status: 'MEASURED',
        verdict: null,
        convertedValue: 1000,
        withinUncertainty: false,
      });
    });
  });

  describe('incomparable units', () => {
    const limit = rule(0.1, 'PERCENT_WW', 'SUM', ['DEHP', 'DBP']);
    const migration = found('DBP', 0.01, 'MG_PER_L', { followUpId: 'fu-migration' });

    it('mg/L against % w/w is NOT_COMPARABLE, listed, and counts as not measured', () => {
      const sut = evaluateLimit(limit, [found('DEHP', 10), migration]);
      expect(sut.verdict).toBe('INCOMPLETE');
      expect(sut.notComparable).toEqual([migration]);
      expect(sut.parts[0].substances[1]).toMatchObject({
        substanceId: 'DBP',
        status: 'NOT_COMPARABLE',
        verdict: null,
        measurement: migration,
      });
      expect(sut.followUpIds).toEqual(['fu-skane']);
    });

    it('the most recent measurement is chosen before comparability is checked', () => {
      const older = found('DBP', 10, 'MG_PER_KG', { performedOn: '2022-01-01' });
      const sut = evaluateLimit(limit, [found('DEHP', 10), older, { ...migration, performedOn: '2024-06-01' }]);
      expect(sut.parts[0].substances[1].status).toBe('NOT_COMPARABLE');
      expect(sut.verdict).toBe('INCOMPLETE');
    });

    it('only incomparable measurements give NO_DATA, and are all listed', () => {
      const sut = evaluateLimit(limit, [migration, found('DEHP', 1, 'UG_PER_CM2_WEEK')]);
      expect(sut.verdict).toBe('NO_DATA');
      expect(sut.notComparable).toHaveLength(2);
      expect(sut.followUpIds).toEqual([]);
    });
  });

  describe('the most recent measurement counts', () => {
    const limit = rule(1000, 'MG_PER_KG', 'EACH', ['DEHP']);

    it.each<[string, MeasurementFact[], Verdict, string]>([
      [
        'an older FAIL is overridden by a newer PASS',
        [
          found('DEHP', 5000, 'MG_PER_KG', { followUpId: 'fu-2021', performedOn: '2021-09-01' }),
          found('DEHP', 500, 'MG_PER_KG', { followUpId: 'fu-2024', performedOn: '2024-02-01' }),
        ],
        'PASS',
        'fu-2024',
      ],
      [
        'an older PASS is overridden by a newer FAIL',
        [
          found('DEHP', 5000, 'MG_PER_KG', { followUpId: 'fu-2024', performedOn: '2024-02-01' }),
          found('DEHP', 500, 'MG_PER_KG', { followUpId: 'fu-2021', performedOn: '2021-09-01' }),
        ],
        'FAIL',
        'fu-2024',
      ],
      [
        'same day: the one recorded later wins',
        [
          found('DEHP', 500, 'MG_PER_KG', { followUpId: 'fu-late', recordedAt: '2024-03-04T16:00:00Z' }),
          found('DEHP', 5000, 'MG_PER_KG', { followUpId: 'fu-early', recordedAt: '2024-03-04T08:00:00Z' }),
        ],
        'PASS',
        'fu-late',
      ],
    ])('%s', (_case, measurements, verdict, followUpId) => {
      const sut = evaluateLimit(limit, measurements);
      expect(sut.verdict).toBe(verdict);
      expect(sut.followUpIds).toEqual([followUpId]);
      expect(sut.parts[0].substances[0].measurement?.followUpId).toBe(followUpId);
    });
  });

  describe('parts', () => {
    it('match by label ignoring case and surrounding spaces; the label comes from the most recent', () => {
      const sut = evaluateLimit(rule(1000, 'MG_PER_KG', 'EACH', ['DEHP', 'DBP']), [
        found('DEHP', 10, 'MG_PER_KG', { part: ' PVC Surface ', followUpId: 'fu-a', performedOn: '2024-05-01' }),
        found('DBP', 10, 'MG_PER_KG', { part: 'pvc surface', followUpId: 'fu-b', performedOn: '2023-05-01' }),
      ]);
      expect(sut.verdict).toBe('PASS');
      expect(sut.parts).toHaveLength(1);
      expect(sut.parts[0]).toMatchObject({ part: 'PVC Surface', partKey: 'pvc surface' });
      expect(sut.followUpIds).toEqual(['fu-a', 'fu-b']);
    });

    it('are sorted by key and listed once per distinct key', () => {
      const sut = evaluateLimit(rule(1000, 'MG_PER_KG', 'EACH', ['DEHP']), [
        found('DEHP', 10, 'MG_PER_KG', { part: 'Zipper' }),
        found('DEHP', 10, 'MG_PER_KG', { part: 'filling' }),
        found('DEHP', 10, 'MG_PER_KG', { part: 'Filling ', followUpId: 'fu-other' }),
      ]);
      expect(sut.parts.map((p) => p.partKey)).toEqual(['filling', 'zipper']);
    });
  });

  it('ignores duplicate substances in the rule', () => {
    const sut = evaluateLimit(rule(1000, 'MG_PER_KG', 'EACH', ['DEHP', 'DEHP']), [found('DEHP', 10)]);
    expect(sut.parts[0].substances).toHaveLength(1);
    expect(sut.verdict).toBe('PASS');
  });

  it.each([0, -1, Number.NaN])('rejects a limit value of %p', (value) => {
    expect(() => evaluateLimit(rule(value, 'MG_PER_KG', 'EACH', ['DEHP']), [])).toThrow(RangeError);
  });
});
