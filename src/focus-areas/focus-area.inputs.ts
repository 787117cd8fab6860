import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../common/pagination/connection.js';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { AreCodes, AreIds, IsId, OptionalTextField, RequiredText } from '../common/validation/field-groups.js';
import { OmittableNotNull } from '../common/validation/field-rules.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';
import { COST_SPLITS, FOCUS_AREA_STATUSES, type CostSplit, type FocusAreaStatus } from '../vocabulary/vocabulary.js';
import { CostSplitEnum, FocusAreaStatusEnum } from './focus-area.model.js';

const weight = (description: string) =>
  Field(() => Float, { nullable: true, description: `${description} Omitted: the default.` });

@InputType({ description: 'Weights of the prioritisation model, each 0 to 100; an omitted one keeps its default.' })
export class FocusAreaWeightsInput {
  @weight('Per covering participant.') @IsOptional() @IsNumber() @Min(0) @Max(100) coverage?: number;
  @weight('Per hazard point.') @IsOptional() @IsNumber() @Min(0) @Max(100) hazard?: number;
  @weight('Per users point.') @IsOptional() @IsNumber() @Min(0) @Max(100) users?: number;
  @weight('Times the volume share.') @IsOptional() @IsNumber() @Min(0) @Max(100) volume?: number;
  @weight('Subtracted when tested in the last three years.')
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  testedRecently?: number;
}

@InputType({ description: 'A new focus area, in PLANNING.' })
export class CreateFocusAreaInput {
  @Field(() => Int, { description: 'The year it runs (2000–2100).' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ description: 'The title, e.g. "Mjukt och tryggt".' }) @RequiredText(300) title: string;
  @OptionalTextField(5000, 'What it is about.')
  description?: string | null;
  @Field(() => [String], { description: 'Product category codes in the area (their sub-categories included).' })
  @AreCodes(100)
  categoryCodes: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Library requirements it checks.' })
  @AreIds(200)
  requirementIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Substances the experts add beyond the requirements.' })
  @AreIds(200)
  extraSubstanceIds: string[];
  @Field(() => CostSplitEnum, { defaultValue: 'EQUAL', description: 'How the cost is shared.' })
  @IsIn(COST_SPLITS)
  costSplit: CostSplit;
  @Field(() => FocusAreaWeightsInput, { nullable: true, description: 'Weights of the prioritisation model.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FocusAreaWeightsInput)
  weights?: FocusAreaWeightsInput | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day results are due.' })
  @IsOptional()
  @IsIsoDate()
  resultsDueOn?: string | null;
}

@InputType({
  description:
    'Changes to a focus area; omitted fields keep their value. The scope (categories, requirements, substances, weights, cost split) changes only in PLANNING.',
})
export class UpdateFocusAreaInput {
  @Field({ nullable: true, description: 'The title.' })
  @OmittableNotNull()
  @RequiredText(300)
  title?: string;
  @OptionalTextField(5000, 'What it is about.')
  description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the product categories.' })
  @OmittableNotNull()
  @AreCodes(100)
  categoryCodes?: string[];
  @Field(() => [ID], { nullable: true, description: 'Replaces the requirements.' })
  @OmittableNotNull()
  @AreIds(200)
  requirementIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Replaces the extra substances.' })
  @OmittableNotNull()
  @AreIds(200)
  extraSubstanceIds?: string[];
  @Field(() => CostSplitEnum, { nullable: true, description: 'How the cost is shared.' })
  @OmittableNotNull()
  @IsIn(COST_SPLITS)
  costSplit?: CostSplit;
  @Field(() => FocusAreaWeightsInput, { nullable: true, description: 'Replaces the weights; null: the defaults.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FocusAreaWeightsInput)
  weights?: FocusAreaWeightsInput | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day results are due.' })
  @IsOptional()
  @IsIsoDate()
  resultsDueOn?: string | null;
}

@ArgsType()
export class FocusAreasArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only those of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @Field(() => FocusAreaStatusEnum, { nullable: true, description: 'Only those in this status.' })
  @IsOptional()
  @IsIn(FOCUS_AREA_STATUSES)
  status?: FocusAreaStatus;
}

@ArgsType()
export class FocusAreaIdArgs {
  @Field(() => ID, { description: 'The focus area.' })
  @IsId()
  focusAreaId: string;
}

@ArgsType()
export class CreateFocusAreaArgs {
  @Field(() => CreateFocusAreaInput, { description: 'The focus area.' })
  @ValidateNested()
  @Type(() => CreateFocusAreaInput)
  input: CreateFocusAreaInput;
}

@ArgsType()
export class UpdateFocusAreaArgs {
  @Field(() => ID, { description: 'The focus area.' }) @IsId() id: string;
  @Field(() => UpdateFocusAreaInput, { description: 'The changes.' })
  @ValidateNested()
  @Type(() => UpdateFocusAreaInput)
  input: UpdateFocusAreaInput;
}

@ArgsType()
export class MoveFocusAreaArgs {
  @Field(() => ID, { description: 'The focus area.' }) @IsId() id: string;
  @Field(() => FocusAreaStatusEnum, { description: 'The next status (one step forward).' })
  @IsIn(FOCUS_AREA_STATUSES)
  status: FocusAreaStatus;
}

@InputType({ description: "A submitted contract's annual volume." })
export class SubmittedVolumeInput {
  @Field(() => ID, { description: 'One of contractIds.' })
  @IsId()
  contractId: string;
  @Field(() => Int, { description: 'Units bought per year under it (0 to 100 000 000).' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  annualVolume: number;
}

@ArgsType()
export class SubmitContractsArgs extends FocusAreaIdArgs {
  @Field(() => [ID], { description: "Your organisation's contracts in the area (submitting one again updates it)." })
  @ArrayMinSize(1)
  @AreIds(200)
  contractIds: string[];
  @Field(() => [SubmittedVolumeInput], {
    nullable: true,
    description: 'Annual volumes of some of the contracts, for the prioritisation model.',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SubmittedVolumeInput)
  annualVolumes?: SubmittedVolumeInput[] | null;
}

@ArgsType()
export class AddToSamplingPlanArgs extends FocusAreaIdArgs {
  @Field(() => ID, { description: 'A candidate product (of a submitted contract).' })
  @IsId()
  productId: string;
  @Field(() => [String], { description: 'The analyses to run, e.g. "Ftalater i PVC" (1 to 20).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'analyses must not be blank' })
  @MaxLength(200, { each: true })
  analyses: string[];
  @Field({ description: 'The laboratory.' }) @RequiredText(200) laboratory: string;
  @Field(() => Int, { description: 'Estimated cost in öre (1 SEK = 100 öre), purchase and analysis.' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  estimatedCost: number;
}

@ArgsType()
export class AssignSampleArgs {
  @Field(() => ID, { description: 'The sample (FocusAreaSample.id).' })
  @IsId()
  sampleId: string;
  @Field(() => ID, { description: 'The participant that buys it and sends it to the laboratory.' })
  @IsId()
  organisationId: string;
}
