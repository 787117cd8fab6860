import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { IsCountryCode, IsOrganisationNumber } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';

@InputType({ description: 'Which suppliers: every condition given must hold.' })
export class SupplierFilter {
  @Field({ nullable: true, description: 'Part of the name or organisationsnummer, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({
    nullable: true,
    description: 'Exactly this Swedish organisationsnummer (NNNNNN-NNNN, check digit verified).',
  })
  @IsOptional()
  @IsOrganisationNumber()
  organisationNumber?: string;
  @Field({ nullable: true, description: 'Only suppliers of this country: ISO 3166-1 alpha-2, e.g. SE.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

@ArgsType()
export class SuppliersArgs extends PageArgs {
  @Field(() => SupplierFilter, { nullable: true, description: 'Which suppliers; none: all.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupplierFilter)
  filter?: SupplierFilter;
}

@InputType({ description: 'A supplier to add to the catalogue.' })
export class CreateSupplierInput {
  @Field({ description: 'Its name; 1 to 200 characters.' }) @IsString() @NotBlank() @Length(1, 200) name: string;
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

@InputType({ description: 'Fields of a supplier to change; omitted fields stay.' })
export class UpdateSupplierInput {
  @Field({ nullable: true, description: 'Its name; 1 to 200 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 200)
  name?: string;
  @Field({ nullable: true, description: 'Its country: ISO 3166-1 alpha-2, e.g. SE.' })
  @OmittableNotNull()
  @IsString()
  @IsCountryCode()
  country?: string;
  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @IsOrganisationNumber()
  organisationNumber?: string | null;
}
