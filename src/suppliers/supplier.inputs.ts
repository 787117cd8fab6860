import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { IsCountryCode, IsOrganisationNumber } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';

@InputType()
export class SupplierFilter {
  @Field({ nullable: true, description: 'Part of the name or organisationsnummer, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true }) @IsOptional() @IsOrganisationNumber() organisationNumber?: string;
  @Field({ nullable: true }) @IsOptional() @IsCountryCode() country?: string;
}

@ArgsType()
export class SuppliersArgs extends PageArgs {
  @Field(() => SupplierFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupplierFilter)
  filter?: SupplierFilter;
}

@InputType()
export class CreateSupplierInput {
  @Field() @IsString() @NotBlank() @Length(1, 200) name: string;
  @Field({ nullable: true, defaultValue: 'SE', description: 'ISO 3166-1 alpha-2; default SE.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Required form NNNNNN-NNNN with a valid Luhn check digit; only for Swedish (SE) suppliers.',
  })
  @IsOptional()
  @IsOrganisationNumber()
  organisationNumber?: string | null;
}

@InputType()
export class UpdateSupplierInput {
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @IsCountryCode() country?: string;
  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @IsOrganisationNumber()
  organisationNumber?: string | null;
}
