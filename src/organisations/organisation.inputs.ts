import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank } from '../common/validation/field-rules.js';
import { Type } from 'class-transformer';
import { IsOrganisationNumber } from '../common/identifiers/identifier.validators.js';
import { OrganisationKindEnum } from '../common/graphql-enums.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../vocabulary/vocabulary.js';

const MEMBER_ORGANISATION_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'SUPPLIER');
import { PageArgs } from '../common/pagination/connection.js';

@InputType({ description: 'Which organisations: every condition given must hold.' })
export class OrganisationFilter {
  @Field({ nullable: true, description: 'Part of its name, code or organisationsnummer, in any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field(() => OrganisationKindEnum, {
    nullable: true,
    description: "None: the member organisations; suppliers' own organisations only with kind SUPPLIER.",
  })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, {
    nullable: true,
    description: 'Which organisations; none: regions, municipalities and others (not suppliers).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;
}

@InputType({ description: 'A member organisation to add.' })
export class CreateOrganisationInput {
  @Field({ description: 'Its code: 2 to 64 lower-case letters, digits or dashes, e.g. region-skane; unique.' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'code must be 2 to 64 lower-case letters, digits or dashes' })
  code: string;
  @Field({ description: 'Its name; 1 to 200 characters.' }) @IsString() @NotBlank() @Length(1, 200) name: string;
  @Field(() => OrganisationKindEnum, {
    description: "Not SUPPLIER: a supplier's organisation is made by inviteSupplierMember.",
  })
  @IsIn(MEMBER_ORGANISATION_KINDS, {
    message: `kind must be one of ${MEMBER_ORGANISATION_KINDS.join(', ')}; a supplier's organisation is made by inviteSupplierMember`,
  })
  kind: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'Its two-digit county code (länskod), e.g. "12" for Skåne.' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'countyCode must be a two-digit länskod, e.g. "12"' })
  countyCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Its Swedish organisationsnummer (NNNNNN-NNNN, check digit verified).',
  })
  @IsOptional()
  @IsOrganisationNumber()
  organisationNumber?: string | null;
}
