import { ArgsType, Field, ID } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { IsString, IsUUID, Length } from 'class-validator';
import { NotBlank } from '../common/validation/field-rules.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';

@ArgsType()
export class RespondToDeviationArgs {
  @Field(() => ID) @IsUUID('all', { message: 'deviationId must be an id' }) deviationId: string;
  @Field({ description: 'How the supplier corrects the deviation.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  actionPlan: string;
  @Field(() => DateScalar, { description: 'The day (YYYY-MM-DD) by which the plan is carried out; today or later.' })
  @IsIsoDate()
  dueDate: string;
}

@ArgsType()
export class RejectActionPlanArgs {
  @Field(() => ID) @IsUUID('all', { message: 'deviationId must be an id' }) deviationId: string;
  @Field({ description: 'Why the plan is rejected; the supplier reads it.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  reason: string;
}

@ArgsType()
export class CommentOnFollowUpArgs {
  @Field(() => ID) @IsUUID('all', { message: 'followUpId must be an id' }) followUpId: string;
  @Field() @IsString() @NotBlank() @Length(1, 20000) text: string;
}
