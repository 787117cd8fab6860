import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { AggregationEnum, LimitBasisEnum, RequirementKindEnum } from '../common/graphql-enums.js';
import { IsCasNumber } from '../common/identifiers/identifier.validators.js';
import { LimitInput } from '../common/limit.js';
import { PageArgs } from '../common/pagination/connection.js';
import {
  AGGREGATIONS,
  LIMIT_BASES,
  REQUIREMENT_KINDS,
  type Aggregation,
  type LimitBasis,
  type RequirementKind,
} from '../vocabulary/vocabulary.js';

const CODE = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

@InputType({ description: 'Which requirements: every condition given must hold.' })
export class RequirementFilter {
  @Field({
    nullable: true,
    description: 'Part of the code, the Swedish or English name or the text, case-insensitive ("ftalat", "phthalate").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true, description: 'Requirements with this substance in scope.' })
  @IsOptional()
  @IsCasNumber()
  substanceCas?: string;
  @Field({ nullable: true, description: 'Requirements that apply to this category or one of its ancestors.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string;
  @Field(() => RequirementKindEnum, { nullable: true, description: 'Only requirements of this kind.' })
  @IsOptional()
  @IsIn(REQUIREMENT_KINDS)
  kind?: RequirementKind;
}

@ArgsType()
export class RequirementsArgs extends PageArgs {
  @Field(() => RequirementFilter, { nullable: true, description: 'Which requirements; none: the whole library.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequirementFilter)
  filter?: RequirementFilter;
}

@InputType({ description: 'A requirement to add to the library (COORDINATOR).' })
export class CreateRequirementInput {
  @Field({ description: 'Its code: 1 to 64 upper-case letters, digits or dashes, e.g. K-PHT-01; unique.' })
  @Matches(CODE, { message: 'code must be 1 to 64 upper-case letters, digits or dashes, e.g. K-PHT-01' })
  code: string;
  @Field({ description: 'Its Swedish title (name, nameSv); 1 to 300 characters.' })
  @IsString()
  @NotBlank()
  @Length(1, 300)
  title: string;
  @Field(() => String, {
    nullable: true,
    description: 'The English name, e.g. Ortho-phthalates DEHP, DBP, BBP and DIBP.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  nameEn?: string | null;
  @Field({ description: 'The requirement as written in procurement documents; 1 to 20,000 characters.' })
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  text: string;
  @Field(() => RequirementKindEnum, {
    description: 'What kind of evidence decides it; a LIMIT needs a limit, DOCUMENTATION has none.',
  })
  @IsIn(REQUIREMENT_KINDS)
  kind: RequirementKind;
  @Field(() => [String], { defaultValue: [], description: 'CAS numbers of the substances in scope.' })
  @ArrayMaxSize(1000)
  @IsCasNumber({ each: true })
  substanceCas: string[];
  @Field(() => LimitInput, { nullable: true, description: 'Required for LIMIT; not allowed for DOCUMENTATION.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitInput)
  defaultLimit?: LimitInput | null;
  @Field(() => LimitBasisEnum, {
    nullable: true,
    description: 'What its limit is a fraction of; required with a limit.',
  })
  @IsOptional()
  @IsIn(LIMIT_BASES)
  basis?: LimitBasis | null;
  @Field(() => AggregationEnum, {
    defaultValue: 'EACH',
    description: 'EACH (the default) or SUM of the listed substances.',
  })
  @IsIn(AGGREGATIONS)
  aggregation: Aggregation;
  @Field(() => [String], {
    defaultValue: [],
    description: 'The product categories it applies to (codes, at most 200); none: all.',
  })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  categoryCodes: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Where it comes from, e.g. "REACH Annex XVII entry 51"; at most 300 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  legalSource?: string | null;
}

@InputType({ description: 'Fields of a requirement to change; omitted fields stay.' })
export class UpdateRequirementInput {
  @Field({ nullable: true, description: 'Its Swedish title; 1 to 300 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true, description: 'The English name; null removes it.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  nameEn?: string | null;
  @Field({ nullable: true, description: 'The requirement text; 1 to 20,000 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 20000)
  text?: string;
  @Field(() => RequirementKindEnum, { nullable: true, description: 'What kind of evidence decides it.' })
  @OmittableNotNull()
  @IsIn(REQUIREMENT_KINDS)
  kind?: RequirementKind;
  @Field(() => [String], { nullable: true, description: 'Replaces the substances in scope.' })
  @OmittableNotNull()
  @ArrayMaxSize(1000)
  @IsCasNumber({ each: true })
  substanceCas?: string[];
  @Field(() => LimitInput, { nullable: true, description: 'null removes the default limit.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitInput)
  defaultLimit?: LimitInput | null;
  @Field(() => LimitBasisEnum, { nullable: true, description: 'What its limit is a fraction of.' })
  @IsOptional()
  @IsIn(LIMIT_BASES)
  basis?: LimitBasis | null;
  @Field(() => AggregationEnum, { nullable: true, description: 'EACH or SUM of the listed substances.' })
  @OmittableNotNull()
  @IsIn(AGGREGATIONS)
  aggregation?: Aggregation;
  @Field(() => [String], { nullable: true, description: 'Replaces the categories.' })
  @OmittableNotNull()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  categoryCodes?: string[];
  @Field(() => String, { nullable: true, description: 'Where it comes from; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  legalSource?: string | null;
}
