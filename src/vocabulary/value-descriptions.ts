import type {
  ActionPlanStatus,
  Aggregation,
  DelegationScope,
  DeliveryStatus,
  DeviationStatus,
  EmailMode,
  SessionEndReason,
  SignInRole,
  SubjectClaim,
  EventSubjectType,
  EventType,
  FollowUpEventType,
  FollowUpStatus,
  IdentityBasis,
  ImportJobStatus,
  ImportOutcome,
  LimitBasis,
  LimitSource,
  Method,
  NotificationReason,
  OnExisting,
  OrganisationKind,
  PrincipalKind,
  RegulatoryList,
  RequirementKind,
  Role,
  Severity,
  SubstanceGroup,
  SubstanceStatus,
  TokenStatus,
  TrafficLight,
  Verdict,
  Visibility,
  WatchKind,
} from './vocabulary.js';

/**
 * What each value of the closed lists means, for the GraphQL schema's enum values (a client
 * developer reads them in GraphiQL and in generated types). Plain tables keyed by the list's type,
 * as the vocabulary's other tables: a value added to a list without a description here does not compile.
 */

export const AGGREGATION_VALUES: Record<Aggregation, string> = {
  EACH: 'Each listed substance on its own must stay within the limit.',
  SUM: 'The listed substances together (their sum) must stay within the limit ("individually or in combination").',
};

export const REQUIREMENT_KIND_VALUES: Record<RequirementKind, string> = {
  LIMIT: 'A measured threshold: decided by laboratory results against the limit.',
  NOT_ADDED: 'Not intentionally added: decided by a declaration, a document review or an audit (a limit is optional).',
  DOCUMENTATION:
    'A document must exist (e.g. a safety data sheet): decided by a document review or an audit; no limit.',
};

export const LIMIT_BASIS_VALUES: Record<LimitBasis, string> = {
  HOMOGENEOUS_MATERIAL: 'A fraction of each homogeneous material (e.g. the PVC of a cable sheath).',
  PART: 'A fraction of each part as measured (a measurement names its part).',
  ARTICLE: 'A fraction of the whole article.',
  MIXTURE: 'A fraction of a mixture (a chemical product, e.g. a cleaning agent).',
};

export const LIMIT_SOURCE_VALUES: Record<LimitSource, string> = {
  CONTRACT: "The contract's own limit for the requirement (setContractRequirement).",
  LIBRARY: "The requirement's default limit in the library: the contract has none of its own.",
};

export const REGULATORY_LIST_VALUES: Record<RegulatoryList, string> = {
  REACH_CANDIDATE_LIST: 'The REACH Candidate List of substances of very high concern (SVHC, ECHA).',
  REACH_ANNEX_XIV: 'REACH Annex XIV: substances that need an authorisation.',
  REACH_ANNEX_XVII: 'REACH Annex XVII: restricted substances.',
  ROHS: 'The RoHS directive (2011/65/EU): restricted in electrical and electronic equipment.',
  POPS: 'The POPs regulation ((EU) 2019/1021): persistent organic pollutants.',
  CLP_CMR: 'Classified under CLP as carcinogenic, mutagenic or toxic for reproduction (CMR), category 1A or 1B.',
};

export const METHOD_VALUES: Record<Method, string> = {
  LAB_ANALYSIS: 'A laboratory analysis: measures substances, so it decides LIMIT requirements.',
  DOCUMENT_REVIEW:
    'A review of documents (safety data sheets, test reports): decides NOT_ADDED and DOCUMENTATION requirements.',
  SUPPLIER_DECLARATION: "The supplier's signed declaration: decides NOT_ADDED and DOCUMENTATION requirements.",
  DESK_AUDIT: "An audit of the supplier's processes from documents, at a desk.",
  SITE_AUDIT: "An audit at the supplier's or manufacturer's site.",
};

export const FOLLOW_UP_STATUS_VALUES: Record<FollowUpStatus, string> = {
  PLANNED: 'Planned: no results yet; may be dated in the future. Does not count.',
  IN_PROGRESS: 'Under way (e.g. samples at the laboratory): results may still change. Does not count.',
  COMPLETED: 'Done: its results count in evaluation, reuse and the public statistics.',
  CLOSED: 'Closed after COMPLETED: its results still count.',
  RETRACTED: 'Withdrawn with a reason (e.g. the wrong sample was analysed): kept, never deleted, and never counts.',
};

export const VISIBILITY_VALUES: Record<Visibility, string> = {
  SHARED: 'Every member organisation reads it (supplier members: those about their own supplier).',
  PRIVATE: "Only the recording organisation's members read it.",
};

export const SEVERITY_VALUES: Record<Severity, string> = {
  OBSERVATION: 'A note only: demands nothing and does not colour the traffic light.',
  MINOR: 'A minor deviation: demands a correction by its due date.',
  MAJOR: 'A major deviation: demands a correction by its due date.',
  CRITICAL: 'A critical deviation (e.g. a banned substance found): demands a correction by its due date.',
};

export const DEVIATION_STATUS_VALUES: Record<DeviationStatus, string> = {
  OPEN: 'Opened; waits for the supplier. RED in the traffic light once past its due date.',
  ACTION_PLAN_AGREED: "The supplier's action plan was accepted: due by the plan's date.",
  RESOLVED: 'Settled (with a resolution text): no longer counts against the supplier.',
};

export const ACTION_PLAN_STATUS_VALUES: Record<ActionPlanStatus, string> = {
  PROPOSED: 'Proposed by the supplier (respondToDeviation); waits for the opening organisation.',
  ACCEPTED: "Accepted by the opening organisation: the deviation is ACTION_PLAN_AGREED, due by the plan's date.",
  REJECTED:
    'Rejected by the opening organisation, with a reason (actionPlanRejection); the supplier may propose again.',
};

export const TRAFFIC_LIGHT_VALUES: Record<TrafficLight, string> = {
  RED: 'At least one deviation that demands action is past its due date and unresolved.',
  YELLOW: 'Deviations that demand action are open, all within their due dates.',
  GREEN: 'No deviation that demands action is open.',
};

export const VERDICT_VALUES: Record<Verdict, string> = {
  PASS: 'Meets the requirement: every result shows the limit is met.',
  FAIL: 'Does not meet the requirement: a result shows the limit is exceeded.',
  INCONCLUSIVE:
    'Cannot be decided: the results show neither that the limit is met nor that it is exceeded (e.g. a LOQ above the limit).',
  INCOMPLETE: 'Incomplete evidence: a listed substance has no comparable result (in some part).',
  NO_DATA: 'No counting follow-up covers the requirement.',
};

export const SUBSTANCE_STATUS_VALUES: Record<SubstanceStatus, string> = {
  MEASURED: 'A result that compares with the limit (detected with a value, or not detected below a LOQ).',
  NOT_MEASURED: 'No result for the substance in this part.',
  NOT_COMPARABLE:
    'Measured in a unit of another dimension than the limit (e.g. migration in mg/L): never a pass or a fail.',
};

export const ORGANISATION_KIND_VALUES: Record<OrganisationKind, string> = {
  REGION: 'A Swedish region (e.g. Region Skåne).',
  MUNICIPALITY: 'A municipality.',
  OTHER: 'Another contracting authority, e.g. a central purchasing body such as Adda.',
  SUPPLIER: "A supplier's own organisation, holding its supplier members (see Organisation.supplier).",
};

export const ROLE_VALUES: Record<Role, string> = {
  SUPPLIER: "A supplier member: reads its own supplier's SHARED follow-ups and answers them (comments, action plans).",
  READER: 'Reads shared data: the catalogue, SHARED follow-ups, evaluations.',
  CONTACT_PERSON: 'A READER who also records and changes follow-ups, contracts and imports for its organisation.',
  COORDINATOR: 'A CONTACT_PERSON who also keeps the library (substances, requirements, categories).',
  ADMIN: "A COORDINATOR who also manages its organisation's members, tokens and delegations, and reads the audit log.",
};

export const PRINCIPAL_KIND_VALUES: Record<PrincipalKind, string> = {
  MEMBER: 'A person of the organisation (has an e-mail address).',
  API_CLIENT: 'Another tool acting for the organisation (no e-mail address).',
};

export const TOKEN_STATUS_VALUES: Record<TokenStatus, string> = {
  ACTIVE: 'Works: neither revoked nor past its expiresAt.',
  EXPIRED: 'Past its expiresAt: refused with UNAUTHENTICATED.',
  REVOKED: 'Revoked (revokeToken): refused with UNAUTHENTICATED; wins over EXPIRED.',
};

export const DELEGATION_SCOPE_VALUES: Record<DelegationScope, string> = {
  CONTRACTS: 'Create contracts for the granting organisation, and keep (change) those the delegate created.',
  FOLLOW_UPS: 'Record follow-ups for the granting organisation, and change those the delegate recorded.',
  IMPORTS: 'Import CSV/XLSX rows filed under the granting organisation.',
};

export const IMPORT_OUTCOME_VALUES: Record<ImportOutcome, string> = {
  NEW: 'Not in the registry yet: created (or would be, in a dry run).',
  UNCHANGED: 'In the registry exactly as in the file: nothing stored.',
  CHANGED: 'In the registry, with differences: onExisting decides (SKIP, UPDATE or REJECT).',
};

export const ON_EXISTING_VALUES: Record<OnExisting, string> = {
  SKIP: 'Leave the stored follow-up as it is.',
  UPDATE: "Store the file's version as a new version of the follow-up (with its UPDATED event).",
  REJECT: 'List it as a row error, so the file stores nothing (the default).',
};

export const IDENTITY_BASIS_VALUES: Record<IdentityBasis, string> = {
  ID: "Its follow_up_key is the follow-up's id (a file exported from the registry).",
  REPORT_REFERENCE: 'The same organisation and report_reference.',
  CONTENT: 'The same organisation, product (or supplier), method, performed_on and measurements.',
};

export const IMPORT_JOB_STATUS_VALUES: Record<ImportJobStatus, string> = {
  QUEUED: 'Accepted, not started yet.',
  RUNNING: 'Reading, checking or writing the file (see progress and phase).',
  FINISHED: 'Done: its result says whether the file was stored or lists the row errors.',
  FAILED: 'Could not finish (see failure); nothing was stored.',
};

export const SUBSTANCE_GROUP_VALUES: Record<SubstanceGroup, string> = {
  ORTHO_PHTHALATE: 'Ortho-phthalate plasticisers, e.g. DEHP, DBP, BBP (REACH Annex XVII entry 51).',
  PFAS: 'Per- and polyfluoroalkyl substances, e.g. PFOA, PFOS.',
  BISPHENOL: 'Bisphenols, e.g. bisphenol A and S.',
  ALKYLPHENOL: 'Alkylphenols and their ethoxylates, e.g. nonylphenol.',
  BROMINATED_FLAME_RETARDANT: 'Brominated flame retardants, e.g. PBDEs, HBCDD.',
  ORGANOPHOSPHATE_FLAME_RETARDANT: 'Organophosphate flame retardants, e.g. TCEP, TCPP.',
  CHLORINATED_PARAFFIN: 'Short- and medium-chain chlorinated paraffins (SCCP, MCCP).',
  COMPLEXING_AGENT: 'Complexing agents, e.g. EDTA, NTA.',
  FORMALDEHYDE: 'Formaldehyde and formaldehyde releasers.',
  HEAVY_METAL: 'Heavy metals and their compounds, e.g. lead, cadmium, mercury.',
  ORGANOTIN: 'Organotin compounds, e.g. tributyltin (TBT).',
  PAH: 'Polycyclic aromatic hydrocarbons, e.g. benzo[a]pyrene (REACH Annex XVII entry 50).',
  SOLVENT: 'Organic solvents, e.g. toluene, DMF.',
  OTHER: 'Any other substance of the library.',
};

export const FOLLOW_UP_EVENT_TYPE_VALUES: Record<FollowUpEventType, string> = {
  PLANNED: 'A follow-up was recorded as PLANNED.',
  RECORDED: 'A follow-up was recorded (recordFollowUp or an import), with its results.',
  UPDATED: 'A follow-up was changed (updateFollowUp, or an import with UPDATE); a new version.',
  COMPLETED: 'A follow-up became COMPLETED: its results count from now on.',
  CLOSED: 'A follow-up was closed.',
  RETRACTED: 'A follow-up was retracted, with a reason: its results no longer count.',
  DEVIATION_OPENED: 'A deviation was opened on a follow-up.',
  DEVIATION_UPDATED: "A deviation's description, severity or due date changed.",
  DEVIATION_RESOLVED: 'A deviation was resolved.',
  REUSED: "An organisation relied on another's follow-up for one of its contracts (recordReuse).",
  ACTION_PLAN_PROPOSED: 'The supplier proposed an action plan for a deviation.',
  ACTION_PLAN_ACCEPTED: "The opening organisation accepted the supplier's action plan.",
  ACTION_PLAN_REJECTED: "The opening organisation rejected the supplier's action plan.",
  COMMENTED: 'The supplier commented on a follow-up.',
  REPORT_RELEASED: 'The supplier released the full report: other organisations now read its laboratory and reference.',
};

export const EVENT_TYPE_VALUES: Record<EventType, string> = {
  ...FOLLOW_UP_EVENT_TYPE_VALUES,
  IMPORTED: 'A CSV/XLSX file was imported (its follow-ups have their own RECORDED events).',
  ORGANISATION_CREATED: 'An organisation was created.',
  SUPPLIER_CREATED: 'A supplier was created.',
  SUPPLIER_UPDATED: 'A supplier was changed.',
  PRODUCT_CREATED: 'A product was created.',
  PRODUCT_UPDATED: 'A product was changed.',
  CATEGORY_CREATED: 'A product category was created.',
  CATEGORY_UPDATED: 'A product category was changed.',
  SUBSTANCE_CREATED: 'A substance was added to the library.',
  SUBSTANCE_UPDATED: 'A substance of the library was changed.',
  REQUIREMENT_CREATED: 'A requirement was added to the library.',
  REQUIREMENT_UPDATED: 'A requirement of the library was changed.',
  CONTRACT_CREATED: 'A contract was created.',
  CONTRACT_UPDATED: 'A contract was changed.',
  CONTRACT_REQUIREMENT_SET: 'A requirement was set on a contract, or its own limit changed.',
  CONTRACT_REQUIREMENT_REMOVED: 'A requirement was taken off a contract.',
  PRINCIPAL_CREATED: 'A member or API client was created.',
  TOKEN_CREATED: 'A token was created (its secret never enters the log).',
  TOKEN_REVOKED: 'A token was revoked.',
  DELEGATION_GRANTED: 'An organisation let another act for it (grantDelegation).',
  DELEGATION_REVOKED: 'A delegation was revoked.',
  WATCH_STARTED: 'Someone started watching something.',
  WATCH_ENDED: 'Someone stopped watching something.',
  EMAIL_NOTIFICATIONS_SET: 'Someone changed how their notifications reach them by e-mail.',
  WEBHOOK_CREATED: 'A webhook was created.',
  WEBHOOK_ENABLED: 'A webhook was turned on again by its owner.',
  WEBHOOK_DISABLED: 'A webhook was turned off after failed deliveries in a row.',
  FOCUS_AREA_CREATED: 'A focus area (a yearly joint follow-up) was created by a COORDINATOR.',
  FOCUS_AREA_UPDATED:
    'A focus area’s title, description, categories, requirements, substances, weights or cost split changed.',
  FOCUS_AREA_MOVED:
    'A focus area moved one step on PLANNING → SAMPLING → ANALYSING → REPORTING → CLOSED (payload: from, to).',
  FOCUS_AREA_JOINED: 'An organisation joined a focus area as a participant.',
  FOCUS_AREA_LEFT: 'An organisation left a focus area (only while PLANNING).',
  CONTRACTS_SUBMITTED: 'A participant submitted its own contracts in the focus area’s categories.',
  SAMPLE_PLANNED:
    'A product was added to a focus area’s sampling plan, with its analyses, laboratory and estimated cost.',
  SAMPLE_ASSIGNED: 'A sampled product got its one purchasing organisation, and a PLANNED follow-up was created for it.',
  IDENTITY_PROVIDER_ADDED:
    "An organisation's OpenID Connect identity provider was added (its client secret never enters the log).",
  IDENTITY_PROVIDER_UPDATED: "An organisation's identity provider was changed.",
  IDENTITY_PROVIDER_REMOVED: "An organisation's identity provider was removed; its sessions ended.",
  SIGNED_IN: "A person signed in through the organisation's identity provider.",
  SIGN_IN_REFUSED: 'A sign-in was refused, naming the check that failed (never a token or a claim value).',
  SIGNED_OUT: 'A person signed out.',
  SESSION_ENDED: 'A session ended, with its reason: ended by an ADMIN, idle, expired, or its provider removed.',
};

export const EVENT_SUBJECT_TYPE_VALUES: Record<EventSubjectType, string> = {
  Organisation: 'An organisation (subjectId: its id).',
  Supplier: 'A supplier.',
  Product: 'A product.',
  ProductCategory: 'A product category.',
  Substance: 'A substance of the library.',
  ChemicalRequirement: 'A requirement of the library.',
  Contract: 'A contract.',
  FollowUp: 'A follow-up.',
  Deviation: 'A deviation.',
  Reuse: 'A reuse of a follow-up.',
  Comment: "A supplier's comment on a follow-up.",
  Import: 'A whole imported file (subjectId: the import).',
  Principal: 'A member or API client (administration: read by its own organisation’s ADMINs only).',
  ApiToken: 'A token (administration: read by its own organisation’s ADMINs only).',
  Delegation: 'A delegation.',
  Watch: 'A watch (read by the watcher’s own organisation’s ADMINs only).',
  Webhook: 'A webhook (read by its owner’s own organisation’s ADMINs only).',
  FocusArea: 'A focus area (subjectId: its id), also for the events of its samples (SAMPLE_PLANNED, SAMPLE_ASSIGNED).',
  IdentityProvider: 'An identity provider (administration: read by its own organisation’s ADMINs only).',
  Session: 'A sign-in session (administration: read by its own organisation’s ADMINs only).',
};

export const WATCH_KIND_VALUES: Record<WatchKind, string> = {
  PRODUCT: 'A product (targetId: its id).',
  SUPPLIER: 'A supplier and all its products (targetId: its id).',
  REQUIREMENT: 'A requirement of the library (targetId: its id).',
  CONTRACTS: "Your organisation's contracts (no targetId): follow-ups on the suppliers it has contracts with.",
};

export const NOTIFICATION_REASON_VALUES: Record<NotificationReason, string> = {
  FOLLOW_UP_COMPLETED: 'A follow-up was completed on something you watch.',
  CONTRACT_FAIL: "A follow-up failed a requirement of one of your organisation's contracts.",
  DEVIATION_DUE: 'A deviation of your organisation is due within 7 days.',
  DEVIATION_OVERDUE: 'A deviation of your organisation is past its due date, unresolved.',
  REUSE_RETRACTED: 'A follow-up your organisation reused was retracted.',
  SUPPLIER_ANSWER: "A supplier answered (action plan, comment, report released) on your organisation's follow-up.",
};

export const EMAIL_MODE_VALUES: Record<EmailMode, string> = {
  IMMEDIATE: 'One e-mail per notification, as it happens (the default).',
  DAILY_DIGEST: 'One e-mail a day with the day’s notifications.',
  OFF: 'No e-mail (webhooks still receive theirs).',
};

export const DELIVERY_STATUS_VALUES: Record<DeliveryStatus, string> = {
  PENDING: 'Not sent yet, or waiting for the next attempt after a failure (nextAttemptAt).',
  SENT: 'The receiver answered 2xx.',
  FAILED: 'Given up after the last attempt.',
};

export const SIGN_IN_ROLE_VALUES: Record<SignInRole, string> = {
  READER: 'Reads the registry.',
  CONTACT_PERSON: "Also records follow-ups, deviations and reuses for the person's organisation.",
  COORDINATOR: 'Also keeps the requirement library, categories and focus areas.',
  ADMIN: "Also administers the organisation's members, tokens, delegations, identity provider and sessions.",
};

export const SUBJECT_CLAIM_VALUES: Record<SubjectClaim, string> = {
  sub: "The provider's subject identifier (stable per person and provider; the default).",
  email: 'The e-mail address claim (when the provider guarantees it is verified and unique).',
};

export const SESSION_END_REASON_VALUES: Record<SessionEndReason, string> = {
  SIGNED_OUT: 'The person signed out.',
  ENDED_BY_ADMIN: "An ADMIN of the person's organisation ended it (endSession).",
  IDLE: 'Not used for longer than the idle limit (SESSION_IDLE_MINUTES).',
  EXPIRED: 'Past its absolute limit since sign-in (SESSION_ABSOLUTE_HOURS).',
  PROVIDER_REMOVED: "The organisation's identity provider was removed.",
};
