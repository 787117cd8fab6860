import type { Method, Verdict } from '../vocabulary/vocabulary.js';
import { measurementFact } from '../../test/factories/evaluation.js';
import {
  applicableLimit,
  documentVerdict,
  evaluateRequirement,
  productVerdict,
  PRODUCT_VERDICT_PRECEDENCE,
  type ApplicableLimit,
  type ContractRule,
  type DeviationOnFollowUp,
  type EvaluationFacts,
  type FollowUpFact,
  type StoredLimit,
} from './product-verdict.js';

const REQ = 'req-1';
const DEHP = 'sub-dehp';
const SKANE = 'org-skane';

function followUp(
  id: string,
  method: Method,
  performedOn: string | null,
  overrides: Partial<FollowUpFact> = {},
): FollowUpFact {
  return {
    followUpId: id,
    organisationId: SKANE,
    method,
    performedOn,
    recordedAt: '2025-01-01T00:00:00Z',
    supplierLevel: false,
    ...overrides,
  };
}

const measured = (followUpId: string, value: number) => measurementFact({ followUpId, substanceId: DEHP, value });

function deviation(followUpId: string, overrides: Partial<DeviationOnFollowUp> = {}): DeviationOnFollowUp {
  return { followUpId, organisationId: SKANE, requirementId: REQ, severity: 'MAJOR', status: 'OPEN', ...overrides };
}

function rule(overrides: Partial<ContractRule> = {}): ContractRule {
  return {
    requirementId: REQ,
    kind: 'LIMIT',
    aggregation: 'EACH',
    substanceIds: [DEHP],
    limit: { value: 1000, unit: 'MG_PER_KG' },
    ...overrides,
  };
}

function facts(overrides: Partial<EvaluationFacts> = {}): EvaluationFacts {
  return { followUps: [], measurements: [], checked: [], deviations: [], ...overrides };
}

const checks = (...followUpIds: string[]) => followUpIds.map((followUpId) => ({ followUpId, requirementId: REQ }));

describe('applicableLimit', () => {
  const none: StoredLimit = { value: null, unit: null };
  it.each<[string, StoredLimit, StoredLimit, ApplicableLimit]>([
    [
      "the contract's own limit wins",
      { value: 100, unit: 'MG_PER_KG' },
      { value: 0.1, unit: 'PERCENT_WW' },
      { limit: { value: 100, unit: 'MG_PER_KG' }, source: 'CONTRACT' },
    ],
    [
      'else the library default',
      none,
      { value: 0.1, unit: 'PERCENT_WW' },
      { limit: { value: 0.1, unit: 'PERCENT_WW' }, source: 'LIBRARY' },
    ],
    [
      'a contract value without a unit is no limit of its own',
      { value: 100, unit: null },
      { value: 0.1, unit: 'PERCENT_WW' },
      { limit: { value: 0.1, unit: 'PERCENT_WW' }, source: 'LIBRARY' },
    ],
    [
      'a contract unit without a value is no limit of its own',
      { value: null, unit: 'MG_PER_KG' },
      { value: 0.1, unit: 'PERCENT_WW' },
      { limit: { value: 0.1, unit: 'PERCENT_WW' }, source: 'LIBRARY' },
    ],
    ['neither: no limit', none, none, { limit: null, source: null }],
    ['a library value without a unit: no limit', none, { value: 0.1, unit: null }, { limit: null, source: null }],
  ])('%s', (_name, contract, library, expected) => {
    expect(applicableLimit(contract, library)).toEqual(expected);
  });
});

describe('productVerdict', () => {
  it.each<[Verdict[], Verdict]>([
    [[], 'NO_DATA'],
    [['PASS'], 'PASS'],
    [['PASS', 'PASS'], 'PASS'],
    [['PASS', 'INCOMPLETE'], 'INCOMPLETE'],
    [['INCOMPLETE', 'NO_DATA', 'PASS'], 'NO_DATA'],
    [['NO_DATA', 'INCONCLUSIVE'], 'INCONCLUSIVE'],
    [['PASS', 'INCONCLUSIVE', 'FAIL', 'NO_DATA'], 'FAIL'],
    [['FAIL', 'PASS'], 'FAIL'],
  ])('%p → %s', (verdicts, expected) => {
    expect(productVerdict(verdicts)).toBe(expected);
    expect(productVerdict([...verdicts].reverse())).toBe(expected);
  });

  it('orders every verdict, each in its own place', () => {
    const ranks = Object.values(PRODUCT_VERDICT_PRECEDENCE);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('evaluateRequirement', () => {
  const lab = followUp('fu-lab', 'LAB_ANALYSIS', '2025-01-01');
  const review = followUp('fu-review', 'DOCUMENT_REVIEW', '2025-02-01');
  it.each<[string, ContractRule, EvaluationFacts, { decidedBy: string; verdict: Verdict; explanation: string | null }]>(
    [
      [
        'LIMIT: measurements against the limit',
        rule(),
        facts({ followUps: [lab], measurements: [measured('fu-lab', 1200)] }),
        { decidedBy: 'MEASUREMENTS', verdict: 'FAIL', explanation: null },
      ],
      [
        'LIMIT: nothing measured is NO_DATA, whatever a document says',
        rule(),
        facts({ followUps: [review], checked: checks('fu-review') }),
        { decidedBy: 'MEASUREMENTS', verdict: 'NO_DATA', explanation: null },
      ],
      [
        'LIMIT without a limit',
        rule({ limit: null }),
        facts({ measurements: [measured('fu-lab', 1)] }),
        { decidedBy: 'NOTHING', verdict: 'NO_DATA', explanation: 'the requirement has no limit' },
      ],
      [
        'LIMIT without substances in scope',
        rule({ substanceIds: [] }),
        facts({ measurements: [measured('fu-lab', 1)] }),
        { decidedBy: 'NOTHING', verdict: 'NO_DATA', explanation: 'no substances in scope' },
      ],
      [
        'NOT_ADDED with a limit and results within it: the declaration and the results together',
        rule({ kind: 'NOT_ADDED' }),
        facts({ followUps: [lab, review], measurements: [measured('fu-lab', 10)], checked: checks('fu-review') }),
        {
          decidedBy: 'DOCUMENTS_AND_MEASUREMENTS',
          verdict: 'PASS',
          explanation:
            'checked by DOCUMENT_REVIEW on 2025-02-01 without an unresolved deviation; the results show nothing above the limit (PASS)',
        },
      ],
      [
        'NOT_ADDED with a limit and nothing measured: the document review decides',
        rule({ kind: 'NOT_ADDED' }),
        facts({ followUps: [review], checked: checks('fu-review') }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'PASS',
          explanation: 'checked by DOCUMENT_REVIEW on 2025-02-01 without an unresolved deviation',
        },
      ],
      [
        'NOT_ADDED without a limit: documents decide',
        rule({ kind: 'NOT_ADDED', limit: null }),
        facts({ followUps: [review], checked: checks('fu-review'), deviations: [deviation('fu-review')] }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'FAIL',
          explanation: 'DOCUMENT_REVIEW on 2025-02-01 found 1 unresolved deviation',
        },
      ],
      [
        'DOCUMENTATION: nothing has checked it',
        rule({ kind: 'DOCUMENTATION', limit: null, substanceIds: [] }),
        facts({ followUps: [lab], checked: checks('fu-lab') }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'NO_DATA',
          explanation: 'no document review, declaration or audit has checked it',
        },
      ],
    ],
  )('%s', (_name, r, f, expected) => {
    expect(evaluateRequirement(r, f)).toMatchObject(expected);
  });

  describe('a supplier-level follow-up (of the supplier, no product)', () => {
    const audit = followUp('fu-audit', 'DESK_AUDIT', '2025-03-01', { supplierLevel: true });
    const declared = followUp('fu-decl', 'SUPPLIER_DECLARATION', '2025-04-01', { supplierLevel: true });
    it.each<
      [string, ContractRule, EvaluationFacts, { decidedBy: string; verdict: Verdict; explanation: string | null }]
    >([
      [
        'decides a DOCUMENTATION requirement it checked, saying it was the supplier',
        rule({ kind: 'DOCUMENTATION', limit: null, substanceIds: [] }),
        facts({ followUps: [audit], checked: checks('fu-audit') }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'PASS',
          explanation: 'checked by DESK_AUDIT of the supplier on 2025-03-01 without an unresolved deviation',
        },
      ],
      [
        "fails a NOT_ADDED requirement with its own organisation's unresolved deviation",
        rule({ kind: 'NOT_ADDED', limit: null }),
        facts({ followUps: [declared], checked: checks('fu-decl'), deviations: [deviation('fu-decl')] }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'FAIL',
          explanation: 'SUPPLIER_DECLARATION of the supplier on 2025-04-01 found 1 unresolved deviation',
        },
      ],
      [
        "is more recent than the product's own review: the newer statement decides",
        rule({ kind: 'NOT_ADDED', limit: null }),
        facts({ followUps: [review, declared], checked: checks('fu-review', 'fu-decl') }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'PASS',
          explanation: 'checked by SUPPLIER_DECLARATION of the supplier on 2025-04-01 without an unresolved deviation',
        },
      ],
      [
        "is older than the product's own review: the product's decides",
        rule({ kind: 'NOT_ADDED', limit: null }),
        facts({
          followUps: [review, followUp('fu-audit', 'DESK_AUDIT', '2025-01-15', { supplierLevel: true })],
          checked: checks('fu-review', 'fu-audit'),
          deviations: [deviation('fu-review')],
        }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'FAIL',
          explanation: 'DOCUMENT_REVIEW on 2025-02-01 found 1 unresolved deviation',
        },
      ],
      [
        'its measurements never decide a LIMIT requirement: it analysed no product',
        rule(),
        facts({ followUps: [audit], measurements: [measured('fu-audit', 1200)], checked: checks('fu-audit') }),
        { decidedBy: 'MEASUREMENTS', verdict: 'NO_DATA', explanation: null },
      ],
      [
        "its measurements leave the product's own to decide",
        rule(),
        facts({
          followUps: [lab, audit],
          measurements: [measured('fu-lab', 10), measured('fu-audit', 1200)],
        }),
        { decidedBy: 'MEASUREMENTS', verdict: 'PASS', explanation: null },
      ],
      [
        'NOT_ADDED with a limit: its measurements do not count, its declaration does',
        rule({ kind: 'NOT_ADDED' }),
        facts({ followUps: [declared], measurements: [measured('fu-decl', 1200)], checked: checks('fu-decl') }),
        {
          decidedBy: 'DOCUMENTS',
          verdict: 'PASS',
          explanation: 'checked by SUPPLIER_DECLARATION of the supplier on 2025-04-01 without an unresolved deviation',
        },
      ],
    ])('%s', (_name, r, f, expected) => {
      expect(evaluateRequirement(r, f)).toMatchObject(expected);
    });
  });

  it('names the follow-ups whose measurements decided', () => {
    const result = evaluateRequirement(rule(), facts({ followUps: [lab], measurements: [measured('fu-lab', 10)] }));
    expect(result.decidedBy === 'MEASUREMENTS' && result.evaluation.followUpIds).toEqual(['fu-lab']);
  });
});

describe('NOT_ADDED with a limit: "not added" shown by a declaration, "≤ the limit" by the results (notAddedVerdict)', () => {
  const LOQ = (followUpId: string, loq: number) =>
    measurementFact({ followUpId, substanceId: DEHP, detected: false, value: null, loq });
  const lab = followUp('fu-lab', 'LAB_ANALYSIS', '2025-04-01');
  const declaration = followUp('fu-decl', 'SUPPLIER_DECLARATION', '2025-01-01');
  const declared = { followUps: [lab, declaration], checked: checks('fu-decl') };
  const added = { ...declared, deviations: [deviation('fu-decl')] };
  const PASSING = 'checked by SUPPLIER_DECLARATION on 2025-01-01 without an unresolved deviation';
  const FAILING = 'SUPPLIER_DECLARATION on 2025-01-01 found 1 unresolved deviation';
  const NONE = 'no document review, declaration or audit has checked it';
  const OTHER = 'sub-other';
  it.each<[string, Partial<EvaluationFacts>, Partial<ContractRule>, Verdict, string]>([
    [
      'declared, a result within the limit: PASS',
      { ...declared, measurements: [measured('fu-lab', 10)] },
      {},
      'PASS',
      `${PASSING}; the results show nothing above the limit (PASS)`,
    ],
    [
      'declared, a result above the limit: FAIL, whatever is declared',
      { ...declared, measurements: [measured('fu-lab', 1200)] },
      {},
      'FAIL',
      `measured above the limit, whatever is declared (${PASSING})`,
    ],
    [
      "declared as added (the declaration's own unresolved deviation), newer results below their LOQs: still FAIL",
      { ...added, measurements: [LOQ('fu-lab', 10)] },
      {},
      'FAIL',
      `${FAILING}; the results show nothing above the limit (PASS)`,
    ],
    [
      "a partial analysis (one of two substances) does not turn a declaration's PASS into INCOMPLETE",
      { ...declared, measurements: [measured('fu-lab', 10)] },
      { substanceIds: [DEHP, OTHER] },
      'PASS',
      `${PASSING}; the results show nothing above the limit (INCOMPLETE)`,
    ],
    [
      'declared, an LOQ above the limit: the declaration still decides',
      { ...declared, measurements: [LOQ('fu-lab', 2000)] },
      {},
      'PASS',
      `${PASSING}; the results show nothing above the limit (INCONCLUSIVE)`,
    ],
    [
      'no declaration, results within the limit: INCOMPLETE, nothing shows the substances not added',
      { followUps: [lab], measurements: [measured('fu-lab', 10)] },
      {},
      'INCOMPLETE',
      `measured PASS against the limit, but ${NONE}, so nothing shows the substances not added`,
    ],
    [
      'no declaration, an LOQ above the limit: INCONCLUSIVE',
      { followUps: [lab], measurements: [LOQ('fu-lab', 2000)] },
      {},
      'INCONCLUSIVE',
      `measured INCONCLUSIVE against the limit, but ${NONE}, so nothing shows the substances not added`,
    ],
    [
      'no declaration, a result above the limit: FAIL',
      { followUps: [lab], measurements: [measured('fu-lab', 1200)] },
      {},
      'FAIL',
      `measured above the limit, whatever is declared (${NONE})`,
    ],
  ])('%s', (_name, f, r, verdict, explanation) => {
    const result = evaluateRequirement(rule({ kind: 'NOT_ADDED', ...r }), facts(f));
    expect(result).toMatchObject({ decidedBy: 'DOCUMENTS_AND_MEASUREMENTS', verdict, explanation });
    expect(result.decidedBy === 'DOCUMENTS_AND_MEASUREMENTS' && result.followUpId).toBe(
      f.checked?.length ? 'fu-decl' : null,
    );
  });

  it('no comparable result: the declaration alone decides, as without a limit', () => {
    expect(evaluateRequirement(rule({ kind: 'NOT_ADDED' }), facts(added))).toMatchObject({
      decidedBy: 'DOCUMENTS',
      verdict: 'FAIL',
      explanation: FAILING,
    });
  });
});

describe('documentVerdict', () => {
  const older = followUp('fu-old', 'SITE_AUDIT', '2024-05-01');
  const newer = followUp('fu-new', 'SUPPLIER_DECLARATION', '2025-03-01');
  it.each<[string, Partial<EvaluationFacts>, Verdict, string | null, string]>([
    [
      'the most recently performed check decides',
      { followUps: [older, newer], checked: checks('fu-old', 'fu-new'), deviations: [deviation('fu-old')] },
      'PASS',
      'fu-new',
      'checked by SUPPLIER_DECLARATION on 2025-03-01 without an unresolved deviation',
    ],
    [
      'a follow-up that did not check the requirement does not decide',
      { followUps: [older, newer], checked: checks('fu-old'), deviations: [deviation('fu-old')] },
      'FAIL',
      'fu-old',
      'SITE_AUDIT on 2024-05-01 found 1 unresolved deviation',
    ],
    [
      'a lab analysis cannot show intent',
      { followUps: [followUp('fu-lab', 'LAB_ANALYSIS', '2025-05-01')], checked: checks('fu-lab') },
      'NO_DATA',
      null,
      'no document review, declaration or audit has checked it',
    ],
    [
      'two unresolved deviations',
      { followUps: [newer], checked: checks('fu-new'), deviations: [deviation('fu-new'), deviation('fu-new')] },
      'FAIL',
      'fu-new',
      'SUPPLIER_DECLARATION on 2025-03-01 found 2 unresolved deviations',
    ],
    [
      'an agreed action plan is still unresolved',
      {
        followUps: [newer],
        checked: checks('fu-new'),
        deviations: [deviation('fu-new', { status: 'ACTION_PLAN_AGREED' })],
      },
      'FAIL',
      'fu-new',
      'SUPPLIER_DECLARATION on 2025-03-01 found 1 unresolved deviation',
    ],
    [
      'a resolved deviation no longer counts',
      { followUps: [newer], checked: checks('fu-new'), deviations: [deviation('fu-new', { status: 'RESOLVED' })] },
      'PASS',
      'fu-new',
      'checked by SUPPLIER_DECLARATION on 2025-03-01 without an unresolved deviation',
    ],
    [
      'an observation demands nothing',
      { followUps: [newer], checked: checks('fu-new'), deviations: [deviation('fu-new', { severity: 'OBSERVATION' })] },
      'PASS',
      'fu-new',
      'checked by SUPPLIER_DECLARATION on 2025-03-01 without an unresolved deviation',
    ],
    [
      "another organisation's deviation is its own view, not the check's finding",
      {
        followUps: [newer],
        checked: checks('fu-new'),
        deviations: [deviation('fu-new', { organisationId: 'org-stockholm' })],
      },
      'PASS',
      'fu-new',
      'checked by SUPPLIER_DECLARATION on 2025-03-01 without an unresolved deviation',
    ],
    [
      'a deviation on another requirement does not count',
      { followUps: [newer], checked: checks('fu-new'), deviations: [deviation('fu-new', { requirementId: 'req-2' })] },
      'PASS',
      'fu-new',
      'checked by SUPPLIER_DECLARATION on 2025-03-01 without an unresolved deviation',
    ],
    [
      'performed the same day: the later recorded one decides',
      {
        followUps: [
          followUp('fu-a', 'DESK_AUDIT', '2025-03-01', { recordedAt: '2025-03-02T10:00:00Z' }),
          followUp('fu-b', 'DESK_AUDIT', '2025-03-01', { recordedAt: '2025-03-02T09:00:00Z' }),
        ],
        checked: checks('fu-a', 'fu-b'),
        deviations: [deviation('fu-b')],
      },
      'PASS',
      'fu-a',
      'checked by DESK_AUDIT on 2025-03-01 without an unresolved deviation',
    ],
  ])('%s', (_name, f, verdict, followUpId, explanation) => {
    expect(documentVerdict(REQ, facts(f))).toEqual({ decidedBy: 'DOCUMENTS', verdict, followUpId, explanation });
  });
});
