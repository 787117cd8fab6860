/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A supplier's action plan: PROPOSED by the supplier, then ACCEPTED or REJECTED by the opening organisation. */
export type ActionPlanStatus =
  /** Accepted by the opening organisation: the deviation is ACTION_PLAN_AGREED, due by the plan's date. */
  | 'ACCEPTED'
  /** Proposed by the supplier (respondToDeviation); waits for the opening organisation. */
  | 'PROPOSED'
  /** Rejected by the opening organisation, with a reason (actionPlanRejection); the supplier may propose again. */
  | 'REJECTED';

/** EACH substance individually, or the SUM of the listed substances. */
export type Aggregation =
  /** Each listed substance on its own must stay within the limit. */
  | 'EACH'
  /** The listed substances together (their sum) must stay within the limit ("individually or in combination"). */
  | 'SUM';

/** How the sampling plan's estimated cost is shared among the participants. */
export type CostSplit =
  /** In proportion to the number of contracts each participant submitted. */
  | 'BY_CONTRACTS'
  /** The same share for each participant. */
  | 'EQUAL';

/** A new focus area, in PLANNING. */
export type CreateFocusAreaInput = {
  /** Product category codes in the area (their sub-categories included). */
  categoryCodes: Array<string>;
  /** How the cost is shared. */
  costSplit?: CostSplit;
  /** What it is about. */
  description?: string | null | undefined;
  /** Substances the experts add beyond the requirements. */
  extraSubstanceIds?: Array<string | number>;
  /** Library requirements it checks. */
  requirementIds?: Array<string | number>;
  /** The day results are due. */
  resultsDueOn?: string | null | undefined;
  /** The title, e.g. "Mjukt och tryggt". */
  title: string;
  /** Weights of the prioritisation model. */
  weights?: FocusAreaWeightsInput | null | undefined;
  /** The year it runs (2000–2100). */
  year: number;
};

/** A supplier's article to add to the catalogue. */
export type CreateProductInput = {
  /** The supplier's article number; 1 to 100 characters. */
  articleNumber?: string | null | undefined;
  /** A category code: upper-case letters, digits or dashes (e.g. CHILD, TOY-PLUSH); the category must exist. */
  categoryCode?: string | null | undefined;
  /** GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14, digits only, check digit verified; stored and compared as GTIN-14. Unique: a GTIN already stored (in any form) is CONFLICT. */
  gtin?: string | null | undefined;
  /** Its name; 1 to 300 characters. */
  name: string;
  /** The supplier that sells it. */
  supplierId: string | number;
};

/** A supplier to add to the catalogue. */
export type CreateSupplierInput = {
  /** ISO 3166-1 alpha-2; default SE. */
  country?: string | null | undefined;
  /** Its name; 1 to 200 characters. */
  name: string;
  /** Required form NNNNNN-NNNN with a valid Luhn check digit; only for Swedish (SE) suppliers. */
  organisationNumber?: string | null | undefined;
};

/** A webhook delivery's state. */
export type DeliveryStatus =
  /** Given up after the last attempt. */
  | 'FAILED'
  /** Not sent yet, or waiting for the next attempt after a failure (nextAttemptAt). */
  | 'PENDING'
  /** The receiver answered 2xx. */
  | 'SENT';

/** How serious a deviation is: all but OBSERVATION demand action and colour the traffic light. */
export type DeviationSeverity =
  /** A critical deviation (e.g. a banned substance found): demands a correction by its due date. */
  | 'CRITICAL'
  /** A major deviation: demands a correction by its due date. */
  | 'MAJOR'
  /** A minor deviation: demands a correction by its due date. */
  | 'MINOR'
  /** A note only: demands nothing and does not colour the traffic light. */
  | 'OBSERVATION';

/** A deviation: OPEN → ACTION_PLAN_AGREED → RESOLVED. */
export type DeviationStatus =
  /** The supplier's action plan was accepted: due by the plan's date. */
  | 'ACTION_PLAN_AGREED'
  /** Opened; waits for the supplier. RED in the traffic light once past its due date. */
  | 'OPEN'
  /** Settled (with a resolution text): no longer counts against the supplier. */
  | 'RESOLVED';

/** IMMEDIATE: one e-mail per notification; DAILY_DIGEST: one e-mail a day; OFF: none. */
export type EmailMode =
  /** One e-mail a day with the day’s notifications. */
  | 'DAILY_DIGEST'
  /** One e-mail per notification, as it happens (the default). */
  | 'IMMEDIATE'
  /** No e-mail (webhooks still receive theirs). */
  | 'OFF';

/** Where a sampled product stands, from its follow-up's status and the focus area's resultsDueOn. */
export type FocusAreaSampleState =
  /** Its follow-up is COMPLETED or CLOSED: the results count. */
  | 'COMPLETED'
  /** Its follow-up is IN_PROGRESS. */
  | 'IN_PROGRESS'
  /** Not completed, and resultsDueOn has passed. */
  | 'OVERDUE'
  /** Assigned; its follow-up is PLANNED. */
  | 'PLANNED'
  /** Its follow-up was retracted. */
  | 'RETRACTED'
  /** No purchasing organisation yet. */
  | 'UNASSIGNED';

/** Where a focus area stands; it moves forward only, one step at a time, by a COORDINATOR (moveFocusArea). */
export type FocusAreaStatus =
  /** The laboratories analyse. Needs every sample assigned to a purchasing organisation. */
  | 'ANALYSING'
  /** Done; nothing changes any more. */
  | 'CLOSED'
  /** Participants join and submit contracts; the experts rank candidates and plan samples. */
  | 'PLANNING'
  /** Results are reported; the public report is published. Needs every assigned follow-up finished. */
  | 'REPORTING'
  /** Samples are bought by their purchasing organisations. Needs a sampling plan. */
  | 'SAMPLING';

/** Weights of the prioritisation model, each 0 to 100; an omitted one keeps its default. */
export type FocusAreaWeightsInput = {
  /** Per covering participant. Omitted: the default. */
  coverage?: number | null | undefined;
  /** Per hazard point. Omitted: the default. */
  hazard?: number | null | undefined;
  /** Subtracted when tested in the last three years. Omitted: the default. */
  testedRecently?: number | null | undefined;
  /** Per users point. Omitted: the default. */
  users?: number | null | undefined;
  /** Times the volume share. Omitted: the default. */
  volume?: number | null | undefined;
};

/** PLANNED/RECORDED: a follow-up was recorded; UPDATED: changed (or started); COMPLETED, CLOSED, RETRACTED: its lifecycle; DEVIATION_*: a deviation on it; REUSED: another organisation relied on it. */
export type FollowUpEventType =
  /** The opening organisation accepted the supplier's action plan. */
  | 'ACTION_PLAN_ACCEPTED'
  /** The supplier proposed an action plan for a deviation. */
  | 'ACTION_PLAN_PROPOSED'
  /** The opening organisation rejected the supplier's action plan. */
  | 'ACTION_PLAN_REJECTED'
  /** A follow-up was closed. */
  | 'CLOSED'
  /** The supplier commented on a follow-up. */
  | 'COMMENTED'
  /** A follow-up became COMPLETED: its results count from now on. */
  | 'COMPLETED'
  /** A deviation was opened on a follow-up. */
  | 'DEVIATION_OPENED'
  /** A deviation was resolved. */
  | 'DEVIATION_RESOLVED'
  /** A deviation's description, severity or due date changed. */
  | 'DEVIATION_UPDATED'
  /** A follow-up was recorded as PLANNED. */
  | 'PLANNED'
  /** A follow-up was recorded (recordFollowUp or an import), with its results. */
  | 'RECORDED'
  /** The supplier released the full report: other organisations now read its laboratory and reference. */
  | 'REPORT_RELEASED'
  /** A follow-up was retracted, with a reason: its results no longer count. */
  | 'RETRACTED'
  /** An organisation relied on another's follow-up for one of its contracts (recordReuse). */
  | 'REUSED'
  /** A follow-up was changed (updateFollowUp, or an import with UPDATE); a new version. */
  | 'UPDATED';

/** How a follow-up was performed; it decides which requirements the follow-up can decide. */
export type FollowUpMethod =
  /** An audit of the supplier's processes from documents, at a desk. */
  | 'DESK_AUDIT'
  /** A review of documents (safety data sheets, test reports): decides NOT_ADDED and DOCUMENTATION requirements. */
  | 'DOCUMENT_REVIEW'
  /** A laboratory analysis: measures substances, so it decides LIMIT requirements. */
  | 'LAB_ANALYSIS'
  /** An audit at the supplier's or manufacturer's site. */
  | 'SITE_AUDIT'
  /** The supplier's signed declaration: decides NOT_ADDED and DOCUMENTATION requirements. */
  | 'SUPPLIER_DECLARATION';

/** PLANNED → IN_PROGRESS → COMPLETED → CLOSED; RETRACTED at any point, never deleted. */
export type FollowUpStatus =
  /** Closed after COMPLETED: its results still count. */
  | 'CLOSED'
  /** Done: its results count in evaluation, reuse and the public statistics. */
  | 'COMPLETED'
  /** Under way (e.g. samples at the laboratory): results may still change. Does not count. */
  | 'IN_PROGRESS'
  /** Planned: no results yet; may be dated in the future. Does not count. */
  | 'PLANNED'
  /** Withdrawn with a reason (e.g. the wrong sample was analysed): kept, never deleted, and never counts. */
  | 'RETRACTED';

/** What the limit is a fraction of: "0.1 % per part" is not "0.1 % of the article". */
export type LimitBasis =
  /** A fraction of the whole article. */
  | 'ARTICLE'
  /** A fraction of each homogeneous material (e.g. the PVC of a cable sheath). */
  | 'HOMOGENEOUS_MATERIAL'
  /** A fraction of a mixture (a chemical product, e.g. a cleaning agent). */
  | 'MIXTURE'
  /** A fraction of each part as measured (a measurement names its part). */
  | 'PART';

/** CONTRACT: the contract's own limit; LIBRARY: the library default. */
export type LimitSource =
  /** The contract's own limit for the requirement (setContractRequirement). */
  | 'CONTRACT'
  /** The requirement's default limit in the library: the contract has none of its own. */
  | 'LIBRARY';

/** A result: a value with its unit, or "not detected below LOQ". */
export type MeasurementInput = {
  /** The laboratory method (e.g. "GC-MS, EN 14372"); at most 200 characters. */
  analyticalMethod?: string | null | undefined;
  /** true: found (give value); false: not found above the limit of quantification (give loq). */
  detected: boolean;
  /** Required when not detected; positive. */
  loq?: number | null | undefined;
  /** The part or material measured, e.g. "PVC sheath"; 1 to 200 characters. Limits per part compare within it. */
  part: string;
  /** The substance: its CAS number (e.g. 117-81-7), check digit verified; it must be in the library. */
  substanceCas: string;
  /** Expanded uncertainty U, same unit as the value. */
  uncertainty?: number | null | undefined;
  /** The unit of value and loq. */
  unit: Unit;
  /** Required when detected; not negative. */
  value?: number | null | undefined;
};

/** Why you are told: a follow-up completed on something you watch; a FAIL against your organisation's contract; a deviation due within 7 days or overdue; a follow-up your organisation reused retracted; a supplier's answer. */
export type NotificationReason =
  /** A follow-up failed a requirement of one of your organisation's contracts. */
  | 'CONTRACT_FAIL'
  /** A deviation of your organisation is due within 7 days. */
  | 'DEVIATION_DUE'
  /** A deviation of your organisation is past its due date, unresolved. */
  | 'DEVIATION_OVERDUE'
  /** A follow-up was completed on something you watch. */
  | 'FOLLOW_UP_COMPLETED'
  /** A follow-up your organisation reused was retracted. */
  | 'REUSE_RETRACTED'
  /** A supplier answered (action plan, comment, report released) on your organisation's follow-up. */
  | 'SUPPLIER_ANSWER';

/** What an import does with a CHANGED follow-up. SKIP: leave the stored one; UPDATE: store the file version as a new version (with its UPDATED event); REJECT (the default): list it as a row error, so the file stores nothing. */
export type OnExisting =
  /** List it as a row error, so the file stores nothing (the default). */
  | 'REJECT'
  /** Leave the stored follow-up as it is. */
  | 'SKIP'
  /** Store the file's version as a new version of the follow-up (with its UPDATED event). */
  | 'UPDATE';

/** A deviation to open on a follow-up you may see, against the supplier it verified. */
export type OpenDeviationInput = {
  /** A plan to correct it, if already agreed with the supplier; at most 20,000 characters. */
  actionPlan?: string | null | undefined;
  /** Your contract the deviation concerns (defaults to the follow-up's contract for its own organisation). */
  contractId?: string | number | null | undefined;
  /** What is wrong, for the supplier and every reader; 1 to 20,000 characters. */
  description: string;
  /** The day by which it must be corrected (YYYY-MM-DD); past it unresolved, the traffic light turns RED. */
  dueDate?: string | null | undefined;
  /** The follow-up that found it (one you may see). */
  followUpId: string | number;
  /** The requirement not met; one the follow-up verifies. */
  requirementId?: string | number | null | undefined;
  /** How serious it is. */
  severity: DeviationSeverity;
};

/** A follow-up to record for your organisation (or one that delegated FOLLOW_UPS to yours), with its results. Every problem is listed at once in extensions.problems. */
export type RecordFollowUpInput = {
  /** Readable only by your organisation. */
  confidentialNotes?: string | null | undefined;
  /** The recording organisation's contract it was done under. */
  contractId?: string | number | null | undefined;
  /** The laboratory that analysed it (e.g. "Eurofins Lidköping"); at most 200 characters. */
  laboratory?: string | null | undefined;
  /** The results, one per substance and part (at most 5,000); none for a follow-up without a laboratory. */
  measurements?: Array<MeasurementInput>;
  /** How it was performed: LAB_ANALYSIS needs measurements. */
  method: FollowUpMethod;
  /** Free text for every reader; at most 20,000 characters. */
  notes?: string | null | undefined;
  /** The organisation the follow-up is for: yours by default; another only when it has delegated FOLLOW_UPS to yours (it is then recorded on that organisation's behalf, SHARED, without confidential notes). */
  organisationId?: string | number | null | undefined;
  /** YYYY-MM-DD; required unless PLANNED. */
  performedOn?: string | null | undefined;
  /** The product checked; or give supplierId for a supplier-level follow-up. */
  productId?: string | number | null | undefined;
  /** The laboratory report's reference (e.g. AR-2026-0042); at most 100 characters. An import finds the follow-up again by it. */
  reportReference?: string | null | undefined;
  /** The requirements checked. */
  requirementIds: Array<string | number>;
  /** The supplier must release the report (releaseReport) before other organisations read its details (reportReference, laboratory); verdicts and values stay shared. */
  requiresSupplierRelease?: boolean | null | undefined;
  /** PLANNED, IN_PROGRESS or COMPLETED. */
  status?: FollowUpStatus;
  /** Required without productId; must match the product's supplier with it. */
  supplierId?: string | number | null | undefined;
  /** YYYY-MM-DD; default performedOn + 3 years. */
  validUntil?: string | null | undefined;
  /** SHARED (the default): every member organisation reads it; PRIVATE: yours only. */
  visibility?: Visibility;
};

/** LIMIT: a measured threshold; NOT_ADDED: not intentionally added, shown by declaration; DOCUMENTATION: e.g. a safety data sheet. */
export type RequirementKind =
  /** A document must exist (e.g. a safety data sheet): decided by a document review or an audit; no limit. */
  | 'DOCUMENTATION'
  /** A measured threshold: decided by laboratory results against the limit. */
  | 'LIMIT'
  /** Not intentionally added: decided by a declaration, a document review or an audit (a limit is optional). */
  | 'NOT_ADDED';

/** SUPPLIER (a member of a supplier) reads the SHARED follow-ups of its own supplier and answers them; READER reads shared data; CONTACT_PERSON also writes follow-ups for its organisation; COORDINATOR also keeps the library; ADMIN also manages members and tokens. */
export type Role =
  /** A COORDINATOR who also manages its organisation's members, tokens and delegations, and reads the audit log. */
  | 'ADMIN'
  /** A READER who also records and changes follow-ups, contracts and imports for its organisation. */
  | 'CONTACT_PERSON'
  /** A CONTACT_PERSON who also keeps the library (substances, requirements, categories). */
  | 'COORDINATOR'
  /** Reads shared data: the catalogue, SHARED follow-ups, evaluations. */
  | 'READER'
  /** A supplier member: reads its own supplier's SHARED follow-ups and answers them (comments, action plans). */
  | 'SUPPLIER';

/** A group of related substances, e.g. ORTHO_PHTHALATE (REACH Annex XVII entry 51) or PFAS. */
export type SubstanceGroup =
  /** Alkylphenols and their ethoxylates, e.g. nonylphenol. */
  | 'ALKYLPHENOL'
  /** Bisphenols, e.g. bisphenol A and S. */
  | 'BISPHENOL'
  /** Brominated flame retardants, e.g. PBDEs, HBCDD. */
  | 'BROMINATED_FLAME_RETARDANT'
  /** Short- and medium-chain chlorinated paraffins (SCCP, MCCP). */
  | 'CHLORINATED_PARAFFIN'
  /** Complexing agents, e.g. EDTA, NTA. */
  | 'COMPLEXING_AGENT'
  /** Formaldehyde and formaldehyde releasers. */
  | 'FORMALDEHYDE'
  /** Heavy metals and their compounds, e.g. lead, cadmium, mercury. */
  | 'HEAVY_METAL'
  /** Organophosphate flame retardants, e.g. TCEP, TCPP. */
  | 'ORGANOPHOSPHATE_FLAME_RETARDANT'
  /** Organotin compounds, e.g. tributyltin (TBT). */
  | 'ORGANOTIN'
  /** Ortho-phthalate plasticisers, e.g. DEHP, DBP, BBP (REACH Annex XVII entry 51). */
  | 'ORTHO_PHTHALATE'
  /** Any other substance of the library. */
  | 'OTHER'
  /** Polycyclic aromatic hydrocarbons, e.g. benzo[a]pyrene (REACH Annex XVII entry 50). */
  | 'PAH'
  /** Per- and polyfluoroalkyl substances, e.g. PFOA, PFOS. */
  | 'PFAS'
  /** Organic solvents, e.g. toluene, DMF. */
  | 'SOLVENT';

/** Whether a substance in scope has a result in a part that compares with the limit. */
export type SubstanceMeasurementStatus =
  /** A result that compares with the limit (detected with a value, or not detected below a LOQ). */
  | 'MEASURED'
  /** Measured in a unit of another dimension than the limit (e.g. migration in mg/L): never a pass or a fail. */
  | 'NOT_COMPARABLE'
  /** No result for the substance in this part. */
  | 'NOT_MEASURED';

/** RED: a deviation past its due date unresolved; YELLOW: deviations open but in time; GREEN: none open. */
export type TrafficLight =
  /** No deviation that demands action is open. */
  | 'GREEN'
  /** At least one deviation that demands action is past its due date and unresolved. */
  | 'RED'
  /** Deviations that demand action are open, all within their due dates. */
  | 'YELLOW';

/** Units of limits and results. Mass fractions (PERCENT_WW, MG_PER_KG, PPM, UG_PER_G) convert exactly; other dimensions compare only with the same dimension. */
export type Unit =
  /** mg/kg */
  | 'MG_PER_KG'
  /** mg/L */
  | 'MG_PER_L'
  /** mg/m³ */
  | 'MG_PER_M3'
  /** % w/w */
  | 'PERCENT_WW'
  /** ppm */
  | 'PPM'
  /** µg/cm²/week */
  | 'UG_PER_CM2_WEEK'
  /** µg/g */
  | 'UG_PER_G'
  /** µg/L */
  | 'UG_PER_L'
  /** µg/m³ */
  | 'UG_PER_M3';

/** Changes to a focus area; omitted fields keep their value. The scope (categories, requirements, substances, weights, cost split) changes only in PLANNING. */
export type UpdateFocusAreaInput = {
  /** Replaces the product categories. */
  categoryCodes?: Array<string> | null | undefined;
  /** How the cost is shared. */
  costSplit?: CostSplit | null | undefined;
  /** What it is about. */
  description?: string | null | undefined;
  /** Replaces the extra substances. */
  extraSubstanceIds?: Array<string | number> | null | undefined;
  /** Replaces the requirements. */
  requirementIds?: Array<string | number> | null | undefined;
  /** The day results are due. */
  resultsDueOn?: string | null | undefined;
  /** The title. */
  title?: string | null | undefined;
  /** Replaces the weights; null: the defaults. */
  weights?: FocusAreaWeightsInput | null | undefined;
};

/** The outcome of evaluating a product (or a part) against a requirement; worst first: FAIL, INCONCLUSIVE, INCOMPLETE, NO_DATA, PASS. */
export type Verdict =
  /** Does not meet the requirement: a result shows the limit is exceeded. */
  | 'FAIL'
  /** Incomplete evidence: a listed substance has no comparable result (in some part). */
  | 'INCOMPLETE'
  /** Cannot be decided: the results show neither that the limit is met nor that it is exceeded (e.g. a LOQ above the limit). */
  | 'INCONCLUSIVE'
  /** No counting follow-up covers the requirement. */
  | 'NO_DATA'
  /** Meets the requirement: every result shows the limit is met. */
  | 'PASS';

/** SHARED: all members read it; PRIVATE: its organisation only. */
export type Visibility =
  /** Only the recording organisation's members read it. */
  | 'PRIVATE'
  /** Every member organisation reads it (supplier members: those about their own supplier). */
  | 'SHARED';

/** PRODUCT, SUPPLIER or REQUIREMENT (targetId names it), or CONTRACTS: your organisation's contracts. */
export type WatchKind =
  /** Your organisation's contracts (no targetId): follow-ups on the suppliers it has contracts with. */
  | 'CONTRACTS'
  /** A product (targetId: its id). */
  | 'PRODUCT'
  /** A requirement of the library (targetId: its id). */
  | 'REQUIREMENT'
  /** A supplier and all its products (targetId: its id). */
  | 'SUPPLIER';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, expiresAt: string | null, principal: { id: string, name: string }, organisation: { id: string, name: string, code: string } } };

export type FocusAreasListQueryVariables = Exact<{ [key: string]: never; }>;


export type FocusAreasListQuery = { focusAreas: { totalCount: number, nodes: Array<{ id: string, year: number, title: string, status: FocusAreaStatus, participants: Array<{ organisation: { id: string } }> }> } };

export type FocusAreaPageQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaPageQuery = { focusArea: { id: string, year: number, title: string, description: string | null, status: FocusAreaStatus, costSplit: CostSplit, resultsDueOn: string | null, organisation: { id: string, name: string }, categories: Array<{ id: string, code: string, name: string }>, requirements: Array<{ id: string, code: string, title: string }>, participants: Array<{ submittedContracts: number, organisation: { id: string, name: string } }>, samples: Array<{ id: string, analyses: Array<string>, laboratory: string, estimatedCost: number, state: FocusAreaSampleState, product: { id: string, name: string }, purchasingOrganisation: { id: string, name: string } | null }> } | null };

export type FocusAreaCandidatesQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaCandidatesQuery = { candidateProducts: Array<{ rank: number, score: number, annualVolume: number | null, parts: { coverage: number, hazard: number, users: number, volume: number, testedRecently: number }, product: { id: string, name: string }, coveredBy: Array<{ id: string, name: string }>, sample: { id: string } | null }> };

export type FocusAreaWorkPageQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaWorkPageQuery = { costShares: { split: CostSplit, total: number, shares: Array<{ weight: number, amount: number, organisation: { id: string, name: string } }> }, focusAreaProgress: { unassigned: number, organisations: Array<{ planned: number, inProgress: number, completed: number, overdue: number, organisation: { id: string, name: string } }> } };

export type FocusAreaResultsPageQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaResultsPageQuery = { focusAreaResults: { participants: Array<{ organisation: { id: string, name: string }, results: Array<{ coversProduct: boolean, verdict: Verdict, contract: { id: string, title: string }, product: { id: string, name: string }, sample: { id: string } }> }> } };

export type FocusAreaResultsWorkbookQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaResultsWorkbookQuery = { focusAreaResultsXlsx: string };

export type FocusAreaMyContractsQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type FocusAreaMyContractsQuery = { contracts: { nodes: Array<{ id: string, title: string }> } };

export type FocusAreaPublicReportQueryVariables = Exact<{
  id: string | number;
}>;


export type FocusAreaPublicReportQuery = { publicFocusAreaReport: { year: number, title: string, status: FocusAreaStatus, sampledProducts: number | null, participants: number | null, shownTotal: number, counts: Array<{ categoryCode: string | null, categoryName: string | null, substanceGroup: SubstanceGroup, verdict: Verdict, count: number | null, displayCount: string }> } };

export type CreateFocusAreaPageMutationVariables = Exact<{
  input: CreateFocusAreaInput;
}>;


export type CreateFocusAreaPageMutation = { createFocusArea: { id: string } };

export type UpdateFocusAreaPageMutationVariables = Exact<{
  id: string | number;
  input: UpdateFocusAreaInput;
}>;


export type UpdateFocusAreaPageMutation = { updateFocusArea: { id: string, title: string, description: string | null, resultsDueOn: string | null, costSplit: CostSplit } };

export type MoveFocusAreaPageMutationVariables = Exact<{
  id: string | number;
  status: FocusAreaStatus;
}>;


export type MoveFocusAreaPageMutation = { moveFocusArea: { id: string, status: FocusAreaStatus } };

export type JoinFocusAreaPageMutationVariables = Exact<{
  id: string | number;
}>;


export type JoinFocusAreaPageMutation = { joinFocusArea: { id: string, participants: Array<{ submittedContracts: number, organisation: { id: string, name: string } }> } };

export type LeaveFocusAreaPageMutationVariables = Exact<{
  id: string | number;
}>;


export type LeaveFocusAreaPageMutation = { leaveFocusArea: { id: string, participants: Array<{ submittedContracts: number, organisation: { id: string, name: string } }> } };

export type SubmitContractsPageMutationVariables = Exact<{
  id: string | number;
  contractIds: Array<string | number> | string | number;
}>;


export type SubmitContractsPageMutation = { submitContracts: { id: string, participants: Array<{ submittedContracts: number, organisation: { id: string, name: string } }> } };

export type AddToSamplingPlanPageMutationVariables = Exact<{
  id: string | number;
  productId: string | number;
  analyses: Array<string> | string;
  laboratory: string;
  estimatedCost: number;
}>;


export type AddToSamplingPlanPageMutation = { addToSamplingPlan: { id: string } };

export type AssignSamplePageMutationVariables = Exact<{
  sampleId: string | number;
  organisationId: string | number;
}>;


export type AssignSamplePageMutation = { assignSample: { id: string, state: FocusAreaSampleState, purchasingOrganisation: { id: string, name: string } | null } };

export type LogFollowUpQueryVariables = Exact<{ [key: string]: never; }>;


export type LogFollowUpQuery = { me: { role: Role, organisation: { id: string, name: string } }, substances: { totalCount: number, nodes: Array<{ id: string, name: string, casNumber: string }> } };

export type ProductOptionsQueryVariables = Exact<{
  text: string;
}>;


export type ProductOptionsQuery = { products: { nodes: Array<{ id: string, name: string, gtin: string | null, supplier: { id: string, name: string } }> } };

export type SupplierOptionsQueryVariables = Exact<{
  text: string;
}>;


export type SupplierOptionsQuery = { suppliers: { nodes: Array<{ id: string, name: string, organisationNumber: string | null }> } };

export type ContractsForLoggingQueryVariables = Exact<{
  organisationId: string | number;
  supplierId?: string | number | null | undefined;
}>;


export type ContractsForLoggingQuery = { contracts: { nodes: Array<{ id: string, title: string, reference: string | null, requirements: Array<{ effectiveLimit: { value: number, unit: Unit, unitSymbol: string } | null, requirement: { id: string, code: string, title: string, kind: RequirementKind, aggregation: Aggregation, substances: Array<{ id: string }> } }> }> } };

export type LogFollowUpRecordMutationVariables = Exact<{
  input: RecordFollowUpInput;
}>;


export type LogFollowUpRecordMutation = { recordFollowUp: { id: string, version: number } };

export type LogFollowUpCreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type LogFollowUpCreateProductMutation = { createProduct: { id: string, name: string, gtin: string | null, supplier: { id: string, name: string } } };

export type LogFollowUpCreateSupplierMutationVariables = Exact<{
  input: CreateSupplierInput;
}>;


export type LogFollowUpCreateSupplierMutation = { createSupplier: { id: string, name: string, organisationNumber: string | null } };

export type FollowUpPageQueryVariables = Exact<{
  id: string | number;
}>;


export type FollowUpPageQuery = { me: { organisation: { id: string } }, followUp: (
    { id: string, version: number, status: FollowUpStatus, requiresSupplierRelease: boolean, reportReleasedAt: string | null, organisation: { id: string }, product: { id: string, name: string } | null, supplier: { id: string, name: string }, contract: { id: string, title: string } | null }
    & { ' $fragmentRefs'?: { 'FollowUpCard_FollowUpFragment': FollowUpCard_FollowUpFragment } }
  ) | null };

export type FollowUpStartMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type FollowUpStartMutation = { startFollowUp: { id: string, version: number, status: FollowUpStatus } };

export type FollowUpCompleteMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type FollowUpCompleteMutation = { completeFollowUp: { id: string, version: number, status: FollowUpStatus } };

export type FollowUpCloseMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type FollowUpCloseMutation = { closeFollowUp: { id: string, version: number, status: FollowUpStatus } };

export type FollowUpRetractMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
  reason: string;
}>;


export type FollowUpRetractMutation = { retractFollowUp: { id: string, version: number, status: FollowUpStatus } };

export type FollowUpSetSupplierReleaseMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  requiresSupplierRelease: boolean;
}>;


export type FollowUpSetSupplierReleaseMutation = { updateFollowUp: { id: string, version: number, requiresSupplierRelease: boolean } };

export type ImportFollowUpsFromPageMutationVariables = Exact<{
  csv: string;
  dryRun?: boolean | null | undefined;
  onExisting?: OnExisting | null | undefined;
}>;


export type ImportFollowUpsFromPageMutation = { importFollowUps: { dryRun: boolean, imported: boolean, followUps: number, measurements: number, created: number, updated: number, unchanged: number, skipped: number, errors: Array<{ row: number, column: string, reason: string }> } };

export type LiveFeedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveFeedSubscription = { followUpEvents: { cursor: string, type: FollowUpEventType, occurredAt: string, actorOrganisation: { id: string, name: string } | null, followUp: { id: string, method: FollowUpMethod, status: FollowUpStatus, supplier: { id: string, name: string }, product: { id: string, name: string } | null, organisation: { id: string, name: string } } } };

export type LiveContractsQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveContractsQuery = { me: { role: Role, organisation: { id: string } } };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { emailNotifications: EmailMode, webhooks: Array<{ id: string, url: string, events: Array<NotificationReason>, enabled: boolean, consecutiveFailures: number, disabledAt: string | null, createdAt: string }> };

export type NotificationSetEmailMutationVariables = Exact<{
  mode: EmailMode;
}>;


export type NotificationSetEmailMutation = { setEmailNotifications: EmailMode };

export type NotificationCreateWebhookMutationVariables = Exact<{
  url: string;
  events: Array<NotificationReason> | NotificationReason;
}>;


export type NotificationCreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string, url: string, events: Array<NotificationReason>, enabled: boolean } } };

export type NotificationEnableWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type NotificationEnableWebhookMutation = { enableWebhook: { id: string, enabled: boolean, consecutiveFailures: number, disabledAt: string | null } };

export type NotificationWebhookDeliveriesQueryVariables = Exact<{
  webhookId: string | number;
  after?: string | null | undefined;
}>;


export type NotificationWebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, idempotencyKey: string, reason: NotificationReason, status: DeliveryStatus, attempts: number, responseStatus: number | null, lastError: string | null, nextAttemptAt: string, sentAt: string | null, createdAt: string }> } };

export type FollowUpCard_FollowUpFragment = { id: string, method: FollowUpMethod, status: FollowUpStatus, performedOn: string | null, validUntil: string | null, laboratory: string | null, reportReference: string | null, visibility: Visibility, requiresSupplierRelease: boolean, reportReleasedAt: string | null, comments: Array<{ id: string, text: string, authorName: string | null, createdAt: string }>, organisation: { id: string, name: string }, measurements: Array<{ id: string, part: string, value: number | null, loq: number | null, detected: boolean, unit: Unit, uncertainty: number | null, substance: { id: string, name: string, casNumber: string } }> } & { ' $fragmentName'?: 'FollowUpCard_FollowUpFragment' };

export type ProductPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductPageQuery = { me: { role: Role, organisation: { id: string } }, product: { id: string, name: string, gtin: string | null, articleNumber: string | null, category: { code: string, name: string } | null, supplier: { id: string, name: string } } | null, followUps: { totalCount: number, nodes: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'FollowUpCard_FollowUpFragment': FollowUpCard_FollowUpFragment } }
    )> } };

export type MyContractsQueryVariables = Exact<{
  organisationId: string | number;
  supplierId?: string | number | null | undefined;
}>;


export type MyContractsQuery = { contracts: { nodes: Array<{ id: string, title: string, reference: string | null, supplier: { id: string, name: string } }> } };

export type ProductEvaluationQueryVariables = Exact<{
  productId: string | number;
  contractId: string | number;
  followUpIds?: Array<string | number> | string | number | null | undefined;
  measuredOnly?: boolean;
}>;


export type ProductEvaluationQuery = { evaluateProduct: { verdict: Verdict, evaluatedOn: string, requirements: Array<{ verdict: Verdict, explanation: string | null, limitSource: LimitSource | null, limit: { value: number, unitSymbol: string } | null, requirement: { id: string, code: string, title: string, kind: RequirementKind, basis: LimitBasis | null, aggregation: Aggregation }, parts: Array<{ part: string, verdict: Verdict, lowerBound: number | null, upperBound: number | null, substances: Array<{ status: SubstanceMeasurementStatus, verdict: Verdict | null, convertedValue: number | null, convertedLoq: number | null, convertedUnit: Unit | null, withinUncertainty: boolean, substance: { id: string, name: string, casNumber: string }, organisation: { id: string, name: string } | null }> }> }> }, reusableFollowUps: Array<{ reusable: boolean, reasons: Array<string>, followUp: { id: string, method: FollowUpMethod, performedOn: string | null, validUntil: string | null, organisation: { id: string, name: string }, reuses: Array<{ id: string, contract: { id: string } }> } }> };

export type RecordReuseFromPageMutationVariables = Exact<{
  followUpId: string | number;
  contractId: string | number;
}>;


export type RecordReuseFromPageMutation = { recordReuse: { id: string, createdAt: string, contract: { id: string }, followUp: { id: string } } };

export type RequirementPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RequirementPageQuery = { requirement: { id: string, code: string, title: string, text: string, kind: RequirementKind, basis: LimitBasis | null, aggregation: Aggregation, legalSource: string | null, defaultLimit: { value: number, unitSymbol: string } | null, substances: Array<{ id: string, name: string, casNumber: string }>, categories: Array<{ code: string, name: string }>, followUps: { totalCount: number, nodes: Array<{ id: string, method: FollowUpMethod, status: FollowUpStatus, performedOn: string | null, organisation: { id: string, name: string }, product: { id: string, name: string } | null, supplier: { id: string, name: string } }> } } | null };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { products: { totalCount: number, nodes: Array<{ id: string, name: string, gtin: string | null, articleNumber: string | null, supplier: { id: string, name: string }, category: { code: string, name: string } | null }> }, suppliers: { totalCount: number, nodes: Array<{ id: string, name: string, organisationNumber: string | null, country: string }> }, substances: { totalCount: number, nodes: Array<{ id: string, name: string, casNumber: string, groups: Array<SubstanceGroup> }> }, requirements: { totalCount: number, nodes: Array<{ id: string, code: string, title: string, kind: RequirementKind }> } };

export type StartPageQueryVariables = Exact<{ [key: string]: never; }>;


export type StartPageQuery = { me: { organisation: { id: string, name: string } } };

export type RecentFollowUpsQueryVariables = Exact<{
  supplierId: string | number;
}>;


export type RecentFollowUpsQuery = { followUps: { totalCount: number, nodes: Array<{ id: string, method: FollowUpMethod, status: FollowUpStatus, performedOn: string | null, organisation: { id: string, name: string }, product: { id: string, name: string } | null }> } };

export type PublicStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicStatisticsQuery = { publicStatistics: { followUpCount: number, measurementCount: number, followUpsByCategory: Array<{ categoryCode: string | null, method: FollowUpMethod, count: number | null }>, verdicts: Array<{ categoryCode: string | null, casNumber: string, substanceName: string, verdict: string, count: number | null }> } };

export type SupplierViewMeQueryVariables = Exact<{ [key: string]: never; }>;


export type SupplierViewMeQuery = { me: { role: Role, organisation: { id: string, supplier: { id: string, name: string } | null } } };

export type SupplierViewStatusQueryVariables = Exact<{
  supplierId: string | number;
}>;


export type SupplierViewStatusQuery = { supplierStatus: { light: TrafficLight, evaluatedOn: string, overdueDeviations: Array<{ id: string }>, openDeviations: Array<(
      { id: string, severity: DeviationSeverity, description: string, actionPlanStatus: ActionPlanStatus | null }
      & { ' $fragmentRefs'?: { 'DeviationFacts_DeviationFragment': DeviationFacts_DeviationFragment } }
    )> } };

export type SupplierViewFollowUpsQueryVariables = Exact<{
  supplierId: string | number;
  after?: string | null | undefined;
}>;


export type SupplierViewFollowUpsQuery = { followUps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<(
      { id: string, status: FollowUpStatus, method: FollowUpMethod, performedOn: string | null, requiresSupplierRelease: boolean, reportReleasedAt: string | null, product: { id: string, name: string } | null, deviations: Array<{ id: string, severity: DeviationSeverity, status: DeviationStatus, description: string }> }
      & { ' $fragmentRefs'?: { 'FollowUpCard_FollowUpFragment': FollowUpCard_FollowUpFragment } }
    )> } };

export type SupplierViewRespondMutationVariables = Exact<{
  deviationId: string | number;
  actionPlan: string;
  dueDate: string;
}>;


export type SupplierViewRespondMutation = { respondToDeviation: { id: string, actionPlan: string | null, actionPlanStatus: ActionPlanStatus | null, actionPlanDueDate: string | null } };

export type SupplierViewCommentMutationVariables = Exact<{
  followUpId: string | number;
  text: string;
}>;


export type SupplierViewCommentMutation = { commentOnFollowUp: { id: string, text: string, createdAt: string } };

export type SupplierViewReleaseMutationVariables = Exact<{
  followUpId: string | number;
}>;


export type SupplierViewReleaseMutation = { releaseReport: { id: string, reportReleasedAt: string | null } };

export type DeviationFacts_DeviationFragment = { status: DeviationStatus, dueDate: string | null, actionPlan: string | null, actionPlanStatus: ActionPlanStatus | null, actionPlanDueDate: string | null, actionPlanRejection: string | null, organisation: { id: string, name: string }, requirement: { id: string, code: string } | null, followUp: { id: string, product: { id: string, name: string } | null } } & { ' $fragmentName'?: 'DeviationFacts_DeviationFragment' };

export type SupplierPageQueryVariables = Exact<{
  id: string | number;
}>;


export type SupplierPageQuery = { me: { role: Role, organisation: { id: string } }, supplierStatus: { light: TrafficLight, evaluatedOn: string, supplier: { id: string, name: string, organisationNumber: string | null, country: string }, overdueDeviations: Array<{ id: string }>, openDeviations: Array<(
      { id: string, severity: DeviationSeverity, description: string, actionPlanStatus: ActionPlanStatus | null, organisation: { id: string } }
      & { ' $fragmentRefs'?: { 'DeviationFacts_DeviationFragment': DeviationFacts_DeviationFragment } }
    )> }, followUps: { nodes: Array<{ id: string, method: FollowUpMethod, status: FollowUpStatus, performedOn: string | null, organisation: { id: string, name: string }, product: { id: string, name: string } | null }> } };

export type SupplierOpenDeviationMutationVariables = Exact<{
  input: OpenDeviationInput;
}>;


export type SupplierOpenDeviationMutation = { openDeviation: { id: string, status: DeviationStatus } };

export type SupplierResolveDeviationMutationVariables = Exact<{
  id: string | number;
  resolution?: string | null | undefined;
}>;


export type SupplierResolveDeviationMutation = { resolveDeviation: { id: string, status: DeviationStatus } };

export type SupplierAcceptActionPlanMutationVariables = Exact<{
  deviationId: string | number;
}>;


export type SupplierAcceptActionPlanMutation = { acceptActionPlan: { id: string, actionPlanStatus: ActionPlanStatus | null } };

export type SupplierRejectActionPlanMutationVariables = Exact<{
  deviationId: string | number;
  reason: string;
}>;


export type SupplierRejectActionPlanMutation = { rejectActionPlan: { id: string, actionPlanStatus: ActionPlanStatus | null } };

export type SupplierInviteMemberMutationVariables = Exact<{
  supplierId: string | number;
  name: string;
  email: string;
}>;


export type SupplierInviteMemberMutation = { inviteSupplierMember: { token: string, principal: { id: string, name: string } } };

export type WatchesQueryVariables = Exact<{ [key: string]: never; }>;


export type WatchesQuery = { watches: Array<{ id: string, kind: WatchKind, targetId: string }> };

export type WatchTargetMutationVariables = Exact<{
  kind: WatchKind;
  targetId?: string | number | null | undefined;
}>;


export type WatchTargetMutation = { watch: { id: string, kind: WatchKind, targetId: string } };

export type UnwatchTargetMutationVariables = Exact<{
  kind: WatchKind;
  targetId?: string | number | null | undefined;
}>;


export type UnwatchTargetMutation = { unwatch: boolean };

export const FollowUpCard_FollowUpFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowUpCard_FollowUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"laboratory"}},{"kind":"Field","name":{"kind":"Name","value":"reportReference"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"loq"}},{"kind":"Field","name":{"kind":"Name","value":"detected"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"uncertainty"}},{"kind":"Field","name":{"kind":"Name","value":"substance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpCard_FollowUpFragment, unknown>;
export const DeviationFacts_DeviationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviationFacts_Deviation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deviation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanRejection"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeviationFacts_DeviationFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"principal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const FocusAreasListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreasList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"focusAreas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreasListQuery, FocusAreasListQueryVariables>;
export const FocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"focusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"costSplit"}},{"kind":"Field","name":{"kind":"Name","value":"resultsDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedContracts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"samples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analyses"}},{"kind":"Field","name":{"kind":"Name","value":"laboratory"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCost"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchasingOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaPageQuery, FocusAreaPageQueryVariables>;
export const FocusAreaCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidateProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"hazard"}},{"kind":"Field","name":{"kind":"Name","value":"users"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"testedRecently"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annualVolume"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coveredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaCandidatesQuery, FocusAreaCandidatesQueryVariables>;
export const FocusAreaWorkPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaWorkPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costShares"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"shares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"focusAreaProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unassigned"}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"inProgress"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaWorkPageQuery, FocusAreaWorkPageQueryVariables>;
export const FocusAreaResultsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaResultsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"focusAreaResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coversProduct"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaResultsPageQuery, FocusAreaResultsPageQueryVariables>;
export const FocusAreaResultsWorkbookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaResultsWorkbook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"focusAreaResultsXlsx"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<FocusAreaResultsWorkbookQuery, FocusAreaResultsWorkbookQueryVariables>;
export const FocusAreaMyContractsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaMyContracts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaMyContractsQuery, FocusAreaMyContractsQueryVariables>;
export const FocusAreaPublicReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocusAreaPublicReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicFocusAreaReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sampledProducts"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"shownTotal"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"substanceGroup"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"displayCount"}}]}}]}}]}}]} as unknown as DocumentNode<FocusAreaPublicReportQuery, FocusAreaPublicReportQueryVariables>;
export const CreateFocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFocusAreaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFocusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateFocusAreaPageMutation, CreateFocusAreaPageMutationVariables>;
export const UpdateFocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFocusAreaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFocusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"resultsDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"costSplit"}}]}}]}}]} as unknown as DocumentNode<UpdateFocusAreaPageMutation, UpdateFocusAreaPageMutationVariables>;
export const MoveFocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveFocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FocusAreaStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveFocusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MoveFocusAreaPageMutation, MoveFocusAreaPageMutationVariables>;
export const JoinFocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinFocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinFocusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedContracts"}}]}}]}}]}}]} as unknown as DocumentNode<JoinFocusAreaPageMutation, JoinFocusAreaPageMutationVariables>;
export const LeaveFocusAreaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveFocusAreaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveFocusArea"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedContracts"}}]}}]}}]}}]} as unknown as DocumentNode<LeaveFocusAreaPageMutation, LeaveFocusAreaPageMutationVariables>;
export const SubmitContractsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitContractsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitContracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"contractIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedContracts"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitContractsPageMutation, SubmitContractsPageMutationVariables>;
export const AddToSamplingPlanPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToSamplingPlanPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"analyses"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"laboratory"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"estimatedCost"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addToSamplingPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"focusAreaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"Argument","name":{"kind":"Name","value":"analyses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"analyses"}}},{"kind":"Argument","name":{"kind":"Name","value":"laboratory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"laboratory"}}},{"kind":"Argument","name":{"kind":"Name","value":"estimatedCost"},"value":{"kind":"Variable","name":{"kind":"Name","value":"estimatedCost"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddToSamplingPlanPageMutation, AddToSamplingPlanPageMutationVariables>;
export const AssignSamplePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignSamplePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignSample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"purchasingOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AssignSamplePageMutation, AssignSamplePageMutationVariables>;
export const LogFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogFollowUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"substances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}}]}}]}}]} as unknown as DocumentNode<LogFollowUpQuery, LogFollowUpQueryVariables>;
export const ProductOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gtin"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductOptionsQuery, ProductOptionsQueryVariables>;
export const SupplierOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisationNumber"}}]}}]}}]}}]} as unknown as DocumentNode<SupplierOptionsQuery, SupplierOptionsQueryVariables>;
export const ContractsForLoggingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContractsForLogging"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effectiveLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"unitSymbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"substances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ContractsForLoggingQuery, ContractsForLoggingQueryVariables>;
export const LogFollowUpRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogFollowUpRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<LogFollowUpRecordMutation, LogFollowUpRecordMutationVariables>;
export const LogFollowUpCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogFollowUpCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gtin"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<LogFollowUpCreateProductMutation, LogFollowUpCreateProductMutationVariables>;
export const LogFollowUpCreateSupplierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogFollowUpCreateSupplier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSupplierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSupplier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisationNumber"}}]}}]}}]} as unknown as DocumentNode<LogFollowUpCreateSupplierMutation, LogFollowUpCreateSupplierMutationVariables>;
export const FollowUpPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FollowUpCard_FollowUp"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowUpCard_FollowUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"laboratory"}},{"kind":"Field","name":{"kind":"Name","value":"reportReference"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"loq"}},{"kind":"Field","name":{"kind":"Name","value":"detected"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"uncertainty"}},{"kind":"Field","name":{"kind":"Name","value":"substance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpPageQuery, FollowUpPageQueryVariables>;
export const FollowUpStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowUpStartMutation, FollowUpStartMutationVariables>;
export const FollowUpCompleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowUpCompleteMutation, FollowUpCompleteMutationVariables>;
export const FollowUpCloseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpClose"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowUpCloseMutation, FollowUpCloseMutationVariables>;
export const FollowUpRetractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpRetract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retractFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FollowUpRetractMutation, FollowUpRetractMutationVariables>;
export const FollowUpSetSupplierReleaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowUpSetSupplierRelease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requiresSupplierRelease"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"requiresSupplierRelease"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requiresSupplierRelease"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}}]}}]}}]} as unknown as DocumentNode<FollowUpSetSupplierReleaseMutation, FollowUpSetSupplierReleaseMutationVariables>;
export const ImportFollowUpsFromPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportFollowUpsFromPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"onExisting"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OnExisting"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importFollowUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"csv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csv"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"onExisting"},"value":{"kind":"Variable","name":{"kind":"Name","value":"onExisting"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"}},{"kind":"Field","name":{"kind":"Name","value":"measurements"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ImportFollowUpsFromPageMutation, ImportFollowUpsFromPageMutationVariables>;
export const LiveFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"RECORDED"},{"kind":"EnumValue","value":"PLANNED"},{"kind":"EnumValue","value":"COMPLETED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveFeedSubscription, LiveFeedSubscriptionVariables>;
export const LiveContractsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveContracts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LiveContractsQuery, LiveContractsQueryVariables>;
export const NotificationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const NotificationSetEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotificationSetEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmailMode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setEmailNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}]}]}}]} as unknown as DocumentNode<NotificationSetEmailMutation, NotificationSetEmailMutationVariables>;
export const NotificationCreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotificationCreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationReason"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationCreateWebhookMutation, NotificationCreateWebhookMutationVariables>;
export const NotificationEnableWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotificationEnableWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<NotificationEnableWebhookMutation, NotificationEnableWebhookMutationVariables>;
export const NotificationWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"webhookId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"webhookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webhookId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationWebhookDeliveriesQuery, NotificationWebhookDeliveriesQueryVariables>;
export const ProductPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gtin"}},{"kind":"Field","name":{"kind":"Name","value":"articleNumber"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FollowUpCard_FollowUp"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowUpCard_FollowUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"laboratory"}},{"kind":"Field","name":{"kind":"Name","value":"reportReference"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"loq"}},{"kind":"Field","name":{"kind":"Name","value":"detected"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"uncertainty"}},{"kind":"Field","name":{"kind":"Name","value":"substance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}}]}}]}}]} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;
export const MyContractsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyContracts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyContractsQuery, MyContractsQueryVariables>;
export const ProductEvaluationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductEvaluation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measuredOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"followUpIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"measuredOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measuredOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"limitSource"}},{"kind":"Field","name":{"kind":"Name","value":"limit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unitSymbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"lowerBound"}},{"kind":"Field","name":{"kind":"Name","value":"upperBound"}},{"kind":"Field","name":{"kind":"Name","value":"substances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"convertedValue"}},{"kind":"Field","name":{"kind":"Name","value":"convertedLoq"}},{"kind":"Field","name":{"kind":"Name","value":"convertedUnit"}},{"kind":"Field","name":{"kind":"Name","value":"withinUncertainty"}},{"kind":"Field","name":{"kind":"Name","value":"substance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reusableFollowUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRejected"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reusable"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductEvaluationQuery, ProductEvaluationQueryVariables>;
export const RecordReuseFromPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReuseFromPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReuse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"followUpId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}}},{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RecordReuseFromPageMutation, RecordReuseFromPageMutationVariables>;
export const RequirementPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequirementPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"legalSource"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unitSymbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"substances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequirementPageQuery, RequirementPageQueryVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gtin"}},{"kind":"Field","name":{"kind":"Name","value":"articleNumber"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"substances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const StartPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StartPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StartPageQuery, StartPageQueryVariables>;
export const RecentFollowUpsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentFollowUps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"RECORDED_AT_DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecentFollowUpsQuery, RecentFollowUpsQueryVariables>;
export const PublicStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpCount"}},{"kind":"Field","name":{"kind":"Name","value":"measurementCount"}},{"kind":"Field","name":{"kind":"Name","value":"followUpsByCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verdicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}},{"kind":"Field","name":{"kind":"Name","value":"substanceName"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<PublicStatisticsQuery, PublicStatisticsQueryVariables>;
export const SupplierViewMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierViewMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SupplierViewMeQuery, SupplierViewMeQueryVariables>;
export const SupplierViewStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierViewStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"light"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdueDeviations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openDeviations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviationFacts_Deviation"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviationFacts_Deviation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deviation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanRejection"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SupplierViewStatusQuery, SupplierViewStatusQueryVariables>;
export const SupplierViewFollowUpsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierViewFollowUps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FollowUpCard_FollowUp"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowUpCard_FollowUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"laboratory"}},{"kind":"Field","name":{"kind":"Name","value":"reportReference"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"requiresSupplierRelease"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"loq"}},{"kind":"Field","name":{"kind":"Name","value":"detected"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"uncertainty"}},{"kind":"Field","name":{"kind":"Name","value":"substance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"casNumber"}}]}}]}}]}}]} as unknown as DocumentNode<SupplierViewFollowUpsQuery, SupplierViewFollowUpsQueryVariables>;
export const SupplierViewRespondDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierViewRespond"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionPlan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dueDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToDeviation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"actionPlan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionPlan"}}},{"kind":"Argument","name":{"kind":"Name","value":"dueDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dueDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanDueDate"}}]}}]}}]} as unknown as DocumentNode<SupplierViewRespondMutation, SupplierViewRespondMutationVariables>;
export const SupplierViewCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierViewComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commentOnFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"followUpId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SupplierViewCommentMutation, SupplierViewCommentMutationVariables>;
export const SupplierViewReleaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierViewRelease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"followUpId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportReleasedAt"}}]}}]}}]} as unknown as DocumentNode<SupplierViewReleaseMutation, SupplierViewReleaseMutationVariables>;
export const SupplierPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplierStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"light"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueDeviations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openDeviations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviationFacts_Deviation"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviationFacts_Deviation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deviation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanRejection"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SupplierPageQuery, SupplierPageQueryVariables>;
export const SupplierOpenDeviationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierOpenDeviation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenDeviationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openDeviation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SupplierOpenDeviationMutation, SupplierOpenDeviationMutationVariables>;
export const SupplierResolveDeviationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierResolveDeviation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveDeviation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SupplierResolveDeviationMutation, SupplierResolveDeviationMutationVariables>;
export const SupplierAcceptActionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierAcceptActionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}}]}}]}}]} as unknown as DocumentNode<SupplierAcceptActionPlanMutation, SupplierAcceptActionPlanMutationVariables>;
export const SupplierRejectActionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierRejectActionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlanStatus"}}]}}]}}]} as unknown as DocumentNode<SupplierRejectActionPlanMutation, SupplierRejectActionPlanMutationVariables>;
export const SupplierInviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupplierInviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteSupplierMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"supplierId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplierId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"principal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SupplierInviteMemberMutation, SupplierInviteMemberMutationVariables>;
export const WatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Watches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]} as unknown as DocumentNode<WatchesQuery, WatchesQueryVariables>;
export const WatchTargetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WatchTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WatchKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]} as unknown as DocumentNode<WatchTargetMutation, WatchTargetMutationVariables>;
export const UnwatchTargetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnwatchTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WatchKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unwatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}}}]}]}}]} as unknown as DocumentNode<UnwatchTargetMutation, UnwatchTargetMutationVariables>;