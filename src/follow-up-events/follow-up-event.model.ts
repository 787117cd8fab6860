import { applyDecorators } from '@nestjs/common';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { graphqlEnum } from '../common/graphql-enums.js';
import { Connection, FirstArgs } from '../common/pagination/connection.js';
import { FollowUp } from '../follow-ups/follow-up.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { FOLLOW_UP_EVENT_TYPES, type FollowUpEventType } from '../vocabulary/vocabulary.js';
import { EventSubjectTypeEnum } from '../common/graphql-enums.js';
import { FOLLOW_UP_EVENT_TYPE_VALUES } from '../vocabulary/value-descriptions.js';

export const FollowUpEventTypeEnum = graphqlEnum(FOLLOW_UP_EVENT_TYPES, 'FollowUpEventType', {
  description:
    'PLANNED/RECORDED: a follow-up was recorded; UPDATED: changed (or started); COMPLETED, CLOSED, RETRACTED: its lifecycle; DEVIATION_*: a deviation on it; REUSED: another organisation relied on it.',
  values: FOLLOW_UP_EVENT_TYPE_VALUES,
});

/** A cursor is an event's position in the log, as text. */
const CURSOR = /^\d{1,15}$/;

@InputType({
  description:
    'Which follow-up events to receive; every given field must match (AND). The follow-up is judged as it is now.',
})
export class FollowUpEventFilter {
  @Field(() => ID, { nullable: true, description: "The follow-up's supplier." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  supplierId?: string;
  @Field(() => ID, { nullable: true, description: 'The product followed up.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  productId?: string;
  @Field(() => ID, { nullable: true, description: 'A requirement the follow-up checked.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requirementId?: string;
  @Field({ nullable: true, description: "The product's category or any of its sub-categories." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string;
  @Field(() => ID, { nullable: true, description: 'The organisation that recorded the follow-up.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisationId?: string;
  @Field(() => [FollowUpEventTypeEnum], { nullable: true, description: 'Only these event types (default: all).' })
  @IsOptional()
  @ArrayMaxSize(FOLLOW_UP_EVENT_TYPES.length)
  @IsIn(FOLLOW_UP_EVENT_TYPES, { each: true })
  types?: FollowUpEventType[];
}

/** The `filter` argument of the subscription and of the `events` query. */
const FilterArg = () =>
  applyDecorators(
    Field(() => FollowUpEventFilter, {
      nullable: true,
      description: 'Which events: every condition given must hold; none: every follow-up event you may see.',
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => FollowUpEventFilter),
  );

/** What `after` accepts (its description differs between the subscription and the query). */
const CursorArg = () =>
  applyDecorators(IsOptional(), Matches(CURSOR, { message: 'after must be the cursor of an event' }));

@ArgsType()
export class FollowUpEventsArgs {
  @FilterArg() filter?: FollowUpEventFilter;
  @Field(() => String, {
    nullable: true,
    description:
      'Resume after this cursor: first the events committed since (from the log), then live. Without it: live from now (within 10 s of connecting: from when the connection was acknowledged).',
  })
  @CursorArg()
  after?: string;
}

@ArgsType()
export class EventsArgs extends FirstArgs {
  @FilterArg() filter?: FollowUpEventFilter;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last event you have (pageInfo.endCursor); none: from the start of the log.',
  })
  @CursorArg()
  after?: string;
}

@ObjectType({ description: 'Something that happened to a follow-up, from the append-only log, in commit order.' })
export class FollowUpEvent {
  @Field({ description: "The event's position in the log: pass it as `after` to resume from here." }) cursor: string;
  @Field(() => FollowUpEventTypeEnum, { description: 'What happened.' }) type: FollowUpEventType;
  @Field(() => DateTimeScalar, { description: 'When it was committed (ISO-8601 UTC).' }) occurredAt: string;
  @Field(() => Organisation, { nullable: true, description: 'The organisation that acted.' })
  actorOrganisation?: Organisation | null;
  @Field(() => EventSubjectTypeEnum, { description: 'What the event is about: FOLLOW_UP, DEVIATION or REUSE.' })
  subjectType: string;
  @Field(() => ID, { description: 'The id of what it is about: the follow-up, or its deviation or reuse.' })
  subjectId: string;
  @Field(() => FollowUp, {
    description: 'The follow-up as you may see it now (confidential fields only for its organisation).',
  })
  followUp?: FollowUp;
}

export const FollowUpEventConnection = Connection(FollowUpEvent);
