/**
 * The closed lists of the domain (DOMAIN.md), each defined here once, `as const`, and everything
 * else derives from them: the TypeScript types below, the GraphQL enums (registered on the Nest
 * side from these lists, src/common/graphql-enums.ts), input validation (`@IsIn(LIST)`), the
 * CSV import, the entity column types and the seed checks. Plain TypeScript: no framework imports.
 *
 * Where the code must know something about each value, that knowledge is a table keyed by the
 * type (`Record<Method, …>`) or a `switch` ending in `assertNever`: adding a value to a list then
 * fails to compile at every place that has to decide what the new value means, instead of it
 * silently falling into some `else`.
 */

// ---------------------------------------------------------------------------------------------
// Limits and measurements

/** Units of limits and results (DOMAIN.md "Units"); their symbols and conversions: src/evaluation/units.ts. */
export const UNITS = [
  'PERCENT_WW',
  'MG_PER_KG',
  'PPM',
  'UG_PER_G',
  'MG_PER_L',
  'UG_PER_L',
  'MG_PER_M3',
  'UG_PER_M3',
  'UG_PER_CM2_WEEK',
] as const;
export type Unit = (typeof UNITS)[number];

/** EACH substance individually, or the SUM of the listed substances ("individually or in combination"). */
export const AGGREGATIONS = ['EACH', 'SUM'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** LIMIT: a measured threshold; NOT_ADDED: not intentionally added (a declaration); DOCUMENTATION: e.g. a safety data sheet. */
export const REQUIREMENT_KINDS = ['LIMIT', 'NOT_ADDED', 'DOCUMENTATION'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/**
 * Whether a requirement of each kind has a limit: a LIMIT needs one; NOT_ADDED may add one ("not
 * added, and ≤ 0.1 %"); DOCUMENTATION has none. Checked when a requirement or a contract's own
 * limit is written.
 */
export const LIMIT_OF_KIND: Record<RequirementKind, 'REQUIRED' | 'OPTIONAL' | 'NONE'> = {
  LIMIT: 'REQUIRED',
  NOT_ADDED: 'OPTIONAL',
  DOCUMENTATION: 'NONE',
};

/** What the limit is a fraction of: "0.1 % per part" is not "0.1 % of the article". */
export const LIMIT_BASES = ['HOMOGENEOUS_MATERIAL', 'PART', 'ARTICLE', 'MIXTURE'] as const;
export type LimitBasis = (typeof LIMIT_BASES)[number];

/** Where the limit used in an evaluation comes from: the contract's own, else the library default. */
export const LIMIT_SOURCES = ['CONTRACT', 'LIBRARY'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

/** Regulatory lists a substance may be on. */
export const REGULATORY_LISTS = [
  'REACH_CANDIDATE_LIST',
  'REACH_ANNEX_XIV',
  'REACH_ANNEX_XVII',
  'ROHS',
  'POPS',
  'CLP_CMR',
] as const;
export type RegulatoryList = (typeof REGULATORY_LISTS)[number];

// ---------------------------------------------------------------------------------------------
// Follow-ups

export const METHODS = ['LAB_ANALYSIS', 'DOCUMENT_REVIEW', 'SUPPLIER_DECLARATION', 'DESK_AUDIT', 'SITE_AUDIT'] as const;
export type Method = (typeof METHODS)[number];

/**
 * What a method can show. A laboratory MEASURES substances, which decides LIMIT requirements; a
 * document review, a declaration or an audit shows what papers and processes say, which is what
 * decides NOT_ADDED and DOCUMENTATION requirements (a lab cannot show intent).
 */
export const EVIDENCE_OF_METHOD: Record<Method, 'MEASUREMENT' | 'DOCUMENT' | 'AUDIT'> = {
  LAB_ANALYSIS: 'MEASUREMENT',
  DOCUMENT_REVIEW: 'DOCUMENT',
  SUPPLIER_DECLARATION: 'DOCUMENT',
  DESK_AUDIT: 'AUDIT',
  SITE_AUDIT: 'AUDIT',
};

/** Methods that can decide NOT_ADDED and DOCUMENTATION requirements: the document-based and audit ones. */
export const DOCUMENT_OR_AUDIT_METHODS: readonly Method[] = METHODS.filter(
  (m) => EVIDENCE_OF_METHOD[m] !== 'MEASUREMENT',
);

/** PLANNED → IN_PROGRESS → COMPLETED → CLOSED; RETRACTED at any point, never deleted. */
export const FOLLOW_UP_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'RETRACTED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What the rules need to know about each status. */
export interface FollowUpStatusRule {
  /** Its results count: evaluation, reuse and the public statistics read them (done, not retracted). */
  counts: boolean;
  /** It needs the date it was performed. */
  performed: boolean;
  /** It may be dated in the future (only what is still planned). */
  future: boolean;
  /** recordFollowUp may create a follow-up in it. */
  recordable: boolean;
  /** importFollowUps may create a follow-up in it. */
  importable: boolean;
}

export const FOLLOW_UP_STATUS_RULES: Record<FollowUpStatus, FollowUpStatusRule> = {
  PLANNED: { counts: false, performed: false, future: true, recordable: true, importable: true },
  IN_PROGRESS: { counts: false, performed: false, future: false, recordable: true, importable: true },
  COMPLETED: { counts: true, performed: true, future: false, recordable: true, importable: true },
  CLOSED: { counts: true, performed: true, future: false, recordable: false, importable: true },
  RETRACTED: { counts: false, performed: false, future: false, recordable: false, importable: false },
};

const statusesWhere = (rule: keyof FollowUpStatusRule): readonly FollowUpStatus[] =>
  FOLLOW_UP_STATUSES.filter((s) => FOLLOW_UP_STATUS_RULES[s][rule]);

/** COMPLETED and CLOSED: the follow-ups whose results count. */
export const COUNTING_STATUSES = statusesWhere('counts');
/** The statuses recordFollowUp accepts. */
export const RECORDABLE_STATUSES = statusesWhere('recordable');
/** The statuses importFollowUps accepts. */
export const IMPORTABLE_STATUSES = statusesWhere('importable');

/** SHARED: all members read it; PRIVATE: its organisation only. */
export const VISIBILITIES = ['SHARED', 'PRIVATE'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

// ---------------------------------------------------------------------------------------------
// Deviations

export const SEVERITIES = ['OBSERVATION', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Whether a deviation of each severity demands something (and so colours a traffic light): observations only note. */
export const SEVERITY_DEMANDS_ACTION: Record<Severity, boolean> = {
  OBSERVATION: false,
  MINOR: true,
  MAJOR: true,
  CRITICAL: true,
};

/** OPEN → ACTION_PLAN_AGREED → RESOLVED. */
export const DEVIATION_STATUSES = ['OPEN', 'ACTION_PLAN_AGREED', 'RESOLVED'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

/** Whether a deviation in each status is resolved (settled), or still waits for the supplier. */
export const DEVIATION_STATUS_RESOLVED: Record<DeviationStatus, boolean> = {
  OPEN: false,
  ACTION_PLAN_AGREED: false,
  RESOLVED: true,
};

/** OPEN and ACTION_PLAN_AGREED: the statuses of a deviation that still counts against the supplier. */
export const UNRESOLVED_DEVIATION_STATUSES: readonly DeviationStatus[] = DEVIATION_STATUSES.filter(
  (s) => !DEVIATION_STATUS_RESOLVED[s],
);

/**
 * A supplier's answer to a deviation (respondToDeviation): PROPOSED until the opening organisation
 * ACCEPTs it (the deviation becomes ACTION_PLAN_AGREED, due by the plan's date) or REJECTs it.
 */
export const ACTION_PLAN_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

/** RED: a deviation past its due date unresolved; YELLOW: deviations open but in time; GREEN: none open. */
export const TRAFFIC_LIGHTS = ['RED', 'YELLOW', 'GREEN'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

// ---------------------------------------------------------------------------------------------
// Evaluation

export const VERDICTS = ['PASS', 'FAIL', 'INCONCLUSIVE', 'INCOMPLETE', 'NO_DATA'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a substance in scope stands in one part: measured, not measured, or measured in a unit that cannot be compared. */
export const SUBSTANCE_STATUSES = ['MEASURED', 'NOT_MEASURED', 'NOT_COMPARABLE'] as const;
export type SubstanceStatus = (typeof SUBSTANCE_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Members and access

/** SUPPLIER: a supplier's own organisation in KemKollen, holding its supplier members (organisations.supplier_id). */
export const ORGANISATION_KINDS = ['REGION', 'MUNICIPALITY', 'OTHER', 'SUPPLIER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Roles, lowest first: each includes the rights of the ones before it. SUPPLIER, below READER, is
 * the role of a supplier member: it reaches only the operations opened to it (`@Allow(Role.SUPPLIER)`),
 * and there only its own supplier's SHARED follow-ups (src/follow-ups/follow-up-access.ts).
 */
export const ROLES = ['SUPPLIER', 'READER', 'CONTACT_PERSON', 'COORDINATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** MEMBER: a person of the organisation; API_CLIENT: another tool acting for it. */
export const PRINCIPAL_KINDS = ['MEMBER', 'API_CLIENT'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** A token's state as an administrator sees it; REVOKED wins over EXPIRED. */
export const TOKEN_STATUSES = ['ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/**
 * What an organisation may let another do for it (grantDelegation): create and keep contracts,
 * record follow-ups, import rows of follow-ups. Nothing else is delegated.
 */
export const DELEGATION_SCOPES = ['CONTRACTS', 'FOLLOW_UPS', 'IMPORTS'] as const;
export type DelegationScope = (typeof DELEGATION_SCOPES)[number];

// ---------------------------------------------------------------------------------------------
// Imports

/** What a follow-up in a file is, compared with the registry: not there yet, there as it is, or there but different. */
export const IMPORT_OUTCOMES = ['NEW', 'UNCHANGED', 'CHANGED'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** What an import does with a CHANGED follow-up: leave it, store the file's version, or refuse the file (the default). */
export const ON_EXISTING = ['SKIP', 'UPDATE', 'REJECT'] as const;
export type OnExisting = (typeof ON_EXISTING)[number];

/** How a follow-up in a file was found in the registry: its key is the id, or the same organisation and report reference, or the same content. */
export const IDENTITY_BASES = ['ID', 'REPORT_REFERENCE', 'CONTENT'] as const;
export type IdentityBasis = (typeof IDENTITY_BASES)[number];

/** An import job: waiting to start, running, finished (its result says whether the file was accepted), or failed (not finished). */
export const IMPORT_JOB_STATUSES = ['QUEUED', 'RUNNING', 'FINISHED', 'FAILED'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
/** The substance groups of the library (REACH restrictions and the regions' own requirements group by them). */
export const SUBSTANCE_GROUPS = [
  'ORTHO_PHTHALATE',
  'PFAS',
  'BISPHENOL',
  'ALKYLPHENOL',
  'BROMINATED_FLAME_RETARDANT',
  'ORGANOPHOSPHATE_FLAME_RETARDANT',
  'CHLORINATED_PARAFFIN',
  'COMPLEXING_AGENT',
  'FORMALDEHYDE',
  'HEAVY_METAL',
  'ORGANOTIN',
  'PAH',
  'SOLVENT',
  'OTHER',
] as const;
export type SubstanceGroup = (typeof SUBSTANCE_GROUPS)[number];

// The event log

/** What happens to a follow-up, its deviations and its reuse: the events a subscriber can receive. */
export const FOLLOW_UP_EVENT_TYPES = [
  'PLANNED',
  'RECORDED',
  'UPDATED',
  'COMPLETED',
  'CLOSED',
  'RETRACTED',
  'DEVIATION_OPENED',
  'DEVIATION_UPDATED',
  'DEVIATION_RESOLVED',
  'REUSED',
  'ACTION_PLAN_PROPOSED',
  'ACTION_PLAN_ACCEPTED',
  'ACTION_PLAN_REJECTED',
  'COMMENTED',
  'REPORT_RELEASED',
] as const;
export type FollowUpEventType = (typeof FOLLOW_UP_EVENT_TYPES)[number];

/** Every type of event in the append-only log: the follow-up events, and the rest of the registry's changes. */
export const EVENT_TYPES = [
  ...FOLLOW_UP_EVENT_TYPES,
  'IMPORTED',
  'ORGANISATION_CREATED',
  'SUPPLIER_CREATED',
  'SUPPLIER_UPDATED',
  'PRODUCT_CREATED',
  'PRODUCT_UPDATED',
  'CATEGORY_CREATED',
  'CATEGORY_UPDATED',
  'SUBSTANCE_CREATED',
  'SUBSTANCE_UPDATED',
  'REQUIREMENT_CREATED',
  'REQUIREMENT_UPDATED',
  'CONTRACT_CREATED',
  'CONTRACT_UPDATED',
  'CONTRACT_REQUIREMENT_SET',
  'CONTRACT_REQUIREMENT_REMOVED',
  'PRINCIPAL_CREATED',
  'TOKEN_CREATED',
  'TOKEN_REVOKED',
  'DELEGATION_GRANTED',
  'DELEGATION_REVOKED',
  'WATCH_STARTED',
  'WATCH_ENDED',
  'EMAIL_NOTIFICATIONS_SET',
  'WEBHOOK_CREATED',
  'WEBHOOK_ENABLED',
  'WEBHOOK_DISABLED',
  'FOCUS_AREA_CREATED',
  'FOCUS_AREA_UPDATED',
  'FOCUS_AREA_MOVED',
  'FOCUS_AREA_JOINED',
  'FOCUS_AREA_LEFT',
  'CONTRACTS_SUBMITTED',
  'SAMPLE_PLANNED',
  'SAMPLE_ASSIGNED',
  'IDENTITY_PROVIDER_ADDED',
  'IDENTITY_PROVIDER_UPDATED',
  'IDENTITY_PROVIDER_REMOVED',
  'SIGNED_IN',
  'SIGN_IN_REFUSED',
  'SIGNED_OUT',
  'SESSION_ENDED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What an event is about: the GraphQL type name of its subject (or Import, for a whole file). */
export const EVENT_SUBJECT_TYPES = [
  'Organisation',
  'Supplier',
  'Product',
  'ProductCategory',
  'Substance',
  'ChemicalRequirement',
  'Contract',
  'FollowUp',
  'Deviation',
  'Reuse',
  'Comment',
  'Import',
  'Principal',
  'ApiToken',
  'Delegation',
  'Watch',
  'Webhook',
  'FocusArea',
  'IdentityProvider',
  'Session',
] as const;
export type EventSubjectType = (typeof EVENT_SUBJECT_TYPES)[number];

/**
 * Whose business each subject's events are in the audit log: the REGISTRY's (every ADMIN reads
 * them), or the acting ORGANISATION's own administration (members and tokens), which another
 * organisation's ADMIN does not read.
 */
export const AUDIENCE_OF_SUBJECT: Record<EventSubjectType, 'REGISTRY' | 'ORGANISATION'> = {
  Organisation: 'REGISTRY',
  Supplier: 'REGISTRY',
  Product: 'REGISTRY',
  ProductCategory: 'REGISTRY',
  Substance: 'REGISTRY',
  ChemicalRequirement: 'REGISTRY',
  Contract: 'REGISTRY',
  FollowUp: 'REGISTRY',
  Deviation: 'REGISTRY',
  Reuse: 'REGISTRY',
  Comment: 'REGISTRY',
  Import: 'REGISTRY',
  Principal: 'ORGANISATION',
  ApiToken: 'ORGANISATION',
  Delegation: 'REGISTRY',
  Watch: 'ORGANISATION',
  Webhook: 'ORGANISATION',
  FocusArea: 'REGISTRY',
  IdentityProvider: 'ORGANISATION',
  Session: 'ORGANISATION',
};

// ---------------------------------------------------------------------------------------------
// Watching and notifications

/** What a person watches: a product, a supplier, a requirement, or CONTRACTS (its organisation's contracts). */
export const WATCH_KINDS = ['PRODUCT', 'SUPPLIER', 'REQUIREMENT', 'CONTRACTS'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

/** Why a person is told (DOMAIN.md "Suppliers and notifications"); a webhook subscribes to some of them. */
export const NOTIFICATION_REASONS = [
  'FOLLOW_UP_COMPLETED',
  'CONTRACT_FAIL',
  'DEVIATION_DUE',
  'DEVIATION_OVERDUE',
  'REUSE_RETRACTED',
  'SUPPLIER_ANSWER',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/** The follow-up events a supplier's answer is told by. */
export const SUPPLIER_ANSWER_EVENTS: readonly FollowUpEventType[] = [
  'ACTION_PLAN_PROPOSED',
  'COMMENTED',
  'REPORT_RELEASED',
];

/** How a person's notifications reach them by e-mail: each at once, one digest a day, or not at all. */
export const EMAIL_MODES = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The ways of telling; each reads the event log from its own cursor. */
export const NOTIFICATION_CHANNELS = ['EMAIL', 'WEBHOOK'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A delivery: waiting (or between retries), sent, or given up after its last attempt. */
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Helpers

/** Whether a string is one of a list's values: the check of text from outside (CSV, seeds) before it is typed. */
export function isOneOf<T extends string>(values: readonly T[], text: string): text is T {
  return (values as readonly string[]).includes(text);
}

/** "A, B or C": a list of values for a message. */
export function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Focus areas (the yearly joint follow-up, DOMAIN.md "Focus areas")

/** PLANNING → SAMPLING → ANALYSING → REPORTING → CLOSED: moved forward only, one step at a time, by a COORDINATOR. */
export const FOCUS_AREA_STATUSES = ['PLANNING', 'SAMPLING', 'ANALYSING', 'REPORTING', 'CLOSED'] as const;
export type FocusAreaStatus = (typeof FOCUS_AREA_STATUSES)[number];

/** How the sampling plan's cost is shared: EQUAL among participants, or BY_CONTRACTS (number of submitted contracts). */
export const COST_SPLITS = ['EQUAL', 'BY_CONTRACTS'] as const;
export type CostSplit = (typeof COST_SPLITS)[number];

/** Where a sampled product stands: nobody buys it yet, its follow-up's stage, or past the focus area's results date unfinished. */
export const SAMPLE_STATES = ['UNASSIGNED', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE', 'RETRACTED'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];
// Sign-in through an organisation's identity provider (issue 15)

/** The roles an identity provider's claims may give (a SUPPLIER's members get tokens, not sign-in). */
export const SIGN_IN_ROLES = ['READER', 'CONTACT_PERSON', 'COORDINATOR', 'ADMIN'] as const;
export type SignInRole = (typeof SIGN_IN_ROLES)[number];

/** Which claim says who the person is: the provider's subject, or the e-mail address. */
export const SUBJECT_CLAIMS = ['sub', 'email'] as const;
export type SubjectClaim = (typeof SUBJECT_CLAIMS)[number];

/** Why a session ended. */
export const SESSION_END_REASONS = ['SIGNED_OUT', 'ENDED_BY_ADMIN', 'IDLE', 'EXPIRED', 'PROVIDER_REMOVED'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];
