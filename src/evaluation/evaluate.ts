/**
 * The verdict rules of DOMAIN.md ("The rules that make results reusable"): one substance in one
 * part against a limit, the SUM of listed substances per part, and the requirement verdict over
 * all parts. Pure functions over plain values, so the rules can be read and tested on their own.
 */
import { assertNever } from '../vocabulary/assert-never.js';
import type { Aggregation, SubstanceStatus, Unit, Verdict } from '../vocabulary/vocabulary.js';
import { areComparable, convert, roundSignificant, sumExact } from './units.js';

/** One measured substance in one part, with the facts of the follow-up it came from. */
export interface MeasurementFact {
  measurementId: string;
  followUpId: string;
  organisationId: string;
  /** 'YYYY-MM-DD' the follow-up was performed. */
  performedOn: string;
  /** ISO timestamp of recording; breaks ties when performedOn is equal (later wins). */
  recordedAt: string;
  substanceId: string;
  /** Part or material label as typed, e.g. " PVC surface ". */
  part: string;
  detected: boolean;
  /** The measured value, when detected. */
  value: number | null;
  /** Limit of quantification, when not detected. */
  loq: number | null;
  /** Unit of value, loq and uncertainty. */
  unit: Unit;
  /** Expanded uncertainty U, in the same unit as value. */
  uncertainty: number | null;
}

/** One contract's limit for a LIMIT requirement. */
export interface LimitRule {
  /** Greater than zero. */
  value: number;
  unit: Unit;
  aggregation: Aggregation;
  /** The substances in scope: the listed substances of the requirement. */
  substanceIds: readonly string[];
}

export interface SubstanceResult {
  substanceId: string;
  status: SubstanceStatus;
  /** PASS, FAIL or INCONCLUSIVE for EACH; null when not measured, not comparable, or SUM. */
  verdict: Verdict | null;
  /** The deciding (most recent) measurement, also when it is not comparable. */
  measurement: MeasurementFact | null;
  /** Value in the limit's unit. */
  convertedValue: number | null;
  /** LOQ in the limit's unit. */
  convertedLoq: number | null;
  /** |v − L| ≤ U, for detected values under EACH; false otherwise. */
  withinUncertainty: boolean;
}

export interface PartResult {
  /** Display label: trimmed, as written in the most recent deciding measurement of the part. */
  part: string;
  /** Normalised key: trimmed and lower case. */
  partKey: string;
  /** PASS, FAIL, INCONCLUSIVE or INCOMPLETE. */
  verdict: Verdict;
  /** SUM only, in the limit's unit: the sum of detected values. */
  lowerBound: number | null;
  /**
   * SUM only, in the limit's unit: lowerBound plus the LOQs of the measured substances that were
   * not detected. It covers the measured substances only, so in an INCOMPLETE part it is not an
   * upper bound of the true sum. Null when a measured substance lacks its number (see
   * {@link evaluateSubstance}).
   */
  upperBound: number | null;
  /** One per substance in scope, in the order of the rule, including NOT_MEASURED ones. */
  substances: SubstanceResult[];
}

export interface RequirementEvaluation {
  verdict: Verdict;
  limit: { value: number; unit: Unit; aggregation: Aggregation };
  parts: PartResult[];
  /** Deciding measurements whose unit cannot be compared with the limit's unit. */
  notComparable: MeasurementFact[];
  /** Distinct follow-ups whose comparable measurements decided something, sorted. */
  followUpIds: string[];
}

export interface SubstanceEvaluation {
  status: SubstanceStatus;
  verdict: Verdict | null;
  convertedValue: number | null;
  convertedLoq: number | null;
  withinUncertainty: boolean;
}

export interface SumEvaluation {
  verdict: Verdict;
  lowerBound: number;
  upperBound: number | null;
}

/** Parts match by label ignoring case and surrounding spaces. */
export function normalisePart(label: string): string {
  return label.trim().toLowerCase();
}

function selectionKey(m: MeasurementFact): string {
  return `${normalisePart(m.part)}\u0000${m.substanceId}`;
}

function compareTimestamps(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  // Parse rather than compare strings: "…T10:00:00+02:00" is earlier than "…T09:00:00Z".
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders measurements from least to most recent: by performedOn, then recordedAt, then
 * measurementId, so that the choice never depends on the order the database returned rows in.
 */
export function compareRecency(a: MeasurementFact, b: MeasurementFact): number {
  if (a.performedOn !== b.performedOn) return a.performedOn < b.performedOn ? -1 : 1;
  const byRecording = compareTimestamps(a.recordedAt, b.recordedAt);
  if (byRecording !== 0) return byRecording;
  return a.measurementId < b.measurementId ? -1 : a.measurementId > b.measurementId ? 1 : 0;
}

/**
 * The most recently performed measurement per (part, substance), keyed
 * `${partKey}\u0000${substanceId}`. Selection comes before the comparability check: a newer
 * measurement in an incomparable unit still replaces an older comparable one, because the
 * newer one is what the product is now known to be.
 */
export function selectMostRecent(measurements: readonly MeasurementFact[]): Map<string, MeasurementFact> {
  const selected = new Map<string, MeasurementFact>();
  for (const m of measurements) {
    const key = selectionKey(m);
    const current = selected.get(key);
    if (current === undefined || compareRecency(m, current) > 0) selected.set(key, m);
  }
  return selected;
}

function convertOrNull(value: number | null, from: Unit, to: Unit): number | null {
  return value === null ? null : convert(value, from, to);
}

/**
 * Simple acceptance (ILAC-G8): the uncertainty never changes the verdict, it only warns the
 * reader that the value lies within U of the limit. The difference is rounded so that
 * 1.1 − 1.0 counts as 0.1, not 0.10000000000000009.
 */
function isWithinUncertainty(value: number | null, limit: number, uncertainty: number | null): boolean {
  if (value === null || uncertainty === null) return false;
  return roundSignificant(Math.abs(value - limit)) <= uncertainty;
}

/**
 * Evaluates one substance in one part against a limit L (rule EACH).
 * - detected, value v: PASS if v ≤ L, FAIL if v > L;
 * - not detected, LOQ q: PASS if q ≤ L, INCONCLUSIVE if q > L (the method could not have shown
 *   compliance with so strict a limit);
 * - a unit of another dimension: NOT_COMPARABLE, no verdict.
 * A measurement missing its number (detected without a value, not detected without an LOQ) is
 * INCONCLUSIVE: it was measured, but shows nothing about the limit, and must never pass silently.
 */
export function evaluateSubstance(m: MeasurementFact, limit: { value: number; unit: Unit }): SubstanceEvaluation {
  if (!areComparable(m.unit, limit.unit)) {
    return {
      status: 'NOT_COMPARABLE',
      verdict: null,
      convertedValue: null,
      convertedLoq: null,
      withinUncertainty: false,
    };
  }
  const convertedValue = m.detected ? convertOrNull(m.value, m.unit, limit.unit) : null;
  const convertedLoq = m.detected ? null : convertOrNull(m.loq, m.unit, limit.unit);
  const uncertainty = convertOrNull(m.uncertainty, m.unit, limit.unit);
  return {
    status: 'MEASURED',
    verdict: substanceVerdict(m.detected, convertedValue, convertedLoq, limit.value),
    convertedValue,
    convertedLoq,
    withinUncertainty: m.detected && isWithinUncertainty(convertedValue, limit.value, uncertainty),
  };
}

function substanceVerdict(detected: boolean, value: number | null, loq: number | null, limit: number): Verdict {
  if (detected) return value === null ? 'INCONCLUSIVE' : value <= limit ? 'PASS' : 'FAIL';
  return loq === null ? 'INCONCLUSIVE' : loq <= limit ? 'PASS' : 'INCONCLUSIVE';
}

/**
 * SUM aggregation in one part ("individually or in combination", REACH Annex XVII entry 51):
 * lower = sum of detected values; upper = lower + the LOQs of the non-detected substances, since
 * each could be present just below its LOQ. FAIL if lower > L (even when a listed substance is
 * missing, as more substances can only add); else INCOMPLETE if a listed substance is not
 * measured or not comparable; else PASS if upper ≤ L; else INCONCLUSIVE.
 * A measured substance without its number leaves upper unknown (null), so the part cannot PASS.
 */
export function evaluateSum(substances: readonly SubstanceResult[], limit: number): SumEvaluation {
  const measured = substances.filter((s) => s.status === 'MEASURED');
  const detected = measured.filter((s) => s.measurement?.detected === true);
  const notDetected = measured.filter((s) => s.measurement?.detected !== true);
  const lowerBound = sumExact(detected.map((s) => s.convertedValue ?? 0));
  const upperTerms = [...detected.map((s) => s.convertedValue), ...notDetected.map((s) => s.convertedLoq)];
  const upperBound = upperTerms.every((t) => t !== null) ? sumExact(upperTerms as number[]) : null;
  return {
    verdict: sumVerdict(lowerBound, upperBound, measured.length === substances.length, limit),
    lowerBound,
    upperBound,
  };
}

function sumVerdict(lower: number, upper: number | null, complete: boolean, limit: number): Verdict {
  if (lower > limit) return 'FAIL';
  if (!complete) return 'INCOMPLETE';
  return upper !== null && upper <= limit ? 'PASS' : 'INCONCLUSIVE';
}

/**
 * The EACH verdict of one part: FAIL if any substance FAILs; else INCONCLUSIVE if any is
 * INCONCLUSIVE; else INCOMPLETE if any substance in scope is not measured (or not comparable);
 * else PASS.
 */
export function eachPartVerdict(substances: readonly SubstanceResult[]): Verdict {
  if (substances.some((s) => s.verdict === 'FAIL')) return 'FAIL';
  if (substances.some((s) => s.verdict === 'INCONCLUSIVE')) return 'INCONCLUSIVE';
  if (substances.some((s) => s.status !== 'MEASURED')) return 'INCOMPLETE';
  return 'PASS';
}

/**
 * The requirement verdict from the part verdicts: FAIL if any FAIL; else INCONCLUSIVE if any
 * INCONCLUSIVE; else NO_DATA if nothing in scope was measured comparably (also when there are no
 * parts at all); else INCOMPLETE if some part lacks a substance; else PASS.
 * @param measuredAny whether any substance in scope has a comparable measurement. It is needed
 *   because a part whose measurements are all not comparable is INCOMPLETE, yet the requirement
 *   then has no data at all.
 */
export function combineVerdicts(partVerdicts: readonly Verdict[], measuredAny: boolean): Verdict {
  if (partVerdicts.includes('FAIL')) return 'FAIL';
  if (partVerdicts.includes('INCONCLUSIVE')) return 'INCONCLUSIVE';
  if (!measuredAny || partVerdicts.length === 0) return 'NO_DATA';
  if (partVerdicts.some((v) => v !== 'PASS')) return 'INCOMPLETE';
  return 'PASS';
}

function notMeasured(substanceId: string): SubstanceResult {
  return {
    substanceId,
    status: 'NOT_MEASURED',
    verdict: null,
    measurement: null,
    convertedValue: null,
    convertedLoq: null,
    withinUncertainty: false,
  };
}

function substanceResult(substanceId: string, m: MeasurementFact | undefined, rule: LimitRule): SubstanceResult {
  if (m === undefined) return notMeasured(substanceId);
  const evaluation = evaluateSubstance(m, rule);
  switch (rule.aggregation) {
    case 'EACH':
      return { substanceId, measurement: m, ...evaluation };
    case 'SUM':
      // Under SUM a single substance decides nothing on its own: only the part's sum has a verdict.
      return { substanceId, measurement: m, ...evaluation, verdict: null, withinUncertainty: false };
    default:
      return assertNever(rule.aggregation, 'aggregation');
  }
}

function evaluatePart(
  partKey: string,
  deciding: MeasurementFact[],
  substanceIds: string[],
  rule: LimitRule,
): PartResult {
  const bySubstance = new Map(deciding.map((m) => [m.substanceId, m]));
  const substances = substanceIds.map((id) => substanceResult(id, bySubstance.get(id), rule));
  const label = deciding.reduce((a, b) => (compareRecency(b, a) > 0 ? b : a)).part.trim();
  switch (rule.aggregation) {
    case 'EACH':
      return {
        part: label,
        partKey,
        verdict: eachPartVerdict(substances),
        lowerBound: null,
        upperBound: null,
        substances,
      };
    case 'SUM': {
      const sum = evaluateSum(substances, rule.value);
      return {
        part: label,
        partKey,
        verdict: sum.verdict,
        lowerBound: sum.lowerBound,
        upperBound: sum.upperBound,
        substances,
      };
    }
    default:
      return assertNever(rule.aggregation, 'aggregation');
  }
}

function groupByPart(deciding: Iterable<MeasurementFact>): Map<string, MeasurementFact[]> {
  const parts = new Map<string, MeasurementFact[]>();
  for (const m of deciding) {
    const key = normalisePart(m.part);
    parts.set(key, [...(parts.get(key) ?? []), m]);
  }
  return parts;
}

function assertValidLimit(rule: LimitRule): void {
  if (!Number.isFinite(rule.value) || rule.value <= 0) {
    throw new RangeError(`limit value must be a number greater than zero, got ${rule.value}`);
  }
}

/**
 * Evaluates measurements against one contract's limit. The caller has already chosen the
 * follow-ups that count (completed or closed, not retracted, valid, visible); measurements of
 * substances outside the rule are ignored. Parts are the distinct part keys of in-scope
 * measurements, sorted by key; in each, the most recent measurement per substance decides.
 * @throws RangeError when the limit value is not greater than zero.
 */
export function evaluateLimit(rule: LimitRule, measurements: readonly MeasurementFact[]): RequirementEvaluation {
  assertValidLimit(rule);
  const substanceIds = [...new Set(rule.substanceIds)];
  const inScope = measurements.filter((m) => substanceIds.includes(m.substanceId));
  const byPart = groupByPart(selectMostRecent(inScope).values());
  const parts = [...byPart.keys()].sort().map((key) => evaluatePart(key, byPart.get(key) ?? [], substanceIds, rule));
  const results = parts.flatMap((p) => p.substances);
  const measured = results.filter((s) => s.status === 'MEASURED');
  return {
    verdict: combineVerdicts(
      parts.map((p) => p.verdict),
      measured.length > 0,
    ),
    limit: { value: rule.value, unit: rule.unit, aggregation: rule.aggregation },
    parts,
    notComparable: results.filter((s) => s.status === 'NOT_COMPARABLE').map((s) => s.measurement as MeasurementFact),
    followUpIds: [...new Set(measured.map((s) => (s.measurement as MeasurementFact).followUpId))].sort(),
  };
}
