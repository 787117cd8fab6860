import { registerEnumType } from '@nestjs/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const FOLLOW_UP_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'RETRACTED'] as const;
export const FollowUpStatusEnum = enumOf(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, {
  name: 'FollowUpStatus',
  description: 'PLANNED → IN_PROGRESS → COMPLETED → CLOSED; RETRACTED at any point, never deleted.',
});

export const METHODS = ['LAB_ANALYSIS', 'DOCUMENT_REVIEW', 'SUPPLIER_DECLARATION', 'DESK_AUDIT', 'SITE_AUDIT'] as const;
export const MethodEnum = enumOf(METHODS);
registerEnumType(MethodEnum, { name: 'FollowUpMethod' });

export const VISIBILITIES = ['SHARED', 'PRIVATE'] as const;
export const VisibilityEnum = enumOf(VISIBILITIES);
registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: 'SHARED: all members read it; PRIVATE: its organisation only.',
});

export const SEVERITIES = ['OBSERVATION', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export const SeverityEnum = enumOf(SEVERITIES);
registerEnumType(SeverityEnum, { name: 'DeviationSeverity' });

export const DEVIATION_STATUSES = ['OPEN', 'ACTION_PLAN_AGREED', 'RESOLVED'] as const;
export const DeviationStatusEnum = enumOf(DEVIATION_STATUSES);
registerEnumType(DeviationStatusEnum, { name: 'DeviationStatus' });

export const VERDICTS = ['PASS', 'FAIL', 'INCONCLUSIVE', 'INCOMPLETE', 'NO_DATA'] as const;
export const VerdictEnum = enumOf(VERDICTS);
registerEnumType(VerdictEnum, { name: 'Verdict' });

export const SUBSTANCE_STATUSES = ['MEASURED', 'NOT_MEASURED', 'NOT_COMPARABLE'] as const;
export const SubstanceStatusEnum = enumOf(SUBSTANCE_STATUSES);
registerEnumType(SubstanceStatusEnum, { name: 'SubstanceMeasurementStatus' });

export const TRAFFIC_LIGHTS = ['RED', 'YELLOW', 'GREEN'] as const;
export const TrafficLightEnum = enumOf(TRAFFIC_LIGHTS);
registerEnumType(TrafficLightEnum, {
  name: 'TrafficLight',
  description: 'RED: a deviation past its due date unresolved; YELLOW: deviations open but in time; GREEN: none open.',
});

export const FOLLOW_UP_ORDERS = [
  'PERFORMED_ON_DESC',
  'PERFORMED_ON_ASC',
  'RECORDED_AT_DESC',
  'RECORDED_AT_ASC',
] as const;
export const FollowUpOrderEnum = enumOf(FOLLOW_UP_ORDERS);
registerEnumType(FollowUpOrderEnum, { name: 'FollowUpOrder' });

export const LIMIT_SOURCES = ['CONTRACT', 'LIBRARY'] as const;
export const LimitSourceEnum = enumOf(LIMIT_SOURCES);
registerEnumType(LimitSourceEnum, {
  name: 'LimitSource',
  description: "CONTRACT: the contract's own limit; LIBRARY: the library default.",
});
