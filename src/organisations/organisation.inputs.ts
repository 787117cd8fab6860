import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank } from '../common/validation/field-rules.js';
import { Type } from 'class-transformer';
import { IsOrganisationNumber } from '../common/identifiers/identifier.validators.js';
import { OrganisationKindEnum } from '../common/graphql-enums.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../vocabulary/vocabulary.js';

const MEMBER_ORGANISATION_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'SUPPLIER');
import { PageArgs } from '../common/pagination/connection.js';

@InputType()
export class OrganisationFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) search?: string;
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
  @Field(() => OrganisationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;
}

@InputType()
export class CreateOrganisationInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'code must be 2 to 64 lower-case letters, digits or dashes' })
  code: string;
  @Field() @IsString() @NotBlank() @Length(1, 200) name: string;
  @Field(() => OrganisationKindEnum, {
    description: "Not SUPPLIER: a supplier's organisation is made by inviteSupplierMember.",
  })
  @IsIn(MEMBER_ORGANISATION_KINDS, {
    message: `kind must be one of ${MEMBER_ORGANISATION_KINDS.join(', ')}; a supplier's organisation is made by inviteSupplierMember`,
  })
  kind: OrganisationKind;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'countyCode must be a two-digit länskod, e.g. "12"' })
  countyCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsOrganisationNumber() organisationNumber?: string | null;
}
