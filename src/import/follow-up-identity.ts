import { createHash } from 'node:crypto';
import type { NewFollowUp, NewMeasurement } from '../follow-ups/follow-up-writer.js';
import type { IdentityBasis } from '../vocabulary/vocabulary.js';

/**
 * Which stored follow-up a follow-up in a file is (docs/domain.md, "Imports"): the one whose id is
 * its `follow_up_key`; else, with a `report_reference`, its organisation's follow-up with that
 * reference; else the one with the same organisation, product (or audited supplier), method, date
 * performed and measurements. Plain functions: values in, values out.
 */

/** What a follow-up's identity and comparison read of it: a draft from a file, or a stored follow-up. */
export type ComparableFollowUp = Omit<NewFollowUp, 'id' | 'retraction' | 'importIdentity'>;

/** The fields compared, by their column in the file (the answer names a difference by its column). */
const FIELDS = [
  ['product_id', 'productId'],
  ['supplier_id', 'supplierId'],
  ['contract_id', 'contractId'],
  ['method', 'method'],
  ['status', 'status'],
  ['performed_on', 'performedOn'],
  ['valid_until', 'validUntil'],
  ['visibility', 'visibility'],
  ['laboratory', 'laboratory'],
  ['report_reference', 'reportReference'],
  ['notes', 'notes'],
  ['confidential_notes', 'confidentialNotes'],
] as const satisfies ReadonlyArray<readonly [string, keyof ComparableFollowUp]>;

export type ComparedField = (typeof FIELDS)[number][1];

/** One difference between the stored follow-up and the file's: the column, and the value on each side (null: none). */
export interface FollowUpDifference {
  field: string;
  stored: string | null;
  imported: string | null;
}

/** How the answer names requirements and substances: by code and CAS number rather than id. */
export interface Names {
  requirementCode: (id: string) => string;
  casNumber: (substanceId: string) => string;
}

const SEPARATOR = '\u001f';
const sha256 = (parts: ReadonlyArray<string | number | boolean | null>) =>
  createHash('sha256')
    .update(parts.map((p) => (p === null ? '' : String(p))).join(SEPARATOR))
    .digest('hex');

/** A measurement as the writer stores it (value and uncertainty only when detected, an LOQ only when not). */
function stored(m: NewMeasurement) {
  return {
    substanceId: m.substanceId,
    part: m.part.trim(),
    detected: m.detected,
    value: m.detected ? m.value : null,
    loq: m.detected ? null : m.loq,
    unit: m.unit,
    uncertainty: m.detected ? m.uncertainty : null,
    analyticalMethod: m.analyticalMethod || null,
  };
}

/** One measurement as text, for comparing. The part's case counts here; in the identity it does not (parts match ignoring case). */
function measurementKey(m: NewMeasurement, partKey = false): string {
  const s = stored(m);
  return [
    s.substanceId,
    partKey ? s.part.toLowerCase() : s.part,
    s.detected,
    s.value,
    s.loq,
    s.unit,
    s.uncertainty,
    s.analyticalMethod,
  ].join(SEPARATOR);
}

/** The basis of a follow-up's identity when its key is not a stored follow-up's id. */
export const identityBasis = (f: Pick<ComparableFollowUp, 'reportReference'>): IdentityBasis =>
  f.reportReference ? 'REPORT_REFERENCE' : 'CONTENT';

/**
 * The identity stored in `follow_ups.import_identity` (unique): a SHA-256 of the organisation and
 * the report reference, or of the organisation, product or supplier, method, date performed and
 * the measurements in any order. Hashed, so one index enforces both kinds, measurements included.
 */
export function importIdentity(f: ComparableFollowUp): string {
  if (f.reportReference) return sha256(['REPORT_REFERENCE', f.organisationId, f.reportReference]);
  return sha256([
    'CONTENT',
    f.organisationId,
    f.productId,
    f.productId ? null : f.supplierId,
    f.method,
    f.performedOn,
    ...f.measurements.map((m) => measurementKey(m, true)).sort(),
  ]);
}

/**
 * What differs between a stored follow-up and the file's version of it: each field, the
 * requirements (as codes) and each measurement present on one side only (in any order).
 * `ignore` leaves fields out, e.g. confidential notes the importer may not read (an export
 * leaves them empty for another organisation's follow-ups).
 */
export function differences(
  storedFollowUp: ComparableFollowUp,
  imported: ComparableFollowUp,
  names: Names,
  ignore: ReadonlySet<ComparedField> = new Set(),
): FollowUpDifference[] {
  const out: FollowUpDifference[] = [];
  for (const [column, field] of FIELDS) {
    if (ignore.has(field)) continue;
    const a = (storedFollowUp[field] as string | null) || null;
    const b = (imported[field] as string | null) || null;
    if (a !== b) out.push({ field: column, stored: a, imported: b });
  }
  const codes = (ids: readonly string[]) => ids.map(names.requirementCode).sort().join(';') || null;
  const [a, b] = [codes(storedFollowUp.requirementIds), codes(imported.requirementIds)];
  if (a !== b) out.push({ field: 'requirement_codes', stored: a, imported: b });

  const remaining = new Map<string, number>();
  for (const m of imported.measurements) {
    const k = measurementKey(m);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const onlyStored: NewMeasurement[] = [];
  for (const m of storedFollowUp.measurements) {
    const k = measurementKey(m);
    const n = remaining.get(k) ?? 0;
    if (n) remaining.set(k, n - 1);
    else onlyStored.push(m);
  }
  const onlyImported = imported.measurements.filter((m) => {
    const k = measurementKey(m);
    const n = remaining.get(k) ?? 0;
    if (n) remaining.set(k, n - 1);
    return n > 0;
  });
  for (const m of onlyStored) out.push({ field: 'measurement', stored: describe(m, names), imported: null });
  for (const m of onlyImported) out.push({ field: 'measurement', stored: null, imported: describe(m, names) });
  return out;
}

/** A measurement for a reader: `117-81-7 in "PVC": detected 120 MG_PER_KG ± 12 (GC-MS)`. */
function describe(m: NewMeasurement, names: Names): string {
  const s = stored(m);
  const result = s.detected
    ? `detected ${s.value ?? '(no value)'} ${s.unit}${s.uncertainty !== null ? ` ± ${s.uncertainty}` : ''}`
    : `not detected${s.loq !== null ? `, LOQ ${s.loq}` : ''} ${s.unit}`;
  return `${names.casNumber(s.substanceId)} in "${s.part}": ${result}${s.analyticalMethod ? ` (${s.analyticalMethod})` : ''}`;
}
