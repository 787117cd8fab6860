import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { Connection } from '../common/pagination/connection.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Node } from '../nodes/node.model.js';

@ObjectType({
  description: 'A product area, e.g. "Barnmiljö – lekmattor". Categories form a tree.',
  implements: () => [Node],
})
export class ProductCategory {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: 'Its code, e.g. CHILD; unique, used by filters and requirements.' }) code: string;
  @Field({ description: 'Swedish name.' }) name: string;
  @Field(() => ProductCategory, { nullable: true, description: 'The category it belongs to; null at the top.' })
  parent?: ProductCategory | null;
  @Field(() => [ProductCategory], { description: 'Its direct sub-categories.' }) children?: ProductCategory[];
}

@ObjectType({ description: "A supplier's article.", implements: () => [Node] })
export class Product {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field({ description: "The product's name, as the supplier sells it." }) name: string;
  @Field(() => String, { nullable: true, description: "The supplier's own article number; null when unknown." })
  articleNumber: string | null;
  @Field(() => String, { nullable: true, description: 'GTIN-8, -12, -13 or -14.' }) gtin: string | null;
  @Field(() => Supplier, { description: 'The supplier that sells it.' }) supplier?: Supplier;
  @Field(() => ProductCategory, { nullable: true, description: 'Its product category; null when none was given.' })
  category?: ProductCategory | null;
  @Field(() => DateTimeScalar, { description: 'When it was added (UTC).' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt: string;
}

export const ProductConnection = Connection(Product);
export const ProductCategoryConnection = Connection(ProductCategory);
