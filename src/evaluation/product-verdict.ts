/**
 * A product against one contract (DOMAIN.md, "The rules that make results reusable"): which limit
 * applies to each of the contract's requirements, how each requirement is decided (by
 * measurements against that limit, or by a document-based or audit follow-up), and the product's
 * verdict over all of them. Pure functions over plain values: the caller gathers the facts
 * (which follow-ups count for whom, their measurements, the contract's requirements).
 */
import { assertNever } from '../vocabulary/assert-never.js';
import {
  DOCUMENT_OR_AUDIT_METHODS,
  type Aggregation,
  type DeviationStatus,
  type LimitSource,
  type Method,
  type RequirementKind,
  type Severity,
  type Unit,
  type Verdict,
} from '../vocabulary/vocabulary.js';
import { evaluateLimit, type MeasurementFact, type RequirementEvaluation } from './evaluate.js';
import { countsAgainstSupplier } from './traffic-light.js';

/** A limit value in its unit. */
export interface LimitValue {
  value: number;
  unit: Unit;
}

/** A limit as stored: value and unit may each be missing, and then there is no limit. */
export interface StoredLimit {
  value: number | null;
  unit: Unit | null;
}

export interface ApplicableLimit {
  limit: LimitValue | null;
  /** Where `limit` comes from; null when there is none. */
  source: LimitSource | null;
}

/**
 * The limit that applies to a requirement in a contract: the contract's own when it sets one (a
 * value and a unit), else the library default, else none. This difference is why a buyer
 * re-evaluates another region's measurements instead of reading its verdict.
 */
export function applicableLimit(contract: StoredLimit, library: StoredLimit): ApplicableLimit {
  if (contract.value !== null && contract.unit)
    return { limit: { value: contract.value, unit: contract.unit }, source: 'CONTRACT' };
  if (library.value !== null && library.unit)
    return { limit: { value: library.value, unit: library.unit }, source: 'LIBRARY' };
  return { limit: null, source: null };
}

/** One of the contract's requirements, as its evaluation needs it. */
export interface ContractRule {
  requirementId: string;
  kind: RequirementKind;
  aggregation: Aggregation;
  /** The substances in scope (the requirement's listed substances). */
  substanceIds: readonly string[];
  /** The limit that applies (see {@link applicableLimit}). */
  limit: LimitValue | null;
}

/** A follow-up that counts, as the document-based verdict needs it. */
export interface FollowUpFact {
  followUpId: string;
  organisationId: string;
  method: Method;
  /** 'YYYY-MM-DD'; null when not performed. */
  performedOn: string | null;
  /** ISO timestamp of recording: breaks ties between follow-ups performed on the same day (later wins). */
  recordedAt: string;
  /**
   * A follow-up of the product's supplier, of no product (a desk audit, a supplier declaration): it
   * speaks for every product of that supplier on what it checked by document or audit, but it tested
   * none of them, so its measurements never count for a product.
   */
  supplierLevel: boolean;
}

/** A deviation opened on a follow-up. */
export interface DeviationOnFollowUp {
  followUpId: string;
  /** The organisation that opened it. */
  organisationId: string;
  requirementId: string | null;
  severity: Severity;
  status: DeviationStatus;
}

/** Everything known about the follow-ups that count, for one contract's requirements. */
export interface EvaluationFacts {
  /** The follow-ups that count: the caller chose them (completed or closed, valid, visible to whom it concerns). */
  followUps: readonly FollowUpFact[];
  /** Their measurements (those of substances outside a rule are ignored by it). */
  measurements: readonly MeasurementFact[];
  /** The library requirements each follow-up says it checked. */
  checked: readonly { followUpId: string; requirementId: string }[];
  /** The deviations opened on them. */
  deviations: readonly DeviationOnFollowUp[];
}

/** How a requirement was decided, with what the reader needs to follow it. */
export type RequirementVerdict =
  /** By measurements against the limit that applies. */
  | { decidedBy: 'MEASUREMENTS'; verdict: Verdict; evaluation: RequirementEvaluation; explanation: null }
  /** By the most recent document-based or audit follow-up that checked it (none: NO_DATA). */
  | { decidedBy: 'DOCUMENTS'; verdict: Verdict; followUpId: string | null; explanation: string }
  /**
   * A NOT_ADDED requirement with a limit ("not added, and ≤ 0.1 %") that has comparable results: the
   * declaration (document-based or audit follow-up; `followUpId`, null when none) and the measurements
   * together (see {@link notAddedVerdict}).
   */
  | {
      decidedBy: 'DOCUMENTS_AND_MEASUREMENTS';
      verdict: Verdict;
      evaluation: RequirementEvaluation;
      followUpId: string | null;
      explanation: string;
    }
  /** Not at all: a LIMIT requirement without a limit or without substances in scope. */
  | { decidedBy: 'NOTHING'; verdict: 'NO_DATA'; explanation: string };

/** The measurements against the rule's limit; null when there is no limit or no substance in scope. */
function byMeasurements(rule: ContractRule, measurements: readonly MeasurementFact[]): RequirementVerdict | null {
  if (!rule.limit || !rule.substanceIds.length) return null;
  const evaluation = evaluateLimit(
    { value: rule.limit.value, unit: rule.limit.unit, aggregation: rule.aggregation, substanceIds: rule.substanceIds },
    measurements,
  );
  return { decidedBy: 'MEASUREMENTS', verdict: evaluation.verdict, evaluation, explanation: null };
}

/**
 * The verdict of one LIMIT requirement from measurements alone: what another organisation's
 * follow-up shows against my limit, when I consider reusing it.
 */
export function limitVerdict(rule: ContractRule, measurements: readonly MeasurementFact[]): RequirementVerdict {
  return (
    byMeasurements(rule, measurements) ?? {
      decidedBy: 'NOTHING',
      verdict: 'NO_DATA',
      explanation: rule.limit ? 'no substances in scope' : 'the requirement has no limit',
    }
  );
}

/**
 * The measurements that speak for the product: those of its own follow-ups. A supplier-level
 * follow-up analysed no product of the evaluation (whatever it recorded was not this product), so
 * its results never decide a product's limit.
 */
export function productMeasurements(facts: Pick<EvaluationFacts, 'followUps' | 'measurements'>): MeasurementFact[] {
  const supplierLevel = new Set(facts.followUps.filter((f) => f.supplierLevel).map((f) => f.followUpId));
  return facts.measurements.filter((m) => !supplierLevel.has(m.followUpId));
}

/**
 * Evaluates one requirement of the contract.
 * - LIMIT: the measurements of the product's own follow-ups against the limit that applies
 *   (NO_DATA, with why, when it has no limit or no substance in scope).
 * - NOT_ADDED and DOCUMENTATION: the document-based verdict, to which a supplier-level document
 *   review, declaration or audit contributes as the product's own do; for a NOT_ADDED requirement
 *   with a limit and comparable results, together with the measurements ({@link notAddedVerdict}).
 * @throws RangeError when the limit value is not greater than zero (see evaluateLimit).
 */
export function evaluateRequirement(rule: ContractRule, facts: EvaluationFacts): RequirementVerdict {
  const measurements = productMeasurements(facts);
  switch (rule.kind) {
    case 'LIMIT':
      return limitVerdict(rule, measurements);
    case 'NOT_ADDED':
    case 'DOCUMENTATION': {
      const measured = byMeasurements(rule, measurements);
      const documents = documentVerdict(rule.requirementId, facts);
      if (measured?.decidedBy !== 'MEASUREMENTS' || measured.verdict === 'NO_DATA') return documents;
      return notAddedVerdict(measured.evaluation, documents);
    }
    default:
      return assertNever(rule.kind, 'requirement kind');
  }
}

/**
 * "Not added, and ≤ the limit" (DOMAIN.md: NOT_ADDED is "not intentionally added: shown by
 * declaration"), when results in scope compare with the limit. Each half needs its own evidence:
 * - a result above the limit FAILs it, whatever a declaration says;
 * - otherwise the declaration decides (its PASS, or its FAIL on an unresolved deviation): results
 *   within the limit, or ones that cannot show it (INCONCLUSIVE, INCOMPLETE), take nothing from a
 *   declaration and cannot outweigh one that found the substances added;
 * - without a declaration nothing has shown the substances not added: results within the limit are
 *   INCOMPLETE evidence, and INCONCLUSIVE or INCOMPLETE ones stay what they are.
 */
export function notAddedVerdict(
  evaluation: RequirementEvaluation,
  documents: Extract<RequirementVerdict, { decidedBy: 'DOCUMENTS' }>,
): Extract<RequirementVerdict, { decidedBy: 'DOCUMENTS_AND_MEASUREMENTS' }> {
  const measured = evaluation.verdict;
  const declared = documents.followUpId !== null;
  const answer = (verdict: Verdict, explanation: string) => ({
    decidedBy: 'DOCUMENTS_AND_MEASUREMENTS' as const,
    verdict,
    evaluation,
    followUpId: documents.followUpId,
    explanation,
  });
  if (measured === 'FAIL')
    return answer('FAIL', `measured above the limit, whatever is declared (${documents.explanation})`);
  if (declared)
    return answer(
      documents.verdict,
      `${documents.explanation}; the results show nothing above the limit (${measured})`,
    );
  return answer(
    measured === 'PASS' ? 'INCOMPLETE' : measured,
    `measured ${measured} against the limit, but ${documents.explanation}, so nothing shows the substances not added`,
  );
}

/** Most recently performed first; then most recently recorded. */
const newestFirst = (a: FollowUpFact, b: FollowUpFact): number =>
  (b.performedOn ?? '').localeCompare(a.performedOn ?? '') || b.recordedAt.localeCompare(a.recordedAt);

/**
 * NOT_ADDED and DOCUMENTATION: decided by the most recent document-based or audit follow-up that
 * says it checked the requirement, of the product or of its supplier (a supplier declaration speaks
 * for the supplier's products; the more recent statement is what is known now): FAIL while that follow-up's own organisation has a deviation
 * on it for this requirement that still demands action (unresolved, more than an observation),
 * else PASS. NO_DATA when no such follow-up exists.
 */
export function documentVerdict(
  requirementId: string,
  facts: Pick<EvaluationFacts, 'followUps' | 'checked' | 'deviations'>,
): Extract<RequirementVerdict, { decidedBy: 'DOCUMENTS' }> {
  const latest = facts.followUps
    .filter(
      (f) =>
        DOCUMENT_OR_AUDIT_METHODS.includes(f.method) &&
        facts.checked.some((c) => c.followUpId === f.followUpId && c.requirementId === requirementId),
    )
    .sort(newestFirst)[0];
  if (!latest)
    return {
      decidedBy: 'DOCUMENTS',
      verdict: 'NO_DATA',
      followUpId: null,
      explanation: 'no document review, declaration or audit has checked it',
    };
  const by = latest.supplierLevel ? `${latest.method} of the supplier` : latest.method;
  const unresolved = facts.deviations.filter(
    (d) =>
      d.followUpId === latest.followUpId &&
      d.requirementId === requirementId &&
      d.organisationId === latest.organisationId &&
      countsAgainstSupplier(d),
  ).length;
  return {
    decidedBy: 'DOCUMENTS',
    verdict: unresolved ? 'FAIL' : 'PASS',
    followUpId: latest.followUpId,
    explanation: unresolved
      ? `${by} on ${latest.performedOn} found ${unresolved} unresolved deviation${unresolved === 1 ? '' : 's'}`
      : `checked by ${by} on ${latest.performedOn} without an unresolved deviation`,
  };
}

/**
 * Which requirement verdict decides the product's: the first in this order that any requirement
 * has. A failure anywhere fails the product; then what could not be shown (INCONCLUSIVE), what
 * nobody measured (NO_DATA), what was measured only in part (INCOMPLETE); PASS only when all pass.
 */
export const PRODUCT_VERDICT_PRECEDENCE: Record<Verdict, number> = {
  FAIL: 0,
  INCONCLUSIVE: 1,
  NO_DATA: 2,
  INCOMPLETE: 3,
  PASS: 4,
};

/** The product's verdict from its requirements' verdicts (NO_DATA when the contract has none). */
export function productVerdict(verdicts: readonly Verdict[]): Verdict {
  let verdict: Verdict | null = null;
  for (const v of verdicts)
    if (verdict === null || PRODUCT_VERDICT_PRECEDENCE[v] < PRODUCT_VERDICT_PRECEDENCE[verdict]) verdict = v;
  return verdict ?? 'NO_DATA';
}
