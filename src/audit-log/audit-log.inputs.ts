import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../common/pagination/connection.js';
import { AUDIT_LOG_ORDERS, type AuditLogOrder, AuditLogOrderEnum } from './audit-log.model.js';
import { EventSubjectTypeEnum, EventTypeEnum } from '../common/graphql-enums.js';
import { EVENT_SUBJECT_TYPES, EVENT_TYPES, type EventSubjectType, type EventType } from '../vocabulary/vocabulary.js';

@InputType({ description: 'Which events: every condition given must hold.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'The acting organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id' })
  organisationId?: string;
  @Field(() => ID, { nullable: true, description: 'The acting principal.' })
  @IsOptional()
  @IsUUID('all', { message: 'principalId must be an id' })
  principalId?: string;
  @Field(() => EventTypeEnum, { nullable: true, description: 'e.g. RECORDED, TOKEN_CREATED.' })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: EventType;
  @Field(() => EventSubjectTypeEnum, { nullable: true, description: 'e.g. FOLLOW_UP, CONTRACT, API_TOKEN.' })
  @IsOptional()
  @IsIn(EVENT_SUBJECT_TYPES)
  subjectType?: EventSubjectType;
  @Field(() => ID, { nullable: true, description: 'Only events about this record (its id).' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  subjectId?: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'From this instant on (inclusive), e.g. 2026-03-01T00:00:00Z.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Up to this instant (inclusive), e.g. 2026-03-31T23:59:59.999Z; not before from.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: 'Which events; none: all you may read.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
  @Field(() => AuditLogOrderEnum, {
    defaultValue: 'NEWEST_FIRST',
    description: 'NEWEST_FIRST (the default) or OLDEST_FIRST.',
  })
  @IsIn(AUDIT_LOG_ORDERS)
  orderBy: AuditLogOrder;
}
