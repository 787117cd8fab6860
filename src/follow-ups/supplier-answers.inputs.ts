import { ArgsType, Field, ID } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { IsString, IsUUID, Length } from 'class-validator';
import { NotBlank } from '../common/validation/field-rules.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';

@ArgsType()
export class RespondToDeviationArgs {
  @Field(() => ID, { description: 'The deviation (of your own supplier) the plan answers.' })
  @IsUUID('all', { message: 'deviationId must be an id' })
  deviationId: string;
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
  @Field(() => ID, { description: 'The deviation whose PROPOSED plan is rejected.' })
  @IsUUID('all', { message: 'deviationId must be an id' })
  deviationId: string;
  @Field({ description: 'Why the plan is rejected; the supplier reads it.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  reason: string;
}

@ArgsType()
export class CommentOnFollowUpArgs {
  @Field(() => ID, { description: 'The follow-up (a SHARED one about your own supplier).' })
  @IsUUID('all', { message: 'followUpId must be an id' })
  followUpId: string;
  @Field({ description: 'The comment, plain text; 1 to 20,000 characters.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  text: string;
}
