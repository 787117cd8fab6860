/**
 * The regions' rule for relying on another authority's follow-up (DOMAIN.md, "Reuse"), and the
 * validity dates it depends on. Pure functions over plain values.
 */
import { assertNever } from '../vocabulary/assert-never.js';
import {
  COUNTING_STATUSES,
  DOCUMENT_OR_AUDIT_METHODS,
  orList,
  type FollowUpStatus,
  type Method,
  type RequirementKind,
  type Verdict,
  type Visibility,
} from '../vocabulary/vocabulary.js';
import type { MeasurementFact } from './evaluate.js';
import { limitVerdict, type ContractRule } from './product-verdict.js';

export interface ReuseCandidate {
  followUpId: string;
  organisationId: string;
  status: FollowUpStatus;
  retracted: boolean;
  visibility: Visibility;
  method: Method;
  /**
   * A follow-up of a supplier, of no product (a desk audit, a supplier declaration): it may decide
   * NOT_ADDED and DOCUMENTATION requirements for the products of that supplier, never a LIMIT
   * requirement, since it analysed none of them.
   */
  supplierLevel: boolean;
  /** 'YYYY-MM-DD', the last day the follow-up is valid. */
  /** null when the follow-up has no validity yet (not performed): it cannot be reused. */
  validUntil: string | null;
}

/** One of the caller's contract requirements, as this follow-up bears on it. */
export interface RequirementOutcome {
  requirementId: string;
  requirementCode: string;
  kind: RequirementKind;
  /** Whether the follow-up addresses this requirement; the caller decides. */
  addressed: boolean;
  /** LIMIT: this follow-up's measurements evaluated against the caller's contract limit. */
  verdict: Verdict | null;
}

/**
 * How one follow-up bears on one of my contract's requirements. It addresses the requirements it
 * says it checked (the caller tells): a substance measured in passing (say DEHP, also on the
 * Candidate List) does not make it a check of that list. For a LIMIT requirement, the verdict is
 * the follow-up's own measurements against my limit; other kinds are decided by its method.
 */
export function reuseOutcome(
  rule: ContractRule,
  requirementCode: string,
  addressed: boolean,
  ownMeasurements: readonly MeasurementFact[],
): RequirementOutcome {
  const outcome = { requirementId: rule.requirementId, requirementCode, kind: rule.kind, addressed };
  switch (rule.kind) {
    case 'LIMIT':
      return { ...outcome, verdict: limitVerdict(rule, ownMeasurements).verdict };
    case 'NOT_ADDED':
    case 'DOCUMENTATION':
      return { ...outcome, verdict: null };
    default:
      return assertNever(rule.kind, 'requirement kind');
  }
}

export interface ReuseDecision {
  reusable: boolean;
  /** English sentences naming the facts: why it can be reused, or every reason it cannot. */
  reasons: string[];
  /**
   * The addressed requirements that the follow-up's results decide. Computed independently of
   * the other conditions, so a reader also sees what a non-reusable follow-up would decide.
   */
  decided: { requirementId: string; requirementCode: string; verdict: Verdict | null }[];
}

/**
 * Which verdicts against my limit decide a LIMIT requirement: only PASS and FAIL (reusing a FAIL is
 * as valuable as a PASS, it tells me to act); what could not be shown, or was measured only in
 * part or not at all, decides nothing.
 */
const VERDICT_DECIDES: Record<Verdict, boolean> = {
  PASS: true,
  FAIL: true,
  INCONCLUSIVE: false,
  INCOMPLETE: false,
  NO_DATA: false,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string, name: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (match === null) throw new RangeError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whether a follow-up valid until `validUntil` (inclusive) is still valid on `day`.
 * ISO dates order as strings, once both are checked to be 'YYYY-MM-DD'.
 */
export function isValidOn(validUntil: string, day: string): boolean {
  parseIsoDate(validUntil, 'validUntil');
  parseIsoDate(day, 'day');
  return validUntil >= day;
}

/**
 * The default validity: `years` after the day the follow-up was performed. A follow-up performed
 * on 29 February is valid until 28 February of a non-leap year, never into March.
 */
export function defaultValidUntil(performedOn: string, years = 3): string {
  const { year, month, day } = parseIsoDate(performedOn, 'performedOn');
  const target = year + years;
  // Past the last four-digit year the follow-up is valid "for ever": 9999-12-31, still a YYYY-MM-DD date.
  if (target > 9999) return '9999-12-31';
  const lastDay = month === 2 && day === 29 && !isLeapYear(target) ? 28 : day;
  return formatIsoDate(target, month, lastDay);
}

function dayAfter(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate, 'validUntil');
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  const next = new Date(0);
  next.setUTCFullYear(year, month - 1, day + 1);
  return formatIsoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Why this one requirement is not decided by the follow-up, or null when it is. */
function undecidedReason(outcome: RequirementOutcome, { method, supplierLevel }: ReuseCandidate): string | null {
  switch (outcome.kind) {
    case 'LIMIT':
      if (supplierLevel)
        return `${outcome.requirementCode}: a follow-up of the supplier analysed no product, so it cannot decide a LIMIT requirement`;
      if (outcome.verdict !== null && VERDICT_DECIDES[outcome.verdict]) return null;
      return `${outcome.requirementCode}: ${outcome.verdict ?? 'not evaluated'} against your limit`;
    case 'NOT_ADDED':
    case 'DOCUMENTATION':
      if (DOCUMENT_OR_AUDIT_METHODS.includes(method)) return null;
      return `${outcome.requirementCode}: method ${method} cannot decide a ${outcome.kind} requirement`;
    default:
      return assertNever(outcome.kind, 'requirement kind');
  }
}

/** The conditions on the follow-up itself, each failing one as a sentence. */
function followUpReasons(c: ReuseCandidate, callerOrganisationId: string, today: string): string[] {
  const reasons: string[] = [];
  if (c.organisationId === callerOrganisationId) reasons.push('recorded by your own organisation');
  if (c.retracted || c.status === 'RETRACTED') reasons.push('retracted');
  if (c.status !== 'RETRACTED' && !COUNTING_STATUSES.includes(c.status)) {
    reasons.push(`status ${c.status}: only ${orList(COUNTING_STATUSES)} follow-ups can be reused`);
  }
  // No validity date means not performed yet: the status reason already says why.
  if (c.validUntil !== null && !isValidOn(c.validUntil, today))
    reasons.push(`expired on ${dayAfter(c.validUntil)} (valid until ${c.validUntil})`);
  if (c.visibility !== 'SHARED') reasons.push('private to its organisation');
  return reasons;
}

function describeDecided(outcome: RequirementOutcome, { method, supplierLevel }: ReuseCandidate): string {
  switch (outcome.kind) {
    case 'LIMIT':
      return `${outcome.requirementCode} (${outcome.verdict} against your limit)`;
    case 'NOT_ADDED':
    case 'DOCUMENTATION':
      return `${outcome.requirementCode} (${outcome.kind} checked by ${method}${supplierLevel ? ' of the supplier' : ''})`;
    default:
      return assertNever(outcome.kind, 'requirement kind');
  }
}

/**
 * Decides whether the caller may rely on another organisation's follow-up for its contract.
 * Reusable when recorded by another organisation, COMPLETED or CLOSED, not retracted, valid on
 * `today`, SHARED, and deciding every addressed requirement (at least one): LIMIT by PASS or
 * FAIL against the caller's own limit (never by a supplier-level follow-up, which analysed no
 * product), NOT_ADDED and DOCUMENTATION by a document or audit method (of the product or of its supplier).
 * When not reusable, `reasons` lists every failing condition, not just the first, so the
 * caller learns at once everything that stands in the way.
 */
export function decideReuse(
  c: ReuseCandidate,
  callerOrganisationId: string,
  today: string,
  outcomes: RequirementOutcome[],
): ReuseDecision {
  const addressed = outcomes.filter((o) => o.addressed);
  const decidedOutcomes = addressed.filter((o) => undecidedReason(o, c) === null);
  const reasons = [
    ...followUpReasons(c, callerOrganisationId, today),
    ...(addressed.length === 0 ? ["addresses none of your contract's requirements"] : []),
    ...addressed.map((o) => undecidedReason(o, c)).filter((r): r is string => r !== null),
  ];
  const decided = decidedOutcomes.map((o) => ({
    requirementId: o.requirementId,
    requirementCode: o.requirementCode,
    verdict: o.verdict,
  }));
  if (reasons.length > 0) return { reusable: false, reasons, decided };
  const state = c.status.toLowerCase(); // 'completed' or 'closed'
  const summary = decidedOutcomes.map((o) => describeDecided(o, c)).join(', ');
  return {
    reusable: true,
    reasons: [`${state}, shared and valid until ${c.validUntil}; decides ${summary}`],
    decided,
  };
}
