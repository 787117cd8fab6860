import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { PrincipalModel } from '../auth/principal.model.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection } from '../common/pagination/connection.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Node } from '../nodes/node.model.js';
import { EventSubjectTypeEnum, EventTypeEnum } from '../common/graphql-enums.js';

export const AUDIT_LOG_ORDERS = ['NEWEST_FIRST', 'OLDEST_FIRST'] as const;
export type AuditLogOrder = (typeof AUDIT_LOG_ORDERS)[number];
export const AuditLogOrderEnum = graphqlEnum(AUDIT_LOG_ORDERS, 'AuditLogOrder', {
  description: 'By position in the log (seq), which is commit order.',
  values: { NEWEST_FIRST: 'The latest event first (the default).', OLDEST_FIRST: 'The earliest event first.' },
});

@ObjectType({
  description: 'One entry of the append-only event log: who (principal, organisation) did what to which subject, when.',
  implements: () => [Node],
})
export class AuditLogEntry {
  @Field(() => ID, { description: 'The position in the log (seq); also the cursor.' }) id: string;
  @Field(() => EventTypeEnum, { description: 'What happened.' }) type: string;
  @Field(() => DateTimeScalar, { description: 'When it happened (UTC, commit order).' }) occurredAt: string;
  @Field(() => PrincipalModel, { nullable: true, description: "Null for the seed data and the operator's CLI." })
  actor?: PrincipalModel | null;
  @Field(() => String, { nullable: true, description: "The acting principal's name." }) actorName?: string | null;
  @Field(() => Organisation, { nullable: true, description: 'The organisation the change was made for.' })
  actorOrganisation?: Organisation | null;
  @Field(() => EventSubjectTypeEnum, { description: 'The type of the record it happened to.' }) subjectType: string;
  @Field(() => ID, { description: 'The id of what it is about (see subjectType).' }) subjectId: string;
  @Field(() => ID, { nullable: true, description: 'The follow-up the event concerns, when it concerns one.' })
  followUpId: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'JSON summary of the change: changed field names and non-confidential values, never confidential text or token secrets.',
  })
  payload: string | null;
}

export const AuditLogConnection = Connection(AuditLogEntry);
