import type { Method } from '../vocabulary/vocabulary.js';
import { measurementFact } from '../../test/factories/evaluation.js';
import type { MeasurementFact } from './evaluate.js';
import type { ContractRule } from './product-verdict.js';
import {
  decideReuse,
  defaultValidUntil,
  isValidOn,
  reuseOutcome,
  type RequirementOutcome,
  type ReuseCandidate,
} from './reuse.js';

const STOCKHOLM = 'org-stockholm';
const TODAY = '2025-06-01';

function candidate(overrides: Partial<ReuseCandidate> = {}): ReuseCandidate {
  return {
    followUpId: 'fu-skane',
    organisationId: 'org-skane',
    status: 'COMPLETED',
    retracted: false,
    visibility: 'SHARED',
    method: 'LAB_ANALYSIS',
    supplierLevel: false,
    validUntil: '2027-05-01',
    ...overrides,
  };
}

function limitOutcome(code: string, verdict: RequirementOutcome['verdict'], addressed = true): RequirementOutcome {
  return { requirementId: `req-${code}`, requirementCode: code, kind: 'LIMIT', addressed, verdict };
}

function documentOutcome(code: string, kind: 'NOT_ADDED' | 'DOCUMENTATION', addressed = true): RequirementOutcome {
  return { requirementId: `req-${code}`, requirementCode: code, kind, addressed, verdict: null };
}

describe('isValidOn', () => {
  it.each([
    ['2027-05-01', '2027-04-30', true],
    ['2027-05-01', '2027-05-01', true],
    ['2027-05-01', '2027-05-02', false],
    ['2023-12-31', '2024-01-01', false],
  ])('valid until %s, on %s: %p', (validUntil, day, expected) => {
    expect(isValidOn(validUntil, day)).toBe(expected);
  });

  it.each([
    ['2027-5-1', '2027-05-01'],
    ['2027-05-01', '01/05/2027'],
  ])('rejects a date not written YYYY-MM-DD (%s, %s)', (validUntil, day) => {
    expect(() => isValidOn(validUntil, day)).toThrow(RangeError);
  });
});

describe('defaultValidUntil', () => {
  it.each<[string, number | undefined, string]>([
    ['2024-05-01', undefined, '2027-05-01'],
    ['2024-12-31', undefined, '2027-12-31'],
    ['2024-02-29', undefined, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-02-28', undefined, '2026-02-28'],
    ['2024-01-09', 1, '2025-01-09'],
    ['9998-06-01', undefined, '9999-12-31'],
  ])('performed %s, %p years → %s', (performedOn, years, expected) => {
    expect(years === undefined ? defaultValidUntil(performedOn) : defaultValidUntil(performedOn, years)).toBe(expected);
  });
});

describe('decideReuse', () => {
  describe('reusable', () => {
    it.each<[string, ReuseCandidate, RequirementOutcome[], string]>([
      [
        'a PASS against my limit',
        candidate(),
        [limitOutcome('K-PHT-01', 'PASS')],
        'completed, shared and valid until 2027-05-01; decides K-PHT-01 (PASS against your limit)',
      ],
      [
        'a FAIL is as reusable as a PASS',
        candidate(),
        [limitOutcome('K-PHT-01', 'FAIL')],
        'completed, shared and valid until 2027-05-01; decides K-PHT-01 (FAIL against your limit)',
      ],
      [
        'a closed follow-up, valid until today',
        candidate({ status: 'CLOSED', validUntil: TODAY }),
        [limitOutcome('K-PHT-01', 'PASS')],
        'closed, shared and valid until 2025-06-01; decides K-PHT-01 (PASS against your limit)',
      ],
      [
        'a document review decides a DOCUMENTATION requirement; unaddressed ones do not count',
        candidate({ method: 'DOCUMENT_REVIEW' }),
        [documentOutcome('K-SDS-01', 'DOCUMENTATION'), limitOutcome('K-PAH-01', 'NO_DATA', false)],
        'completed, shared and valid until 2027-05-01; decides K-SDS-01 (DOCUMENTATION checked by DOCUMENT_REVIEW)',
      ],
    ])('%s', (_case, c, outcomes, reason) => {
      const sut = decideReuse(c, STOCKHOLM, TODAY, outcomes);
      expect(sut.reusable).toBe(true);
      expect(sut.reasons).toEqual([reason]);
      expect(sut.decided).toEqual(
        outcomes
          .filter((o) => o.addressed)
          .map((o) => ({ requirementId: o.requirementId, requirementCode: o.requirementCode, verdict: o.verdict })),
      );
    });

    it.each<Method>(['DOCUMENT_REVIEW', 'SUPPLIER_DECLARATION', 'DESK_AUDIT', 'SITE_AUDIT'])(
      '%s decides NOT_ADDED and DOCUMENTATION requirements',
      (method) => {
        const outcomes = [documentOutcome('K-FR-01', 'NOT_ADDED'), documentOutcome('K-SDS-01', 'DOCUMENTATION')];
        expect(decideReuse(candidate({ method }), STOCKHOLM, TODAY, outcomes).reusable).toBe(true);
      },
    );

    it.each<Method>(['DOCUMENT_REVIEW', 'SUPPLIER_DECLARATION', 'DESK_AUDIT', 'SITE_AUDIT'])(
      'a supplier-level %s decides NOT_ADDED and DOCUMENTATION requirements, and says it was the supplier',
      (method) => {
        const outcomes = [documentOutcome('K-FR-01', 'NOT_ADDED'), documentOutcome('K-SDS-01', 'DOCUMENTATION')];
        const sut = decideReuse(candidate({ method, supplierLevel: true }), STOCKHOLM, TODAY, outcomes);
        expect(sut).toEqual({
          reusable: true,
          reasons: [
            `completed, shared and valid until 2027-05-01; decides K-FR-01 (NOT_ADDED checked by ${method} of the supplier), K-SDS-01 (DOCUMENTATION checked by ${method} of the supplier)`,
          ],
          decided: [
            { requirementId: 'req-K-FR-01', requirementCode: 'K-FR-01', verdict: null },
            { requirementId: 'req-K-SDS-01', requirementCode: 'K-SDS-01', verdict: null },
          ],
        });
      },
    );

    it('lists every requirement it decides', () => {
      const sut = decideReuse(candidate(), STOCKHOLM, TODAY, [
        limitOutcome('K-PHT-01', 'FAIL'),
        limitOutcome('K-PAH-01', 'PASS'),
      ]);
      expect(sut.reasons).toEqual([
        'completed, shared and valid until 2027-05-01; decides K-PHT-01 (FAIL against your limit), K-PAH-01 (PASS against your limit)',
      ]);
    });
  });

  describe('not reusable', () => {
    const pass = [limitOutcome('K-PHT-01', 'PASS')];

    it.each<[string, ReuseCandidate, string, RequirementOutcome[], string[]]>([
      [
        'recorded by my own organisation',
        candidate({ organisationId: STOCKHOLM }),
        STOCKHOLM,
        pass,
        ['recorded by your own organisation'],
      ],
      ['retracted', candidate({ status: 'RETRACTED', retracted: true }), STOCKHOLM, pass, ['retracted']],
      ['retracted by its flag only', candidate({ retracted: true }), STOCKHOLM, pass, ['retracted']],
      [
        'planned',
        candidate({ status: 'PLANNED' }),
        STOCKHOLM,
        pass,
        ['status PLANNED: only COMPLETED or CLOSED follow-ups can be reused'],
      ],
      [
        'in progress',
        candidate({ status: 'IN_PROGRESS' }),
        STOCKHOLM,
        pass,
        ['status IN_PROGRESS: only COMPLETED or CLOSED follow-ups can be reused'],
      ],
      [
        'expired',
        candidate({ validUntil: '2022-12-31' }),
        STOCKHOLM,
        pass,
        ['expired on 2023-01-01 (valid until 2022-12-31)'],
      ],
      [
        'expired yesterday',
        candidate({ validUntil: '2025-05-31' }),
        STOCKHOLM,
        pass,
        ['expired on 2025-06-01 (valid until 2025-05-31)'],
      ],
      ['private', candidate({ visibility: 'PRIVATE' }), STOCKHOLM, pass, ['private to its organisation']],
      [
        'INCONCLUSIVE against my limit',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'INCONCLUSIVE')],
        ['K-PHT-01: INCONCLUSIVE against your limit'],
      ],
      [
        'INCOMPLETE against my limit',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'INCOMPLETE')],
        ['K-PHT-01: INCOMPLETE against your limit'],
      ],
      [
        'NO_DATA against my limit',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'NO_DATA')],
        ['K-PHT-01: NO_DATA against your limit'],
      ],
      [
        'a LIMIT requirement not evaluated',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', null)],
        ['K-PHT-01: not evaluated against your limit'],
      ],
      [
        'a lab analysis cannot decide DOCUMENTATION',
        candidate({ method: 'LAB_ANALYSIS' }),
        STOCKHOLM,
        [documentOutcome('K-SDS-01', 'DOCUMENTATION')],
        ['K-SDS-01: method LAB_ANALYSIS cannot decide a DOCUMENTATION requirement'],
      ],
      [
        'a lab analysis cannot decide NOT_ADDED',
        candidate({ method: 'LAB_ANALYSIS' }),
        STOCKHOLM,
        [documentOutcome('K-FR-01', 'NOT_ADDED')],
        ['K-FR-01: method LAB_ANALYSIS cannot decide a NOT_ADDED requirement'],
      ],
      [
        'one undecided requirement among decided ones',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'FAIL'), limitOutcome('K-PAH-01', 'INCONCLUSIVE')],
        ['K-PAH-01: INCONCLUSIVE against your limit'],
      ],
      ['no outcomes at all', candidate(), STOCKHOLM, [], ["addresses none of your contract's requirements"]],
      [
        'no addressed outcome',
        candidate(),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'PASS', false)],
        ["addresses none of your contract's requirements"],
      ],
      [
        'every failing condition at once',
        candidate({
          organisationId: STOCKHOLM,
          status: 'PLANNED',
          retracted: true,
          visibility: 'PRIVATE',
          validUntil: '2022-12-31',
        }),
        STOCKHOLM,
        [limitOutcome('K-PHT-01', 'INCONCLUSIVE'), documentOutcome('K-SDS-01', 'DOCUMENTATION')],
        [
          'recorded by your own organisation',
          'retracted',
          'status PLANNED: only COMPLETED or CLOSED follow-ups can be reused',
          'expired on 2023-01-01 (valid until 2022-12-31)',
          'private to its organisation',
          'K-PHT-01: INCONCLUSIVE against your limit',
          'K-SDS-01: method LAB_ANALYSIS cannot decide a DOCUMENTATION requirement',
        ],
      ],
    ])('%s', (_case, c, caller, outcomes, reasons) => {
      const sut = decideReuse(c, caller, TODAY, outcomes);
      expect(sut.reusable).toBe(false);
      expect(sut.reasons).toEqual(reasons);
    });

    it('a supplier-level follow-up never decides a LIMIT requirement, whatever its own results say', () => {
      const sut = decideReuse(candidate({ method: 'DESK_AUDIT', supplierLevel: true }), STOCKHOLM, TODAY, [
        documentOutcome('K-FR-01', 'NOT_ADDED'),
        limitOutcome('K-PHT-01', 'PASS'),
      ]);
      expect(sut).toEqual({
        reusable: false,
        reasons: ['K-PHT-01: a follow-up of the supplier analysed no product, so it cannot decide a LIMIT requirement'],
        decided: [{ requirementId: 'req-K-FR-01', requirementCode: 'K-FR-01', verdict: null }],
      });
    });

    it('still reports what it would decide', () => {
      const sut = decideReuse(candidate({ visibility: 'PRIVATE' }), STOCKHOLM, TODAY, [
        limitOutcome('K-PHT-01', 'FAIL'),
        limitOutcome('K-PAH-01', 'INCONCLUSIVE'),
      ]);
      expect(sut.decided).toEqual([{ requirementId: 'req-K-PHT-01', requirementCode: 'K-PHT-01', verdict: 'FAIL' }]);
    });
  });
});

describe('reuseOutcome', () => {
  const dehp = (followUpId: string, value: number) => measurementFact({ followUpId, substanceId: 'sub-dehp', value });
  const rule = (overrides: Partial<ContractRule> = {}): ContractRule => ({
    requirementId: 'req-1',
    kind: 'LIMIT',
    aggregation: 'EACH',
    substanceIds: ['sub-dehp'],
    limit: { value: 100, unit: 'MG_PER_KG' },
    ...overrides,
  });
  it.each<[string, ContractRule, boolean, MeasurementFact[], RequirementOutcome['verdict']]>([
    ["LIMIT: the follow-up's measurements against my limit", rule(), true, [dehp('fu', 800)], 'FAIL'],
    ['LIMIT: within my limit', rule(), true, [dehp('fu', 80)], 'PASS'],
    ['LIMIT: nothing measured', rule(), true, [], 'NO_DATA'],
    ['LIMIT without a limit', rule({ limit: null }), false, [dehp('fu', 80)], 'NO_DATA'],
    ['NOT_ADDED: decided by the method, not by a verdict', rule({ kind: 'NOT_ADDED' }), true, [dehp('fu', 800)], null],
    ['DOCUMENTATION', rule({ kind: 'DOCUMENTATION', limit: null, substanceIds: [] }), true, [], null],
  ])('%s', (_name, r, addressed, measurements, verdict) => {
    expect(reuseOutcome(r, 'K-1', addressed, measurements)).toEqual({
      requirementId: 'req-1',
      requirementCode: 'K-1',
      kind: r.kind,
      addressed,
      verdict,
    });
  });
});
