import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { LimitInput } from '../common/limit.js';
import { PageArgs } from '../common/pagination/connection.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';

@InputType({ description: 'Which contracts: every condition given must hold.' })
export class ContractFilter {
  @Field(() => ID, { nullable: true, description: "Only this organisation's contracts." })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => ID, { nullable: true, description: 'Only contracts with this supplier.' })
  @IsOptional()
  @IsString()
  supplierId?: string;
}

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => ContractFilter, { nullable: true, description: 'Which contracts; none: all.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractFilter)
  filter?: ContractFilter;
}

@InputType({ description: 'A requirement of a new contract, with its own limit if it differs from the library.' })
export class ContractRequirementInput {
  @Field(() => ID, { description: 'The requirement of the library.' })
  @IsUUID('all', { message: 'requirementId must be an id' })
  requirementId: string;
  @Field(() => LimitInput, {
    nullable: true,
    description: "This contract's own limit; omit to use the library default.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitInput)
  limit?: LimitInput | null;
}

@InputType({
  description: 'A contract of your organisation (or of one that delegated CONTRACTS to yours) with a supplier.',
})
export class CreateContractInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Defaults to the caller's organisation; another only when it has delegated CONTRACTS to the caller's (the contract is then created on its behalf).",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id' })
  organisationId?: string;
  @Field(() => ID, { description: 'The supplier it is with.' })
  @IsUUID('all', { message: 'supplierId must be an id' })
  supplierId: string;
  @Field({ description: 'Its title; 1 to 300 characters.' }) @IsString() @NotBlank() @Length(1, 300) title: string;
  @Field(() => String, {
    nullable: true,
    description: "The procurement's reference (diarienummer); at most 100 characters.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Its first day (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Its last day (YYYY-MM-DD); not before validFrom.' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;
  @Field(() => [String], { defaultValue: [], description: 'The product categories it covers (codes, at most 200).' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  categoryCodes: string[];
  @Field(() => [ContractRequirementInput], {
    defaultValue: [],
    description: 'Its requirements, each with an optional limit of its own.',
  })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ContractRequirementInput)
  requirements: ContractRequirementInput[];
}

@InputType({ description: 'Fields of a contract to change; omitted fields stay.' })
export class UpdateContractInput {
  @Field({ nullable: true, description: 'Its title; 1 to 300 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true, description: "The procurement's reference; null clears it." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Its first day (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Its last day (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the categories.' })
  @OmittableNotNull()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  categoryCodes?: string[];
}
