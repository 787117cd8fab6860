import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AreIds, IsId, OptionalTextField, RequiredText } from '../common/validation/field-groups.js';
import { OmittableNotNull } from '../common/validation/field-rules.js';
import { SubstanceGroupEnum, UnitEnum } from '../common/graphql-enums.js';
import { IsCasNumber, IsGtin, IsOrganisationNumber } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';
import { IsIsoDate } from '../common/validation/is-iso-date.js';
import {
  FOLLOW_UP_ORDERS,
  FollowUpOrderEnum,
  FollowUpStatusEnum,
  MethodEnum,
  VisibilityEnum,
} from './follow-up.enums.js';
import {
  FOLLOW_UP_STATUSES,
  METHODS,
  orList,
  RECORDABLE_STATUSES,
  SUBSTANCE_GROUPS,
  UNITS,
  VISIBILITIES,
  type FollowUpStatus,
  type Method,
  type SubstanceGroup,
  type Unit,
  type Visibility,
} from '../vocabulary/vocabulary.js';

const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'A result: a value with its unit, or "not detected below LOQ".' })
export class MeasurementInput {
  @Field({
    description: 'The substance: its CAS number (e.g. 117-81-7), check digit verified; it must be in the library.',
  })
  @IsCasNumber()
  substanceCas: string;
  @Field({
    description:
      'The part or material measured, e.g. "PVC sheath"; 1 to 200 characters. Limits per part compare within it.',
  })
  @RequiredText(200)
  part: string;
  @Field({ description: 'true: found (give value); false: not found above the limit of quantification (give loq).' })
  @IsBoolean()
  detected: boolean;
  @Field(() => Float, { nullable: true, description: 'Required when detected; not negative.' })
  @IsOptional()
  @IsNumber(finite, { message: 'value must be a finite number' })
  @Min(0, { message: 'value must not be negative' })
  value?: number | null;
  @Field(() => Float, { nullable: true, description: 'Required when not detected; positive.' })
  @IsOptional()
  @IsNumber(finite, { message: 'loq must be a finite number' })
  @Min(0, { message: 'loq must not be negative' })
  loq?: number | null;
  @Field(() => UnitEnum, { description: 'The unit of value and loq.' })
  @IsIn(UNITS, { message: `unit must be one of ${UNITS.join(', ')}` })
  unit: Unit;
  @Field(() => Float, { nullable: true, description: 'Expanded uncertainty U, same unit as the value.' })
  @IsOptional()
  @IsNumber(finite, { message: 'uncertainty must be a finite number' })
  @Min(0, { message: 'uncertainty must not be negative' })
  uncertainty?: number | null;
  @OptionalTextField(200, 'The laboratory method (e.g. "GC-MS, EN 14372"); at most 200 characters.')
  analyticalMethod?: string | null;
}

/** What recording and changing a follow-up take alike, word for word. */
@InputType({ isAbstract: true })
abstract class FollowUpSharedFields {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'The supplier must release the report (releaseReport) before other organisations read its details (reportReference, laboratory); verdicts and values stay shared.',
  })
  @OmittableNotNull()
  @IsBoolean()
  requiresSupplierRelease?: boolean;
  @OptionalTextField(20000, 'Free text for every reader; at most 20,000 characters.')
  notes?: string | null;
}

@InputType({
  description:
    'A follow-up to record for your organisation (or one that delegated FOLLOW_UPS to yours), with its results. Every problem is listed at once in extensions.problems.',
})
export class RecordFollowUpInput extends FollowUpSharedFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The organisation the follow-up is for: yours by default; another only when it has delegated FOLLOW_UPS to yours (it is then recorded on that organisation's behalf, SHARED, without confidential notes).",
  })
  @IsOptional()
  @IsId()
  organisationId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The product checked; or give supplierId for a supplier-level follow-up.',
  })
  @IsOptional()
  @IsId()
  productId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Required without productId; must match the product's supplier with it.",
  })
  @IsOptional()
  @IsId()
  supplierId?: string | null;
  @Field(() => ID, { nullable: true, description: "The recording organisation's contract it was done under." })
  @IsOptional()
  @IsId()
  contractId?: string | null;
  @Field(() => [ID], { description: 'The requirements checked.' })
  @AreIds(200)
  requirementIds: string[];
  @Field(() => MethodEnum, { description: 'How it was performed: LAB_ANALYSIS needs measurements.' })
  @IsIn(METHODS)
  method: Method;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; required unless PLANNED.' })
  @IsOptional()
  @IsIsoDate()
  performedOn?: string | null;
  @Field(() => FollowUpStatusEnum, { defaultValue: 'COMPLETED', description: `${orList(RECORDABLE_STATUSES)}.` })
  @IsIn(RECORDABLE_STATUSES, { message: `status must be ${orList(RECORDABLE_STATUSES)} when recording` })
  status: FollowUpStatus;
  @Field(() => VisibilityEnum, {
    defaultValue: 'SHARED',
    description: 'SHARED (the default): every member organisation reads it; PRIVATE: yours only.',
  })
  @IsIn(VISIBILITIES)
  visibility: Visibility;
  @OptionalTextField(200, 'The laboratory that analysed it (e.g. "Eurofins Lidköping"); at most 200 characters.')
  laboratory?: string | null;
  @OptionalTextField(
    100,
    "The laboratory report's reference (e.g. AR-2026-0042); at most 100 characters. An import finds the follow-up again by it.",
  )
  reportReference?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; default performedOn + 3 years.' })
  @IsOptional()
  @IsIsoDate()
  validUntil?: string | null;
  @OptionalTextField(20000, 'Readable only by your organisation.')
  confidentialNotes?: string | null;
  @Field(() => [MeasurementInput], {
    defaultValue: [],
    description: 'The results, one per substance and part (at most 5,000); none for a follow-up without a laboratory.',
  })
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MeasurementInput)
  measurements: MeasurementInput[];
}

@InputType({ description: 'Fields to change; omitted fields stay. `measurements`, when given, replaces all of them.' })
export class UpdateFollowUpInput extends FollowUpSharedFields {
  @Field(() => ID, { nullable: true, description: 'Your contract it was done under; null: none.' })
  @IsOptional()
  @IsId()
  contractId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The requirements it verifies (replaces the list); at most 200.' })
  @OmittableNotNull()
  @AreIds(200)
  requirementIds?: string[];
  @Field(() => MethodEnum, { nullable: true, description: 'How it was performed.' })
  @OmittableNotNull()
  @IsIn(METHODS)
  method?: Method;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was performed (YYYY-MM-DD); not in the future unless PLANNED.',
  })
  @IsOptional()
  @IsIsoDate()
  performedOn?: string | null;
  @Field(() => VisibilityEnum, {
    nullable: true,
    description: 'SHARED or PRIVATE; refused (CONFLICT) to PRIVATE while another organisation relies on it.',
  })
  @OmittableNotNull()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
  @OptionalTextField(200, 'The laboratory; at most 200 characters.')
  laboratory?: string | null;
  @OptionalTextField(100, "The laboratory report's reference; at most 100 characters.")
  reportReference?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The last day its results may be relied on (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  validUntil?: string | null;
  @OptionalTextField(20000, 'Text only your organisation reads; at most 20,000 characters.')
  confidentialNotes?: string | null;
  @Field(() => [MeasurementInput], {
    nullable: true,
    description: 'All its results: replaces every stored measurement (at most 5,000).',
  })
  @OmittableNotNull()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MeasurementInput)
  measurements?: MeasurementInput[];
}

@InputType({
  description:
    'Which follow-ups to list; every field set must hold (AND), a list field holds when any of its values does (OR).',
})
export class FollowUpFilter {
  @Field(() => ID, { nullable: true, description: 'Follow-ups of this product.' })
  @IsOptional()
  @IsString()
  productId?: string;
  @Field({
    nullable: true,
    description: 'Follow-ups of the product with this GTIN-8, -12, -13 or -14 (compared as GTIN-14).',
  })
  @IsOptional()
  @IsGtin()
  gtin?: string;
  @Field(() => ID, { nullable: true, description: 'Follow-ups of this supplier (of its products or of itself).' })
  @IsOptional()
  @IsString()
  supplierId?: string;
  @Field({
    nullable: true,
    description: 'Follow-ups of the supplier with this organisationsnummer (NNNNNN-NNNN or 10 digits).',
  })
  @IsOptional()
  @IsOrganisationNumber()
  supplierOrganisationNumber?: string;
  @Field({
    nullable: true,
    description: "The product's category or any sub-category.",
    deprecationReason: 'Use productCategoryCode.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string;
  @Field({ nullable: true, description: "The product's category or any of its sub-categories, e.g. CHILD." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  productCategoryCode?: string;
  @Field(() => ID, { nullable: true, description: 'Follow-ups that checked this requirement.' })
  @IsOptional()
  @IsString()
  requirementId?: string;
  @Field(() => [String], {
    nullable: true,
    description:
      'Follow-ups that checked any of these requirements, by code (e.g. K-PHT-01); an unknown code is refused.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  requirementCodes?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Follow-ups that measured any of these substances, by CAS number (a single value is a list of one).',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsCasNumber({ each: true })
  substanceCas?: string[];
  @Field(() => SubstanceGroupEnum, {
    nullable: true,
    description: 'Follow-ups that measured a substance of this group, e.g. ORTHO_PHTHALATE.',
  })
  @IsOptional()
  @IsIn(SUBSTANCE_GROUPS)
  substanceGroup?: SubstanceGroup;
  @Field(() => ID, { nullable: true, description: 'Follow-ups recorded by this organisation.' })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => MethodEnum, { nullable: true, description: 'Only follow-ups performed this way.' })
  @OmittableNotNull()
  @IsIn(METHODS)
  method?: Method;
  @Field(() => FollowUpStatusEnum, { nullable: true, description: 'Only follow-ups in this status.' })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Performed on this day or later (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  performedFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Performed on this day or earlier (YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  performedTo?: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Performed on or before this day and valid until at least this day.',
  })
  @IsOptional()
  @IsIsoDate()
  validOn?: string;
  @Field({
    nullable: true,
    description:
      "Part of the product's name, article number or GTIN, the supplier's name or organisationsnummer, or the report reference; case-insensitive.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

/**
 * A lone `filter` argument (followUpsCsv). An argument declared `FollowUpFilter | undefined` is
 * reflected as Object, and the validation pipe skips it: as an ArgsType it is checked as followUps
 * checks its filter.
 */
@ArgsType()
export class FollowUpFilterArgs {
  @Field(() => FollowUpFilter, { nullable: true, description: 'Which follow-ups; none: all you may see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpFilter)
  filter?: FollowUpFilter;
}

@ArgsType()
export class FollowUpsArgs extends PageArgs {
  @Field(() => FollowUpFilter, {
    nullable: true,
    description: 'Which follow-ups; none: all you may see (PRIVATE ones of other organisations never).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpFilter)
  filter?: FollowUpFilter;
  @Field(() => FollowUpOrderEnum, {
    defaultValue: 'PERFORMED_ON_DESC',
    description: 'The order; ties broken by id, so pages never overlap.',
  })
  @IsIn(FOLLOW_UP_ORDERS)
  orderBy: (typeof FOLLOW_UP_ORDERS)[number];
}

@ArgsType()
export class VersionArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change is refused with CONFLICT if the follow-up has moved on.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  expectedVersion?: number;
}

@ArgsType()
export class CompleteFollowUpArgs extends VersionArgs {
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD; not in the future.' })
  @IsOptional()
  @IsIsoDate()
  performedOn?: string | null;
}
