import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { LimitInput } from '../common/limit.js';
import { PageArgs } from '../common/pagination/connection.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';

@InputType()
export class ContractFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() supplierId?: string;
}

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => ContractFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractFilter)
  filter?: ContractFilter;
}

@InputType()
export class ContractRequirementInput {
  @Field(() => ID) @IsUUID('all', { message: 'requirementId must be an id' }) requirementId: string;
  @Field(() => LimitInput, {
    nullable: true,
    description: "This contract's own limit; omit to use the library default.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitInput)
  limit?: LimitInput | null;
}

@InputType()
export class CreateContractInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Defaults to the caller's organisation; another only when it has delegated CONTRACTS to the caller's (the contract is then created on its behalf).",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id' })
  organisationId?: string;
  @Field(() => ID) @IsUUID('all', { message: 'supplierId must be an id' }) supplierId: string;
  @Field() @IsString() @NotBlank() @Length(1, 300) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) reference?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @IsString({ each: true }) categoryCodes: string[];
  @Field(() => [ContractRequirementInput], { defaultValue: [] })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ContractRequirementInput)
  requirements: ContractRequirementInput[];
}

@InputType()
export class UpdateContractInput {
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 300) title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) reference?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the categories.' })
  @OmittableNotNull()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  categoryCodes?: string[];
}
