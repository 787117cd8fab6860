import { dataOf } from '../helpers/graphql.js';
import { TOKENS, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { CatalogueFactory, type LimitInput, type Unit } from './catalogue.js';
import { uniqueGtin13, uniqueSuffix } from './identifiers.js';
import type { FollowUpStatus, Method, Severity, Visibility } from '../../src/vocabulary/vocabulary.js';

/**
 * Data builders for follow-ups. `buildFollowUp` returns a valid RecordFollowUpInput (a COMPLETED,
 * SHARED lab analysis performed 30 days ago) that a test overrides field by field; `measure`
 * and `phthalates` build results; `FollowUpFactory` drives the GraphQL API as a client would
 * and creates the products and contracts each test needs, so that every expected verdict can
 * be computed by hand from the test's own numbers (never from the demo follow-ups).
 */

export type { LimitInput, Unit };
export type { FollowUpStatus, Method, Severity, Visibility };
export type Token = (typeof TOKENS)[keyof typeof TOKENS];

/** Seeded substances the tests measure (seeds/reference/substances.json). */
export const CAS = {
  DEHP: '117-81-7',
  DBP: '84-74-2',
  BBP: '85-68-7',
  DIBP: '84-69-5',
  FORMALDEHYDE: '50-00-0',
  BAP: '50-32-8',
} as const;

/** The SUM group of K-PHT-01 (REACH Annex XVII entry 51). */
export const PHTHALATES = [CAS.DEHP, CAS.DBP, CAS.BBP, CAS.DIBP] as const;

/** The 8 PAHs of K-PAH-01 / K-PAH-02, in the library's order. */
export const PAHS = [
  '50-32-8',
  '192-97-2',
  '56-55-3',
  '218-01-9',
  '205-99-2',
  '205-82-3',
  '207-08-9',
  '53-70-3',
] as const;

export interface MeasurementInput {
  substanceCas: string;
  part: string;
  detected: boolean;
  value?: number | null;
  loq?: number | null;
  unit: Unit;
  uncertainty?: number | null;
  analyticalMethod?: string | null;
}

export interface RecordFollowUpInput {
  productId?: string | null;
  supplierId?: string | null;
  contractId?: string | null;
  requirementIds: string[];
  method: Method;
  performedOn?: string | null;
  status: FollowUpStatus;
  visibility: Visibility;
  laboratory?: string | null;
  reportReference?: string | null;
  validUntil?: string | null;
  notes?: string | null;
  confidentialNotes?: string | null;
  /** The supplier must release the report before other organisations read its details (issue 19). */
  requiresSupplierRelease?: boolean;
  measurements: MeasurementInput[];
}

export type UpdateFollowUpInput = Partial<Omit<RecordFollowUpInput, 'productId' | 'supplierId' | 'status'>>;

export interface OpenDeviationInput {
  followUpId: string;
  requirementId?: string | null;
  contractId?: string | null;
  severity: Severity;
  description: string;
  actionPlan?: string | null;
  dueDate?: string | null;
}

/** 'YYYY-MM-DD', `offsetDays` from today in UTC (the service's "today" is UTC too). */
export function isoDay(offsetDays = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}
export const daysAgo = (n: number): string => isoDay(-n);
export const daysFromNow = (n: number): string => isoDay(n);

/** `day` + years, as DOMAIN.md's default validity: 29 February becomes 28 February in a common year. */
export function plusYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day.slice(5) === '02-29' && !leap ? `${year}-02-28` : `${year}${day.slice(4)}`;
}

/** The day after `day` ('YYYY-MM-DD'). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One result: detected with a value, or not detected below an LOQ. */
export const measure = {
  detected: (
    substanceCas: string,
    part: string,
    value: number,
    unit: Unit = 'MG_PER_KG',
    o: Partial<MeasurementInput> = {},
  ): MeasurementInput => ({
    substanceCas,
    part,
    detected: true,
    value,
    unit,
    analyticalMethod: 'GC-MS, EN 14372',
    ...o,
  }),
  notDetected: (
    substanceCas: string,
    part: string,
    loq: number,
    unit: Unit = 'MG_PER_KG',
    o: Partial<MeasurementInput> = {},
  ): MeasurementInput => ({
    substanceCas,
    part,
    detected: false,
    loq,
    unit,
    analyticalMethod: 'GC-MS, EN 14372',
    ...o,
  }),
};

/**
 * The four K-PHT-01 phthalates in one part: those named in `detected` with their value, every
 * other one not detected below `loq`.
 */
export function phthalates(
  part: string,
  detected: Partial<Record<(typeof PHTHALATES)[number], number>>,
  loq = 10,
  unit: Unit = 'MG_PER_KG',
): MeasurementInput[] {
  return PHTHALATES.map((cas) =>
    detected[cas] !== undefined
      ? measure.detected(cas, part, detected[cas]!, unit)
      : measure.notDetected(cas, part, loq, unit),
  );
}

/** A valid RecordFollowUpInput: a COMPLETED, SHARED lab analysis performed 30 days ago. */
export function buildFollowUp(o: Partial<RecordFollowUpInput> = {}): RecordFollowUpInput {
  const n = uniqueSuffix();
  return {
    requirementIds: [],
    method: 'LAB_ANALYSIS',
    performedOn: daysAgo(30),
    status: 'COMPLETED',
    visibility: 'SHARED',
    laboratory: 'Eurofins Product Testing Sverige',
    reportReference: `AR-TEST-${n}`,
    notes: `Testuppföljning ${n}`,
    confidentialNotes: null,
    measurements: [],
    ...o,
  };
}

/** Selection sets the suites read back. */
export const FOLLOW_UP_FIELDS = `id status version method performedOn validUntil visibility laboratory reportReference notes confidentialNotes
  retractedReason retractedAt organisation { code name } product { id name } supplier { id name } contract { id } requirements { code }
  measurements { id part detected value loq unit uncertainty analyticalMethod substance { casNumber } }`;

export const EVALUATION_FIELDS = `verdict evaluatedOn product { id } contract { id }
  requirements {
    requirement { code } verdict limitSource explanation limit { value unit }
    parts { part verdict lowerBound upperBound
      substances { substance { casNumber name } status verdict convertedValue convertedLoq convertedUnit withinUncertainty
        measurement { id part value loq unit uncertainty } followUp { id confidentialNotes } organisation { code name } } }
    notComparable { id part value unit substance { casNumber } followUp { id } }
    followUps { id organisation { code } }
  }`;

export const REUSABLE_FIELDS =
  'reusable reasons followUp { id status organisation { code } confidentialNotes } decides { requirement { code } verdict }';

export const DEVIATION_FIELDS =
  'id severity status description actionPlan dueDate resolution organisation { code } supplier { id } requirement { code } contract { id } followUp { id }';

/** The evaluation of one requirement (by code) out of an evaluateProduct answer. */
export function requirementOf(evaluation: any, code: string): any {
  const found = evaluation.requirements.find((r: any) => r.requirement.code === code);
  if (!found)
    throw new Error(
      `requirement ${code} not in the evaluation: ${JSON.stringify(evaluation.requirements.map((r: any) => r.requirement.code))}`,
    );
  return found;
}

/** The substance row (by CAS) of a part (by label, case-insensitive) of a requirement evaluation. */
export function substanceOf(requirement: any, part: string, cas: string): any {
  const p = requirement.parts.find((x: any) => x.part.toLowerCase() === part.toLowerCase());
  if (!p) throw new Error(`part ${part} not evaluated: ${JSON.stringify(requirement.parts.map((x: any) => x.part))}`);
  const s = p.substances.find((x: any) => x.substance.casNumber === cas);
  if (!s) throw new Error(`substance ${cas} not in part ${part}`);
  return s;
}

/** Drives the follow-up API. Methods without `Raw` must succeed; `…Raw` return the response for refusals. */
export class FollowUpFactory {
  readonly catalogue: CatalogueFactory;
  private readonly requirementIds = new Map<string, string>();

  constructor(private readonly sut: TestApp) {
    this.catalogue = new CatalogueFactory(sut);
  }

  /** The id of a seeded library requirement, cached. */
  async requirementId(code: string): Promise<string> {
    let id = this.requirementIds.get(code);
    if (!id) {
      id = await this.catalogue.requirementId(code);
      this.requirementIds.set(code, id);
    }
    return id;
  }

  async requirementIdsOf(codes: string[]): Promise<string[]> {
    return Promise.all(codes.map((c) => this.requirementId(c)));
  }

  /** A fresh supplier. */
  supplier(): Promise<{ id: string; name: string }> {
    return this.catalogue.supplier();
  }

  /** A fresh product with a fresh valid GTIN-13 (check digit from gtinCheckDigit), of `supplierId`. */
  product(
    supplierId: string,
    o: { name?: string; categoryCode?: string | null; gtin?: string | null } = {},
  ): Promise<{ id: string; name: string; gtin: string | null }> {
    return this.catalogue.product({ supplierId, gtin: uniqueGtin13(), ...o }, TOKENS.skane);
  }

  /** A contract of the token's organisation with `supplierId`, listing the requirements (limit omitted or null: library default). */
  async contract(
    token: Token,
    supplierId: string,
    requirements: Array<{ code: string; limit?: LimitInput | null }>,
  ): Promise<{ id: string }> {
    const rows = await Promise.all(
      requirements.map(async (r) => ({ requirementId: await this.requirementId(r.code), limit: r.limit ?? null })),
    );
    return this.catalogue.contract({ supplierId, requirements: rows }, token);
  }

  /** Sets (adds) a requirement on a contract with its own limit, through setContractRequirement. */
  async setContractRequirement(token: Token, contractId: string, code: string, limit: LimitInput | null): Promise<any> {
    const r = await this.sut.gql(
      `mutation ($c: ID!, $r: ID!, $l: LimitInput) { setContractRequirement(contractId: $c, requirementId: $r, limit: $l) {
        id requirements { requirement { code } limit { value unit } effectiveLimit { value unit } } } }`,
      { c: contractId, r: await this.requirementId(code), l: limit },
      token,
    );
    return dataOf(r).setContractRequirement;
  }

  recordRaw(input: RecordFollowUpInput, token: Token, fields = FOLLOW_UP_FIELDS): Promise<GraphQLResponse> {
    return this.sut.gql(
      `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { ${fields} } }`,
      { input },
      token,
    );
  }

  async record(input: RecordFollowUpInput, token: Token, fields = FOLLOW_UP_FIELDS): Promise<any> {
    return dataOf(await this.recordRaw(input, token, fields)).recordFollowUp;
  }

  getRaw(id: string, token: Token, fields = FOLLOW_UP_FIELDS): Promise<GraphQLResponse> {
    return this.sut.gql(`query ($id: ID!) { followUp(id: $id) { ${fields} } }`, { id }, token);
  }

  async get(id: string, token: Token, fields = FOLLOW_UP_FIELDS): Promise<any> {
    return dataOf(await this.getRaw(id, token, fields)).followUp;
  }

  /** followUps(filter) as `token` sees them: totalCount and the ids of the first 100. */
  async list(filter: Record<string, unknown>, token: Token): Promise<{ totalCount: number; ids: string[] }> {
    const r = await this.sut.gql(
      'query ($filter: FollowUpFilter) { followUps(first: 100, filter: $filter) { totalCount nodes { id } } }',
      { filter },
      token,
    );
    const { totalCount, nodes } = dataOf(r).followUps;
    return { totalCount, ids: nodes.map((n: { id: string }) => n.id) };
  }

  updateRaw(
    id: string,
    expectedVersion: number,
    input: UpdateFollowUpInput,
    token: Token,
    fields = FOLLOW_UP_FIELDS,
  ): Promise<GraphQLResponse> {
    return this.sut.gql(
      `mutation ($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { ${fields} } }`,
      { id, v: expectedVersion, input },
      token,
    );
  }

  /**
   * start, complete or close. `expectedVersion` is sent only when given (`null` sends an explicit
   * null, which the schema allows as "not given").
   */
  transitionRaw(
    kind: 'start' | 'complete' | 'close',
    id: string,
    token: Token,
    o: { performedOn?: string; expectedVersion?: number | null } = {},
  ): Promise<GraphQLResponse> {
    const params = ['$id: ID!'];
    const args = ['id: $id'];
    const variables: Record<string, unknown> = { id };
    if (o.expectedVersion !== undefined) {
      params.push('$v: Int');
      args.push('expectedVersion: $v');
      variables.v = o.expectedVersion;
    }
    if (kind === 'complete' && o.performedOn !== undefined) {
      params.push('$p: String');
      args.push('performedOn: $p');
      variables.p = o.performedOn;
    }
    return this.sut.gql(
      `mutation (${params.join(', ')}) { result: ${kind}FollowUp(${args.join(', ')}) { id status version performedOn validUntil } }`,
      variables,
      token,
    );
  }

  retractRaw(id: string, reason: string, token: Token): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($id: ID!, $reason: String!) { result: retractFollowUp(id: $id, reason: $reason) { id status version retractedReason retractedAt } }',
      { id, reason },
      token,
    );
  }

  async retract(id: string, token: Token, reason = 'Fel prov analyserades'): Promise<any> {
    return dataOf(await this.retractRaw(id, reason, token)).result;
  }

  openDeviationRaw(input: OpenDeviationInput, token: Token): Promise<GraphQLResponse> {
    return this.sut.gql(
      `mutation ($input: OpenDeviationInput!) { openDeviation(input: $input) { ${DEVIATION_FIELDS} } }`,
      { input },
      token,
    );
  }

  async openDeviation(input: OpenDeviationInput, token: Token): Promise<any> {
    return dataOf(await this.openDeviationRaw(input, token)).openDeviation;
  }

  async resolveDeviation(id: string, token: Token, resolution = 'Åtgärdat av leverantören'): Promise<any> {
    const r = await this.sut.gql(
      `mutation ($id: ID!, $res: String) { resolveDeviation(id: $id, resolution: $res) { ${DEVIATION_FIELDS} } }`,
      { id, res: resolution },
      token,
    );
    return dataOf(r).resolveDeviation;
  }

  async updateDeviation(id: string, input: Record<string, unknown>, token: Token): Promise<any> {
    const r = await this.sut.gql(
      `mutation ($id: ID!, $input: UpdateDeviationInput!) { updateDeviation(id: $id, input: $input) { ${DEVIATION_FIELDS} } }`,
      { id, input },
      token,
    );
    return dataOf(r).updateDeviation;
  }

  evaluateRaw(
    productId: string,
    contractId: string,
    token: Token,
    options: { followUpIds?: string[]; measuredOnly?: boolean } = {},
  ): Promise<GraphQLResponse> {
    return this.sut.gql(
      `query ($p: ID!, $c: ID!, $ids: [ID!], $measuredOnly: Boolean) {
        evaluateProduct(productId: $p, contractId: $c, followUpIds: $ids, measuredOnly: $measuredOnly) { ${EVALUATION_FIELDS} }
      }`,
      { p: productId, c: contractId, ids: options.followUpIds ?? null, measuredOnly: options.measuredOnly ?? false },
      token,
    );
  }

  async evaluate(
    productId: string,
    contractId: string,
    token: Token,
    options: { followUpIds?: string[]; measuredOnly?: boolean } = {},
  ): Promise<any> {
    return dataOf(await this.evaluateRaw(productId, contractId, token, options)).evaluateProduct;
  }

  async reusable(productId: string, contractId: string, token: Token, includeRejected = false): Promise<any[]> {
    const r = await this.sut.gql(
      `query ($p: ID!, $c: ID!, $all: Boolean!) { reusableFollowUps(productId: $p, contractId: $c, includeRejected: $all) { ${REUSABLE_FIELDS} } }`,
      { p: productId, c: contractId, all: includeRejected },
      token,
    );
    return dataOf(r).reusableFollowUps;
  }

  recordReuseRaw(followUpId: string, contractId: string, token: Token): Promise<GraphQLResponse> {
    return this.sut.gql(
      'mutation ($f: ID!, $c: ID!) { recordReuse(followUpId: $f, contractId: $c) { id createdAt organisation { code } contract { id } followUp { id } } }',
      { f: followUpId, c: contractId },
      token,
    );
  }

  async supplierStatus(supplierId: string, token: Token): Promise<any> {
    const r = await this.sut.gql(
      `query ($s: ID!) { supplierStatus(supplierId: $s) { light evaluatedOn supplier { id } openDeviations { id severity dueDate } overdueDeviations { id dueDate } } }`,
      { s: supplierId },
      token,
    );
    return dataOf(r).supplierStatus;
  }

  /** The reuses and history of a follow-up, as `token` sees it. */
  async trail(id: string, token: Token): Promise<{ reuses: any[]; history: any[] }> {
    return this.get(
      id,
      token,
      'reuses { id organisation { code } contract { id } } history { type actorOrganisation { code } actorName subjectType details }',
    );
  }
}
