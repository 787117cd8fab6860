import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'A product area, e.g. "Barnmiljö – lekmattor". Categories form a tree.',
  implements: () => [Node],
})
export class ProductCategory {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field({ description: 'Swedish name.' }) name: string;
  @Field(() => ProductCategory, { nullable: true }) parent?: ProductCategory | null;
  @Field(() => [ProductCategory]) children?: ProductCategory[];
}

@ObjectType({ description: "A supplier's article.", implements: () => [Node] })
export class Product {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) articleNumber: string | null;
  @Field(() => String, { nullable: true, description: 'GTIN-8, -12, -13 or -14.' }) gtin: string | null;
  @Field(() => Supplier) supplier?: Supplier;
  @Field(() => ProductCategory, { nullable: true }) category?: ProductCategory | null;
  @Field() createdAt: string;
  @Field() updatedAt: string;
}

export const ProductConnection = Connection(Product);
export const ProductCategoryConnection = Connection(ProductCategory);
