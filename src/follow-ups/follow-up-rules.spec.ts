import {
  dateProblem,
  describeProblem,
  measurementProblems,
  repeatedMeasurements,
  type MeasurementValues,
  type RequirementScope,
} from './follow-up-rules.js';

/** The write rules shared by recordFollowUp, updateFollowUp, importFollowUps and the generator. */
describe('measurementProblems', () => {
  const PHT: RequirementScope = { code: 'K-PHT-01', unit: 'PERCENT_WW', substanceIds: new Set(['dehp', 'dbp']) };
  const NI: RequirementScope = { code: 'K-NI-01', unit: 'UG_PER_CM2_WEEK', substanceIds: new Set(['ni']) };
  const detected = (o: Partial<MeasurementValues> = {}): MeasurementValues => ({
    part: 'PVC',
    detected: true,
    value: 12,
    unit: 'MG_PER_KG',
    ...o,
  });
  const notDetected = (o: Partial<MeasurementValues> = {}): MeasurementValues => ({
    part: 'PVC',
    detected: false,
    loq: 5,
    unit: 'MG_PER_KG',
    ...o,
  });

  it.each<[string, MeasurementValues, string | null, RequirementScope[], Array<[string, string]>]>([
    ['a detected value', detected(), 'dehp', [PHT], []],
    ['a non-detect with its LOQ', notDetected(), 'dehp', [PHT], []],
    ['a detected zero', detected({ value: 0 }), 'dehp', [PHT], []],
    ['an unknown substance', detected(), null, [PHT], [['substanceCas', '"1-11-1": no substance has this CAS number']]],
    ['a blank part', detected({ part: '  ' }), 'dehp', [], [['part', 'must not be blank']]],
    ['detected without a value', detected({ value: null }), 'dehp', [], [['value', 'a detected result needs a value']]],
    ['detected with a negative value', detected({ value: -1 }), 'dehp', [], [['value', 'must not be negative']]],
    [
      'detected with an LOQ',
      detected({ loq: 5 }),
      'dehp',
      [],
      [['loq', 'an LOQ is given only for a result that was not detected (detected: false)']],
    ],
    [
      'not detected without an LOQ',
      notDetected({ loq: null }),
      'dehp',
      [],
      [['loq', 'a result not detected needs the limit of quantification (loq)']],
    ],
    ['not detected with a zero LOQ', notDetected({ loq: 0 }), 'dehp', [], [['loq', 'must be positive']]],
    [
      'not detected with a value and an uncertainty',
      notDetected({ value: 3, uncertainty: 1 }),
      'dehp',
      [],
      [
        ['value', 'a result not detected has no value; give its loq instead'],
        ['uncertainty', 'only a detected value has an uncertainty'],
      ],
    ],
    [
      'a migration unit for a mass-fraction limit',
      detected({ unit: 'MG_PER_L' }),
      'dehp',
      [PHT],
      [['unit', 'MG_PER_L (mg/L) does not fit requirement K-PHT-01, whose limit is in % w/w']],
    ],
    ['a mass fraction in ppm for a % limit (comparable)', detected({ unit: 'PPM' }), 'dehp', [PHT], []],
    [
      'a unit check only for requirements with the substance in scope',
      detected({ unit: 'MG_PER_L' }),
      'dehp',
      [NI],
      [],
    ],
    [
      'every problem at once',
      { part: '', detected: false, value: 1, unit: 'MG_PER_L' },
      'dbp',
      [PHT, NI],
      [
        ['part', 'must not be blank'],
        ['loq', 'a result not detected needs the limit of quantification (loq)'],
        ['value', 'a result not detected has no value; give its loq instead'],
        ['unit', 'MG_PER_L (mg/L) does not fit requirement K-PHT-01, whose limit is in % w/w'],
      ],
    ],
  ])('%s', (_name, m, substanceId, scopes, expected) => {
    expect(measurementProblems(m, '1-11-1', substanceId, scopes).map((p) => [p.field, p.reason])).toEqual(expected);
  });

  it('formats problems as recordFollowUp reports them', () => {
    expect(describeProblem('measurements[2]', { field: 'loq', reason: 'must be positive' })).toBe(
      'measurements[2].loq: must be positive',
    );
    expect(
      describeProblem('measurements[0]', {
        field: 'substanceCas',
        reason: '"1-11-1": no substance has this CAS number',
      }),
    ).toBe('measurements[0].substanceCas "1-11-1": no substance has this CAS number');
  });
});

describe('dateProblem', () => {
  const today = '2026-06-15';
  it.each<[string, Parameters<typeof dateProblem>, [string, string] | null]>([
    ['a completed follow-up with its date', ['COMPLETED', '2026-06-01', null, today], null],
    ['a planned follow-up in the future', ['PLANNED', '2026-09-01', null, today], null],
    ['a planned follow-up without a date', ['PLANNED', null, null, today], null],
    [
      'a completed follow-up without a date',
      ['COMPLETED', null, null, today],
      ['performedOn', 'a COMPLETED follow-up needs the date it was performed'],
    ],
    [
      'a closed follow-up without a date',
      ['CLOSED', null, null, today],
      ['performedOn', 'a CLOSED follow-up needs the date it was performed'],
    ],
    [
      'an analysis in progress dated tomorrow',
      ['IN_PROGRESS', '2026-06-16', null, today],
      ['performedOn', '"2026-06-16": cannot be in the future unless the follow-up is PLANNED'],
    ],
    [
      'valid until before performed',
      ['COMPLETED', '2026-06-01', '2026-05-31', today],
      ['validUntil', '"2026-05-31": must not be before performedOn "2026-06-01"'],
    ],
  ])('%s', (_name, args, expected) => {
    const problem = dateProblem(...args);
    expect(problem ? [problem.field, problem.reason] : null).toEqual(expected);
  });
});

describe('repeatedMeasurements', () => {
  const m = (substanceId: string | null, part: string) => ({ substanceId, part });
  it.each<[string, Array<{ substanceId: string | null; part: string }>, Array<{ index: number; first: number }>]>([
    ['distinct substances in one part', [m('a', 'PVC'), m('b', 'PVC')], []],
    ['one substance in two parts', [m('a', 'PVC'), m('a', 'Foam')], []],
    ['one substance twice in one part', [m('a', 'PVC'), m('b', 'PVC'), m('a', 'PVC')], [{ index: 2, first: 0 }]],
    [
      'parts match ignoring case and surrounding spaces',
      [m('a', 'PVC surface'), m('a', ' pvc SURFACE ')],
      [{ index: 1, first: 0 }],
    ],
    [
      'three times: each repeat names the first',
      [m('a', 'x'), m('a', 'x'), m('a', 'X')],
      [
        { index: 1, first: 0 },
        { index: 2, first: 0 },
      ],
    ],
    ['unknown substances are left to measurementProblems', [m(null, 'x'), m(null, 'x')], []],
  ])('%s', (_name, input, expected) => {
    expect(repeatedMeasurements(input)).toEqual(expected);
  });
});
