import { graphqlEnum } from '../common/graphql-enums.js';
import {
  ACTION_PLAN_STATUSES,
  DEVIATION_STATUSES,
  FOLLOW_UP_STATUSES,
  LIMIT_SOURCES,
  METHODS,
  SEVERITIES,
  SUBSTANCE_STATUSES,
  TRAFFIC_LIGHTS,
  VERDICTS,
  VISIBILITIES,
} from '../vocabulary/vocabulary.js';
import {
  ACTION_PLAN_STATUS_VALUES,
  DEVIATION_STATUS_VALUES,
  FOLLOW_UP_STATUS_VALUES,
  LIMIT_SOURCE_VALUES,
  METHOD_VALUES,
  SEVERITY_VALUES,
  SUBSTANCE_STATUS_VALUES,
  TRAFFIC_LIGHT_VALUES,
  VERDICT_VALUES,
  VISIBILITY_VALUES,
} from '../vocabulary/value-descriptions.js';

// The follow-ups' vocabulary as GraphQL enums; the lists are in src/vocabulary/vocabulary.ts.

export const FollowUpStatusEnum = graphqlEnum(FOLLOW_UP_STATUSES, 'FollowUpStatus', {
  description: 'PLANNED → IN_PROGRESS → COMPLETED → CLOSED; RETRACTED at any point, never deleted.',
  values: FOLLOW_UP_STATUS_VALUES,
});

export const MethodEnum = graphqlEnum(METHODS, 'FollowUpMethod', {
  description: 'How a follow-up was performed; it decides which requirements the follow-up can decide.',
  values: METHOD_VALUES,
});

export const VisibilityEnum = graphqlEnum(VISIBILITIES, 'Visibility', {
  description: 'SHARED: all members read it; PRIVATE: its organisation only.',
  values: VISIBILITY_VALUES,
});

export const SeverityEnum = graphqlEnum(SEVERITIES, 'DeviationSeverity', {
  description: 'How serious a deviation is: all but OBSERVATION demand action and colour the traffic light.',
  values: SEVERITY_VALUES,
});

export const DeviationStatusEnum = graphqlEnum(DEVIATION_STATUSES, 'DeviationStatus', {
  description: 'A deviation: OPEN → ACTION_PLAN_AGREED → RESOLVED.',
  values: DEVIATION_STATUS_VALUES,
});

export const VerdictEnum = graphqlEnum(VERDICTS, 'Verdict', {
  description:
    'The outcome of evaluating a product (or a part) against a requirement; worst first: FAIL, INCONCLUSIVE, INCOMPLETE, NO_DATA, PASS.',
  values: VERDICT_VALUES,
});

export const SubstanceStatusEnum = graphqlEnum(SUBSTANCE_STATUSES, 'SubstanceMeasurementStatus', {
  description: 'Whether a substance in scope has a result in a part that compares with the limit.',
  values: SUBSTANCE_STATUS_VALUES,
});

export const TrafficLightEnum = graphqlEnum(TRAFFIC_LIGHTS, 'TrafficLight', {
  description: 'RED: a deviation past its due date unresolved; YELLOW: deviations open but in time; GREEN: none open.',
  values: TRAFFIC_LIGHT_VALUES,
});

export const LimitSourceEnum = graphqlEnum(LIMIT_SOURCES, 'LimitSource', {
  description: "CONTRACT: the contract's own limit; LIBRARY: the library default.",
  values: LIMIT_SOURCE_VALUES,
});

/** How a list of follow-ups is ordered: an option of the `followUps` query, not a word of the domain. */
export const FOLLOW_UP_ORDERS = [
  'PERFORMED_ON_DESC',
  'PERFORMED_ON_ASC',
  'RECORDED_AT_DESC',
  'RECORDED_AT_ASC',
] as const;
const FOLLOW_UP_ORDER_VALUES: Record<(typeof FOLLOW_UP_ORDERS)[number], string> = {
  PERFORMED_ON_DESC: 'The latest performedOn first (the default); PLANNED ones without a date last.',
  PERFORMED_ON_ASC: 'The earliest performedOn first; ones without a date (PLANNED) first of all.',
  RECORDED_AT_DESC: 'The most recently recorded first.',
  RECORDED_AT_ASC: 'The first recorded first.',
};
export const FollowUpOrderEnum = graphqlEnum(FOLLOW_UP_ORDERS, 'FollowUpOrder', {
  description: 'How followUps is ordered (ties broken by id, so pages never overlap).',
  values: FOLLOW_UP_ORDER_VALUES,
});

export const ActionPlanStatusEnum = graphqlEnum(ACTION_PLAN_STATUSES, 'ActionPlanStatus', {
  description:
    "A supplier's action plan: PROPOSED by the supplier, then ACCEPTED or REJECTED by the opening organisation.",
  values: ACTION_PLAN_STATUS_VALUES,
});
