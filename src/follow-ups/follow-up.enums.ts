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

// The follow-ups' vocabulary as GraphQL enums; the lists are in src/vocabulary/vocabulary.ts.

export const FollowUpStatusEnum = graphqlEnum(FOLLOW_UP_STATUSES, 'FollowUpStatus', {
  description: 'PLANNED → IN_PROGRESS → COMPLETED → CLOSED; RETRACTED at any point, never deleted.',
});

export const MethodEnum = graphqlEnum(METHODS, 'FollowUpMethod');

export const VisibilityEnum = graphqlEnum(VISIBILITIES, 'Visibility', {
  description: 'SHARED: all members read it; PRIVATE: its organisation only.',
});

export const SeverityEnum = graphqlEnum(SEVERITIES, 'DeviationSeverity');

export const DeviationStatusEnum = graphqlEnum(DEVIATION_STATUSES, 'DeviationStatus');

export const VerdictEnum = graphqlEnum(VERDICTS, 'Verdict');

export const SubstanceStatusEnum = graphqlEnum(SUBSTANCE_STATUSES, 'SubstanceMeasurementStatus');

export const TrafficLightEnum = graphqlEnum(TRAFFIC_LIGHTS, 'TrafficLight', {
  description: 'RED: a deviation past its due date unresolved; YELLOW: deviations open but in time; GREEN: none open.',
});

export const LimitSourceEnum = graphqlEnum(LIMIT_SOURCES, 'LimitSource', {
  description: "CONTRACT: the contract's own limit; LIBRARY: the library default.",
});

/** How a list of follow-ups is ordered: an option of the `followUps` query, not a word of the domain. */
export const FOLLOW_UP_ORDERS = [
  'PERFORMED_ON_DESC',
  'PERFORMED_ON_ASC',
  'RECORDED_AT_DESC',
  'RECORDED_AT_ASC',
] as const;
export const FollowUpOrderEnum = graphqlEnum(FOLLOW_UP_ORDERS, 'FollowUpOrder');

export const ActionPlanStatusEnum = graphqlEnum(ACTION_PLAN_STATUSES, 'ActionPlanStatus', {
  description:
    "A supplier's action plan: PROPOSED by the supplier, then ACCEPTED or REJECTED by the opening organisation.",
});
