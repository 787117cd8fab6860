import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank, OmittableNotNull } from '../common/validation/field-rules.js';
import { IsGtin } from '../common/identifiers/identifier.validators.js';
import { PageArgs } from '../common/pagination/connection.js';

const CATEGORY_CODE = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const categoryCodeMessage = {
  message: '$property must be 1 to 64 upper-case letters, digits or dashes, e.g. CHILD-PLAYMAT',
};

@InputType()
export class ProductFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be an id' })
  supplierId?: string;
  @Field({ nullable: true, description: 'The category or any of its sub-categories.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string;
  @Field({
    nullable: true,
    description: 'GTIN-8, -12, -13 or -14: compared as GTIN-14, so 07350012340018 finds 7350012340018.',
  })
  @IsOptional()
  @IsGtin()
  gtin?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) articleNumber?: string;
  @Field({ nullable: true, description: 'Part of the name, article number or GTIN, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilter)
  filter?: ProductFilter;
}

@InputType()
export class CreateProductInput {
  @Field(() => ID) @IsUUID('all', { message: 'supplierId must be an id' }) supplierId: string;
  @Field() @IsString() @NotBlank() @Length(1, 300) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100) articleNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsGtin() gtin?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CATEGORY_CODE, categoryCodeMessage) categoryCode?:
    string | null;
}

@InputType()
export class UpdateProductInput {
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 300) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100) articleNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsGtin() gtin?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CATEGORY_CODE, categoryCodeMessage) categoryCode?:
    string | null;
}

@InputType()
export class CreateProductCategoryInput {
  @Field() @Matches(CATEGORY_CODE, categoryCodeMessage) code: string;
  @Field() @IsString() @NotBlank() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CATEGORY_CODE, categoryCodeMessage) parentCode?:
    string | null;
}

@InputType()
export class UpdateProductCategoryInput {
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @NotBlank() @Length(1, 200) name?: string;
  @Field(() => String, { nullable: true, description: 'null makes it a top-level category.' })
  @IsOptional()
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  parentCode?: string | null;
}
