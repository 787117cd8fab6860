import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { RegulatoryListEnum } from '../common/graphql-enums.js';
import { REGULATORY_LISTS, type RegulatoryList } from '../vocabulary/vocabulary.js';
import { IsCasNumber, IsEcNumber } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';

const GROUP = /^[A-Z][A-Z0-9_]{1,63}$/;
const groupMessage = { each: true, message: '$property must be upper-case codes such as ORTHO_PHTHALATE' };

@InputType()
export class SubstanceFilter {
  @Field({ nullable: true, description: 'Part of the name, CAS or EC number, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true }) @IsOptional() @IsCasNumber() casNumber?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) group?: string;
  @Field(() => RegulatoryListEnum, { nullable: true }) @IsOptional() @IsIn(REGULATORY_LISTS) list?: RegulatoryList;
}

@ArgsType()
export class SubstancesArgs extends PageArgs {
  @Field(() => SubstanceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubstanceFilter)
  filter?: SubstanceFilter;
}

@InputType()
export class CreateSubstanceInput {
  @Field() @IsString() @NotBlank() @Length(1, 300) name: string;
  @Field() @IsCasNumber() casNumber: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEcNumber() ecNumber?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(GROUP, groupMessage)
  groups?: string[];
  @Field(() => [RegulatoryListEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(REGULATORY_LISTS, { each: true })
  lists?: RegulatoryList[];
}

@InputType()
export class UpdateSubstanceInput {
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 300) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEcNumber() ecNumber?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the groups.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @Matches(GROUP, groupMessage)
  groups?: string[];
  @Field(() => [RegulatoryListEnum], { nullable: true, description: 'Replaces the lists.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsIn(REGULATORY_LISTS, { each: true })
  lists?: RegulatoryList[];
}
