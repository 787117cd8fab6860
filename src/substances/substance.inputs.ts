import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { RegulatoryListEnum, SubstanceGroupEnum } from '../common/graphql-enums.js';
import {
  REGULATORY_LISTS,
  SUBSTANCE_GROUPS,
  type RegulatoryList,
  type SubstanceGroup,
} from '../vocabulary/vocabulary.js';
import { IsCasNumber, IsEcNumber } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';

const groupMessage = { each: true, message: `$property must be among ${SUBSTANCE_GROUPS.join(', ')}` };

@InputType({ description: 'Which substances: every condition given must hold.' })
export class SubstanceFilter {
  @Field({
    nullable: true,
    description: 'Part of the English or Swedish name, CAS or EC number, case-insensitive ("phthalate", "ftalat").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true, description: 'Exactly this CAS number (e.g. 117-81-7).' })
  @IsOptional()
  @IsCasNumber()
  casNumber?: string;
  @Field(() => SubstanceGroupEnum, { nullable: true, description: 'Substances of this group.' })
  @IsOptional()
  @IsIn(SUBSTANCE_GROUPS)
  group?: SubstanceGroup;
  @Field(() => RegulatoryListEnum, { nullable: true, description: 'Only substances on this regulatory list.' })
  @IsOptional()
  @IsIn(REGULATORY_LISTS)
  list?: RegulatoryList;
}

@ArgsType()
export class SubstancesArgs extends PageArgs {
  @Field(() => SubstanceFilter, { nullable: true, description: 'Which substances; none: the whole library.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubstanceFilter)
  filter?: SubstanceFilter;
}

@InputType({ description: 'A substance to add to the library (COORDINATOR).' })
export class CreateSubstanceInput {
  @Field({ description: 'The English name, e.g. Bis(2-ethylhexyl) phthalate (DEHP).' })
  @IsString()
  @NotBlank()
  @Length(1, 300)
  name: string;
  @Field(() => String, { nullable: true, description: 'The Swedish name, e.g. Bis(2-etylhexyl)ftalat (DEHP).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  nameSv?: string | null;
  @Field({
    description:
      'Its CAS number, e.g. 117-81-7 (check digit verified); a CAS number already in the library is CONFLICT.',
  })
  @IsCasNumber()
  casNumber: string;
  @Field(() => String, { nullable: true, description: 'Its EC number, e.g. 204-211-0 (check digit verified).' })
  @IsOptional()
  @IsEcNumber()
  ecNumber?: string | null;
  @Field(() => [SubstanceGroupEnum], { nullable: true, description: 'The groups it belongs to.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(SUBSTANCE_GROUPS, groupMessage)
  groups?: SubstanceGroup[];
  @Field(() => [RegulatoryListEnum], { nullable: true, description: 'The regulatory lists it is on.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(REGULATORY_LISTS, { each: true })
  lists?: RegulatoryList[];
}

@InputType({ description: 'Fields of a substance to change; omitted fields stay.' })
export class UpdateSubstanceInput {
  @Field({ nullable: true, description: 'Its English name; 1 to 300 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 300)
  name?: string;
  @Field(() => String, { nullable: true, description: 'The Swedish name; null removes it.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  nameSv?: string | null;
  @Field(() => String, { nullable: true, description: 'Its EC number (check digit verified); null clears it.' })
  @IsOptional()
  @IsEcNumber()
  ecNumber?: string | null;
  @Field(() => [SubstanceGroupEnum], { nullable: true, description: 'Replaces the groups.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsIn(SUBSTANCE_GROUPS, groupMessage)
  groups?: SubstanceGroup[];
  @Field(() => [RegulatoryListEnum], { nullable: true, description: 'Replaces the lists.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsIn(REGULATORY_LISTS, { each: true })
  lists?: RegulatoryList[];
}
