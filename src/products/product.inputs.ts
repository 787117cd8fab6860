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

@InputType({ description: 'Which products: every condition given must hold.' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: "Only this supplier's products." })
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
  @Field({ nullable: true, description: 'Exactly this article number.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  articleNumber?: string;
  @Field({ nullable: true, description: 'Part of the name, article number or GTIN, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => ProductFilter, { nullable: true, description: 'Which products; none: all.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilter)
  filter?: ProductFilter;
}

@InputType({ description: "A supplier's article to add to the catalogue." })
export class CreateProductInput {
  @Field(() => ID, { description: 'The supplier that sells it.' })
  @IsUUID('all', { message: 'supplierId must be an id' })
  supplierId: string;
  @Field({ description: 'Its name; 1 to 300 characters.' }) @IsString() @NotBlank() @Length(1, 300) name: string;
  @Field(() => String, { nullable: true, description: "The supplier's article number; 1 to 100 characters." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  articleNumber?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14, digits only, check digit verified; stored and compared as GTIN-14. Unique: a GTIN already stored (in any form) is CONFLICT.',
  })
  @IsOptional()
  @IsGtin()
  gtin?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A category code: upper-case letters, digits or dashes (e.g. CHILD, TOY-PLUSH); the category must exist.',
  })
  @IsOptional()
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  categoryCode?: string | null;
}

@InputType({ description: 'Fields of a product to change; omitted fields stay.' })
export class UpdateProductInput {
  @Field({ nullable: true, description: 'Its name; 1 to 300 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 300)
  name?: string;
  @Field(() => String, { nullable: true, description: "The supplier's article number; null clears it." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  articleNumber?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14, digits only, check digit verified; stored and compared as GTIN-14. Null clears it.',
  })
  @IsOptional()
  @IsGtin()
  gtin?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A category code: upper-case letters, digits or dashes (e.g. CHILD, TOY-PLUSH); the category must exist. Null clears it.',
  })
  @IsOptional()
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  categoryCode?: string | null;
}

@InputType({ description: 'A product category to add (COORDINATOR).' })
export class CreateProductCategoryInput {
  @Field({ description: 'Its code: upper-case letters, digits or dashes, up to 64 (e.g. TOY-PLUSH); unique.' })
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  code: string;
  @Field({ description: 'Its name; 1 to 200 characters.' }) @IsString() @NotBlank() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true, description: 'The code of the category it belongs to; none: a top category.' })
  @IsOptional()
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  parentCode?: string | null;
}

@InputType({ description: 'Fields of a product category to change; omitted fields stay.' })
export class UpdateProductCategoryInput {
  @Field({ nullable: true, description: 'Its name; 1 to 200 characters.' })
  @OmittableNotNull()
  @IsString()
  @NotBlank()
  @Length(1, 200)
  name?: string;
  @Field(() => String, { nullable: true, description: 'null makes it a top-level category.' })
  @IsOptional()
  @Matches(CATEGORY_CODE, categoryCodeMessage)
  parentCode?: string | null;
}
