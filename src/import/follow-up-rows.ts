import { checkCasNumber, checkGtin, checkOrganisationNumber } from '../common/identifiers/identifiers.js';
import { isIsoDate } from '../common/validation/is-iso-date.js';
import { defaultValidUntil } from '../evaluation/reuse.js';
import {
  dateProblem,
  measurementProblems,
  repeatedMeasurements,
  type MeasurementProblem,
  type RequirementScope,
} from '../follow-ups/follow-up-rules.js';
import type { NewFollowUp, NewMeasurement } from '../follow-ups/follow-up-writer.js';
import {
  FOLLOW_UP_COLUMNS,
  LIST_SEPARATOR,
  MEASUREMENT_COLUMNS,
  type CsvColumn,
  type CsvRow,
  type RowError,
} from './follow-up-csv.js';
import {
  FOLLOW_UP_STATUSES,
  IMPORTABLE_STATUSES,
  isOneOf,
  METHODS,
  orList,
  UNITS,
  VISIBILITIES,
  type FollowUpStatus,
  type Method,
  type Visibility,
} from '../vocabulary/vocabulary.js';

/** What the checks need to know from the database, loaded once per file (see FollowUpImportService.references). */
export interface ImportReferences {
  organisations: Map<string, { id: string; code: string }>;
  productsById: Map<string, { id: string; supplierId: string }>;
  productsByGtin: Map<string, { id: string; supplierId: string }>;
  suppliersById: Map<string, { id: string }>;
  suppliersByNumber: Map<string, { id: string }>;
  contracts: Map<string, { id: string; organisationId: string }>;
  requirements: Map<string, { id: string; scope: RequirementScope }>;
  substances: Map<string, string>;
}

/** Who imports: the organisation rows without one are for, and whether rows may name any other. */
export interface ImportScope {
  /** The organisation of a row whose `organisation` is empty; null: the column is then required. */
  defaultOrganisationId: string | null;
  /** The only organisation rows may name (a principal's own); null: any (the operator's CLI). */
  onlyOrganisation: { id: string; code: string } | null;
  /**
   * Organisations that delegated IMPORTS to `onlyOrganisation` (id → delegation id): rows may name
   * them too, and are recorded on their behalf (SHARED, without confidential notes).
   */
  delegating?: ReadonlyMap<string, string>;
  today: string;
}

/** A checked follow-up, ready for the writer; `key` is the file's follow_up_key, which groups its rows; `row` its first row. */
export interface FollowUpDraft extends NewFollowUp {
  key: string;
  row: number;
  /**
   * For an organisation the importer may not import for: the error it is, unless the registry holds
   * the follow-up exactly so (UNCHANGED, nothing written), as for another organisation's rows in an export.
   */
  foreign?: RowError;
}

/** Rows between two progress reports. */
const PROGRESS_EVERY = 10_000;
const MAX_LENGTH: Partial<Record<CsvColumn, number>> = {
  follow_up_key: 200,
  laboratory: 200,
  report_reference: 100,
  notes: 20_000,
  confidential_notes: 20_000,
  part: 200,
  analytical_method: 200,
};
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COLUMN_OF: Record<MeasurementProblem['field'], CsvColumn> = {
  substanceCas: 'substance_cas',
  part: 'part',
  value: 'value',
  loq: 'loq',
  uncertainty: 'uncertainty',
  unit: 'unit',
};

/**
 * Checks every row of a file and turns the good ones into follow-up drafts. Pure: references come
 * in, drafts and errors go out, and nothing stops at the first problem: every bad row is listed
 * by row, column and reason. The measurement and date rules are recordFollowUp's own
 * (src/follow-ups/follow-up-rules.ts), so a file cannot store what the API would refuse.
 */
export function checkRows(
  rows: readonly CsvRow[],
  refs: ImportReferences,
  scope: ImportScope,
  onProgress?: (checked: number) => void,
): { drafts: FollowUpDraft[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (row: number, column: CsvColumn | '', reason: string) => errors.push({ row, column, reason });

  const groups = new Map<string, CsvRow[]>();
  for (const r of rows) {
    const key = r.values.follow_up_key;
    if (!key) {
      fail(r.row, 'follow_up_key', 'required: rows of one follow-up share a key');
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }

  const drafts: FollowUpDraft[] = [];
  let checked = 0;
  for (const [key, group] of groups) {
    if (onProgress && Math.floor((checked + group.length) / PROGRESS_EVERY) > Math.floor(checked / PROGRESS_EVERY))
      onProgress(checked + group.length);
    checked += group.length;
    const first = group[0]!;
    const before = errors.length;
    for (const r of group.slice(1)) {
      for (const c of FOLLOW_UP_COLUMNS) {
        if (r.values[c] !== first.values[c])
          fail(
            r.row,
            c,
            `differs from row ${first.row}, the first row of follow-up "${key}"; a follow-up's columns must be the same on all its rows`,
          );
      }
    }
    const followUp = checkFollowUp(first, refs, scope, fail);
    const measurements: NewMeasurement[] = [];
    const measurementRows: CsvRow[] = [];
    const several = group.length > 1;
    group.forEach((r) => {
      const empty = MEASUREMENT_COLUMNS.every((c) => !r.values[c]);
      if (empty && !several) return;
      if (first.values.status === 'PLANNED') {
        fail(r.row, 'substance_cas', 'a PLANNED follow-up has no results yet; import it IN_PROGRESS or COMPLETED');
        return;
      }
      const m = checkMeasurement(r, refs, followUp?.scopes ?? [], fail);
      if (m) {
        measurements.push(m);
        measurementRows.push(r);
      }
    });
    for (const { index, first } of repeatedMeasurements(measurements)) {
      const r = measurementRows[index]!;
      fail(
        r.row,
        'part',
        `substance ${r.values.substance_cas} in part "${r.values.part.trim()}" is already measured in row ${measurementRows[first]!.row} of follow-up "${key}"; a follow-up holds one result per substance and part`,
      );
    }
    if (followUp && errors.length === before) drafts.push({ ...followUp.draft, key, row: first.row, measurements });
  }
  errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { drafts, errors };
}

const ORDER = new Map<string, number>([...FOLLOW_UP_COLUMNS, ...MEASUREMENT_COLUMNS].map((c, i) => [c, i]));
const columnOrder = (c: string) => ORDER.get(c) ?? -1;

type Fail = (row: number, column: CsvColumn | '', reason: string) => void;

function checkFollowUp(
  r: CsvRow,
  refs: ImportReferences,
  scope: ImportScope,
  fail: Fail,
): { draft: Omit<FollowUpDraft, 'key' | 'row' | 'measurements'>; scopes: RequirementScope[] } | null {
  const v = r.values;
  let ok = true;
  const bad = (column: CsvColumn, reason: string) => {
    fail(r.row, column, reason);
    ok = false;
  };
  for (const [column, max] of Object.entries(MAX_LENGTH) as Array<[CsvColumn, number]>) {
    if ((FOLLOW_UP_COLUMNS as readonly string[]).includes(column) && v[column].length > max)
      bad(column, `at most ${max} characters (has ${v[column].length})`);
  }

  let organisationId: string | null = null;
  let foreign: RowError | null = null;
  if (!v.organisation) {
    organisationId = scope.defaultOrganisationId;
    if (!organisationId) bad('organisation', 'required: the code of the organisation the follow-up is for');
  } else {
    const org = refs.organisations.get(v.organisation);
    if (!org) bad('organisation', `"${v.organisation}": no organisation has this code`);
    else if (scope.onlyOrganisation && org.id !== scope.onlyOrganisation.id && !scope.delegating?.has(org.id)) {
      // Refused unless the follow-up is already stored exactly so (another organisation's rows in an export):
      // the import decides once it has looked (FollowUpImportService.plan).
      foreign = {
        row: r.row,
        column: 'organisation',
        reason: `"${v.organisation}": you can import only for your own organisation (${scope.onlyOrganisation.code}) or one that has delegated IMPORTS to it`,
      };
      organisationId = org.id;
    } else organisationId = org.id;
  }
  const delegationId =
    organisationId && scope.onlyOrganisation && organisationId !== scope.onlyOrganisation.id
      ? scope.delegating?.get(organisationId)
      : undefined;
  if (delegationId) {
    if (v.visibility && v.visibility !== 'SHARED')
      bad('visibility', 'a delegate imports SHARED follow-ups; the organisation itself decides to make one PRIVATE');
    if (v.confidential_notes)
      bad('confidential_notes', "a delegate does not write the organisation's confidential notes");
  }

  let product: { id: string; supplierId: string } | null = null;
  if (v.product_id) {
    product = refs.productsById.get(v.product_id) ?? null;
    if (!product) bad('product_id', `"${v.product_id}": no product has this id`);
  }
  if (v.product_gtin) {
    const gtin = checkGtin(v.product_gtin);
    const byGtin = gtin.ok ? refs.productsByGtin.get(gtin.value) : undefined;
    if (!gtin.ok) bad('product_gtin', `"${v.product_gtin}": ${gtin.reason}`);
    else if (!byGtin) bad('product_gtin', `"${v.product_gtin}": no product has this GTIN`);
    else if (product && product.id !== byGtin.id)
      bad('product_gtin', `"${v.product_gtin}" is another product than product_id "${v.product_id}"`);
    else product = byGtin;
  }
  let supplierId: string | null = null;
  if (v.supplier_id) {
    if (!refs.suppliersById.has(v.supplier_id)) bad('supplier_id', `"${v.supplier_id}": no supplier has this id`);
    else supplierId = v.supplier_id;
  }
  if (v.supplier_organisation_number) {
    const number = checkOrganisationNumber(v.supplier_organisation_number);
    const found = number.ok ? refs.suppliersByNumber.get(number.value) : undefined;
    if (!number.ok) bad('supplier_organisation_number', `"${v.supplier_organisation_number}": ${number.reason}`);
    else if (!found)
      bad(
        'supplier_organisation_number',
        `"${v.supplier_organisation_number}": no supplier has this organisationsnummer`,
      );
    else if (supplierId && supplierId !== found.id)
      bad(
        'supplier_organisation_number',
        `"${v.supplier_organisation_number}" is another supplier than supplier_id "${v.supplier_id}"`,
      );
    else supplierId = found.id;
  }
  if (product && supplierId && product.supplierId !== supplierId)
    bad(
      v.supplier_id ? 'supplier_id' : 'supplier_organisation_number',
      `the product's supplier is ${product.supplierId}`,
    );
  if (!v.product_id && !v.product_gtin && !v.supplier_id && !v.supplier_organisation_number) {
    bad(
      'product_id',
      'a follow-up needs a product (product_id or product_gtin) or a supplier (supplier_id or supplier_organisation_number)',
    );
  }

  let contractId: string | null = null;
  if (v.contract_id) {
    const contract = refs.contracts.get(v.contract_id);
    if (!contract) bad('contract_id', `"${v.contract_id}": no contract has this id`);
    else if (organisationId && contract.organisationId !== organisationId)
      bad('contract_id', `"${v.contract_id}": the contract belongs to another organisation`);
    else contractId = contract.id;
  }

  const codes = [
    ...new Set(
      v.requirement_codes
        .split(LIST_SEPARATOR)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = codes.filter((c) => !refs.requirements.has(c));
  if (unknown.length)
    bad('requirement_codes', `no requirement has the code ${unknown.map((c) => `"${c}"`).join(', ')}`);
  if (codes.length > 200) bad('requirement_codes', `at most 200 requirements (has ${codes.length})`);
  const requirements = codes.filter((c) => refs.requirements.has(c)).map((c) => refs.requirements.get(c)!);

  const method: Method | null = isOneOf(METHODS, v.method) ? v.method : null;
  if (!method)
    bad(
      'method',
      v.method ? `"${v.method}": must be one of ${METHODS.join(', ')}` : `required: one of ${METHODS.join(', ')}`,
    );
  const statusText = v.status || 'COMPLETED';
  const status: FollowUpStatus | null = isOneOf(IMPORTABLE_STATUSES, statusText) ? statusText : null;
  if (!status)
    bad(
      'status',
      isOneOf(FOLLOW_UP_STATUSES, statusText)
        ? `a ${statusText} follow-up cannot be imported`
        : `"${v.status}": must be one of ${IMPORTABLE_STATUSES.join(', ')}`,
    );
  const visibilityText = v.visibility || 'SHARED';
  const visibility: Visibility | null = isOneOf(VISIBILITIES, visibilityText) ? visibilityText : null;
  if (!visibility) bad('visibility', `"${v.visibility}": must be ${orList(VISIBILITIES)}`);

  let datesOk = true;
  for (const column of ['performed_on', 'valid_until'] as const) {
    if (v[column] && !isIsoDate(v[column])) {
      bad(column, `"${v[column]}": must be a date written YYYY-MM-DD`);
      datesOk = false;
    }
  }
  const performedOn = v.performed_on || null;
  const validUntil = v.valid_until || (performedOn && datesOk ? defaultValidUntil(performedOn) : null);
  if (datesOk && status) {
    const problem = dateProblem(status, performedOn, v.valid_until || null, scope.today);
    if (problem) bad(problem.field === 'performedOn' ? 'performed_on' : 'valid_until', problem.reason);
  }

  if (!ok || !organisationId || !method || !status || !visibility) return null;
  return {
    draft: {
      organisationId,
      ...(delegationId ? { recordedBy: { organisationId: scope.onlyOrganisation!.id, delegationId } } : {}),
      ...(foreign ? { foreign } : {}),
      productId: product?.id ?? null,
      supplierId: product?.supplierId ?? supplierId!,
      contractId,
      requirementIds: requirements.map((r) => r.id),
      method,
      status,
      performedOn,
      validUntil,
      visibility,
      laboratory: v.laboratory || null,
      reportReference: v.report_reference || null,
      notes: v.notes || null,
      confidentialNotes: v.confidential_notes || null,
    },
    scopes: requirements.map((r) => r.scope),
  };
}

/** CAS checks, remembered: a file repeats the same few hundred substances in every row. */
const CAS_CHECKS = new Map<string, ReturnType<typeof checkCasNumber>>();
function casCheck(text: string): ReturnType<typeof checkCasNumber> {
  let check = CAS_CHECKS.get(text);
  if (!check) {
    check = checkCasNumber(text);
    if (CAS_CHECKS.size < 10_000) CAS_CHECKS.set(text, check);
  }
  return check;
}

function checkMeasurement(
  r: CsvRow,
  refs: ImportReferences,
  scopes: RequirementScope[],
  fail: Fail,
): NewMeasurement | null {
  const v = r.values;
  let ok = true;
  const bad = (column: CsvColumn, reason: string) => {
    fail(r.row, column, reason);
    ok = false;
  };
  for (const column of ['part', 'analytical_method'] as const) {
    if (v[column].length > MAX_LENGTH[column]!)
      bad(column, `at most ${MAX_LENGTH[column]} characters (has ${v[column].length})`);
  }
  let substanceId: string | null = null;
  let casOk = false;
  if (!v.substance_cas) bad('substance_cas', 'required: the CAS number of the substance measured');
  else {
    const cas = casCheck(v.substance_cas);
    if (!cas.ok) bad('substance_cas', `"${v.substance_cas}": ${cas.reason}`);
    else {
      casOk = true;
      substanceId = refs.substances.get(cas.value) ?? null;
    }
  }
  const detected = v.detected.toLowerCase();
  if (detected !== 'true' && detected !== 'false')
    bad('detected', v.detected ? `"${v.detected}": must be true or false` : 'required: true or false');
  const unit = isOneOf(UNITS, v.unit) ? v.unit : null;
  if (!unit)
    bad('unit', v.unit ? `"${v.unit}": must be one of ${UNITS.join(', ')}` : `required: one of ${UNITS.join(', ')}`);
  const numbers: Record<'value' | 'loq' | 'uncertainty', number | null> = { value: null, loq: null, uncertainty: null };
  let numbersOk = true;
  for (const column of ['value', 'loq', 'uncertainty'] as const) {
    if (!v[column]) continue;
    const n = NUMBER.test(v[column]) ? Number(v[column]) : Number.NaN;
    if (!Number.isFinite(n)) {
      bad(column, `"${v[column]}": must be a number written with a decimal point, e.g. 0.05`);
      numbersOk = false;
    } else numbers[column] = n;
  }
  const values = {
    part: v.part,
    detected: detected === 'true',
    value: numbers.value,
    loq: numbers.loq,
    uncertainty: numbers.uncertainty,
  };
  // The shared rules, once the columns themselves are readable; an unknown substance is reported there.
  if (casOk && numbersOk && (detected === 'true' || detected === 'false') && unit) {
    for (const p of measurementProblems({ ...values, unit }, v.substance_cas, substanceId, scopes))
      bad(COLUMN_OF[p.field], p.reason);
  }
  if (!ok || !substanceId || !unit) return null;
  return { substanceId, ...values, unit, analyticalMethod: v.analytical_method || null };
}
