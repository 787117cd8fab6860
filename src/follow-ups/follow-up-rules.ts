import { areComparable, UNIT_SYMBOLS } from '../evaluation/units.js';
import {
  FOLLOW_UP_STATUS_RULES,
  FOLLOW_UP_STATUSES,
  orList,
  type FollowUpStatus,
  type Unit,
} from '../vocabulary/vocabulary.js';

/**
 * The write rules of follow-ups as pure functions, shared by every path that stores one
 * (recordFollowUp, updateFollowUp, importFollowUps and the dataset generator), so a CSV file
 * cannot store what the API would refuse. Callers resolve references (substances, requirements)
 * and decide how to name fields in their messages; these functions only judge values.
 */

/** One result as a writer gives it, before it is stored (recordFollowUp's input, or a CSV row). */
export interface MeasurementValues {
  part: string;
  detected: boolean;
  value?: number | null;
  loq?: number | null;
  unit: Unit;
  uncertainty?: number | null;
}

/** A checked requirement as far as the rules need it: its code, its limit's unit, its substances. */
export interface RequirementScope {
  code: string;
  unit: Unit | null;
  substanceIds: ReadonlySet<string>;
}

/** Which input field a problem is about, and why (the reason reads well after `field: `). */
export interface MeasurementProblem {
  field: 'substanceCas' | 'part' | 'value' | 'loq' | 'uncertainty' | 'unit';
  reason: string;
}

/**
 * The rules every stored measurement obeys, whichever way it comes in (recordFollowUp,
 * updateFollowUp, importFollowUps, the dataset generator): a known substance; a part that is not
 * blank; a detected result has a value and no LOQ; a result not detected has a positive LOQ, and
 * neither a value nor an uncertainty; and its unit must be comparable with the limit of every
 * checked requirement that has the substance in scope (a mg/L migration cannot decide a % w/w
 * limit). Pure: the caller resolves the substance (`substanceId` null when unknown) and the
 * requirements, and decides how to name the fields in its messages. Every problem is returned.
 */
export function measurementProblems(
  m: MeasurementValues,
  substanceCas: string,
  substanceId: string | null,
  requirements: readonly RequirementScope[],
): MeasurementProblem[] {
  const problems: MeasurementProblem[] = [];
  const given = (x: number | null | undefined): x is number => x !== null && x !== undefined;
  if (!substanceId)
    problems.push({ field: 'substanceCas', reason: `"${substanceCas}": no substance has this CAS number` });
  if (!m.part.trim()) problems.push({ field: 'part', reason: 'must not be blank' });
  if (m.detected) {
    if (!given(m.value)) problems.push({ field: 'value', reason: 'a detected result needs a value' });
    else if (m.value < 0) problems.push({ field: 'value', reason: 'must not be negative' });
    if (given(m.loq))
      problems.push({
        field: 'loq',
        reason: 'an LOQ is given only for a result that was not detected (detected: false)',
      });
  } else {
    if (!given(m.loq))
      problems.push({ field: 'loq', reason: 'a result not detected needs the limit of quantification (loq)' });
    else if (m.loq <= 0) problems.push({ field: 'loq', reason: 'must be positive' });
    if (given(m.value))
      problems.push({ field: 'value', reason: 'a result not detected has no value; give its loq instead' });
    if (given(m.uncertainty))
      problems.push({ field: 'uncertainty', reason: 'only a detected value has an uncertainty' });
  }
  if (m.detected && given(m.uncertainty) && m.uncertainty < 0)
    problems.push({ field: 'uncertainty', reason: 'must not be negative' });
  if (substanceId) {
    for (const r of requirements) {
      if (r.unit && r.substanceIds.has(substanceId) && !areComparable(m.unit, r.unit)) {
        problems.push({
          field: 'unit',
          reason: `${m.unit} (${UNIT_SYMBOLS[m.unit]}) does not fit requirement ${r.code}, whose limit is in ${UNIT_SYMBOLS[r.unit]}`,
        });
      }
    }
  }
  return problems;
}

/** The key a part matches by: its label, ignoring case and surrounding spaces (as the evaluation matches parts). */
export const partKeyOf = (part: string): string => part.trim().toLowerCase();

/** A result that repeats an earlier one of the same follow-up: its position and the earlier one's. */
export interface RepeatedMeasurement {
  index: number;
  first: number;
}

/**
 * One follow-up holds at most one result per substance and part: two would leave the evaluation to
 * pick one of them at random (which one counts is not a fact of the analysis). Every result after
 * the first of its substance and part (parts matched by `partKeyOf`) is returned, with the first's
 * position. Results whose substance is unknown (`substanceId` null) are left to measurementProblems.
 */
export function repeatedMeasurements(
  measurements: ReadonlyArray<{ substanceId: string | null; part: string }>,
): RepeatedMeasurement[] {
  const firsts = new Map<string, number>();
  const repeated: RepeatedMeasurement[] = [];
  measurements.forEach((m, index) => {
    if (!m.substanceId) return;
    const key = `${m.substanceId}\u0000${partKeyOf(m.part)}`;
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, index);
    else repeated.push({ index, first });
  });
  return repeated;
}

/** Formats a problem the way recordFollowUp reports it: `measurements[2].loq: must be positive`. */
export const describeProblem = (at: string, p: MeasurementProblem): string =>
  p.field === 'substanceCas' ? `${at}.substanceCas ${p.reason}` : `${at}.${p.field}: ${p.reason}`;

/** Builds the requirement scopes from requirement rows and their substance links. */
export function requirementScopes(
  requirements: ReadonlyArray<{ id: string; code: string; defaultLimitUnit: Unit | null }>,
  links: ReadonlyArray<{ requirementId: string; substanceId: string }>,
): RequirementScope[] {
  return requirements.map((r) => ({
    code: r.code,
    unit: r.defaultLimitUnit,
    substanceIds: new Set(links.filter((l) => l.requirementId === r.id).map((l) => l.substanceId)),
  }));
}

/** The statuses a follow-up may be dated in the future in (PLANNED). */
const FUTURE_STATUSES = FOLLOW_UP_STATUSES.filter((s) => FOLLOW_UP_STATUS_RULES[s].future);

/** A date problem of a follow-up: which field, and why. */
export interface DateProblem {
  field: 'performedOn' | 'validUntil';
  reason: string;
}

/**
 * The date rules: a COMPLETED or CLOSED follow-up has a performedOn; only a PLANNED one may be
 * performed in the future; validUntil is not before performedOn. The first problem, or null.
 */
export function dateProblem(
  status: FollowUpStatus,
  performedOn: string | null,
  validUntil: string | null,
  today: string,
): DateProblem | null {
  const rule = FOLLOW_UP_STATUS_RULES[status];
  if (rule.performed && !performedOn)
    return { field: 'performedOn', reason: `a ${status} follow-up needs the date it was performed` };
  if (!rule.future && performedOn && performedOn > today)
    return {
      field: 'performedOn',
      reason: `"${performedOn}": cannot be in the future unless the follow-up is ${orList(FUTURE_STATUSES)}`,
    };
  if (performedOn && validUntil && validUntil < performedOn)
    return { field: 'validUntil', reason: `"${validUntil}": must not be before performedOn "${performedOn}"` };
  return null;
}
