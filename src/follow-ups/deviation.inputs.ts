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

@InputType()
export class OpenDeviationInput {
  @Field(() => ID) @IsUUID('all', { message: 'followUpId must be an id' }) followUpId: string;
  @Field(() => ID, { nullable: true })
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
  @Field(() => SeverityEnum) @IsIn(SEVERITIES) severity: Severity;
  @Field() @IsString() @NotBlank() @Length(1, 20000) description: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20000) actionPlan?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsIsoDate() dueDate?:
    string | null;
}

@InputType()
export class UpdateDeviationInput {
  @Field(() => SeverityEnum, { nullable: true })
  @OmittableNotNull()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 20000) description?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20000) actionPlan?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsIsoDate() dueDate?: string | null;
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
