import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';
import {
  orList,
  SEVERITIES,
  UNRESOLVED_DEVIATION_STATUSES,
  type DeviationStatus,
  type Severity,
} from '../vocabulary/vocabulary.js';
import { DeviationStatusEnum, SeverityEnum } from './follow-up.enums.js';

@InputType({ description: 'A deviation to open on a follow-up you may see, against the supplier it verified.' })
export class OpenDeviationInput {
  @Field(() => ID, { description: 'The follow-up that found it (one you may see).' })
  @IsUUID('all', { message: 'followUpId must be an id' })
  followUpId: string;
  @Field(() => ID, { nullable: true, description: 'The requirement not met; one the follow-up verifies.' })
  @IsOptional()
  @IsUUID('all', { message: 'requirementId must be an id' })
  requirementId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "Your contract the deviation concerns (defaults to the follow-up's contract for its own organisation).",
  })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be an id' })
  contractId?: string | null;
  @Field(() => SeverityEnum, { description: 'How serious it is.' }) @IsIn(SEVERITIES) severity: Severity;
  @Field({ description: 'What is wrong, for the supplier and every reader; 1 to 20,000 characters.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  description: string;
  @Field(() => String, {
    nullable: true,
    description: 'A plan to correct it, if already agreed with the supplier; at most 20,000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  actionPlan?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day by which it must be corrected (YYYY-MM-DD); past it unresolved, the traffic light turns RED.',
  })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string | null;
}

@InputType({
  description: 'Fields of a deviation to change; omitted fields stay. Only the opening organisation changes it.',
})
export class UpdateDeviationInput {
  @Field(() => SeverityEnum, { nullable: true, description: 'How serious it is.' })
  @OmittableNotNull()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @Field({ nullable: true, description: 'What is wrong; 1 to 20,000 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  description?: string;
  @Field(() => String, { nullable: true, description: 'The plan to correct it; at most 20,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  actionPlan?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day by which it must be corrected (YYYY-MM-DD); past it, the traffic light turns RED.',
  })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string | null;
  @Field(() => DeviationStatusEnum, {
    nullable: true,
    description: `${orList(UNRESOLVED_DEVIATION_STATUSES)}; use resolveDeviation to resolve.`,
  })
  @OmittableNotNull()
  @IsIn(UNRESOLVED_DEVIATION_STATUSES, {
    message: `status must be ${orList(UNRESOLVED_DEVIATION_STATUSES)}; use resolveDeviation to resolve`,
  })
  status?: DeviationStatus;
}
