import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { columnsFor } from '../database/read/projection.js';
import { SUPPLIER } from '../database/read/projections.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { ProductCategoryEntity } from './product-category.entity.js';
import { ProductEntity } from './product.entity.js';
import { CreateProductInput, ProductsArgs, UpdateProductInput } from './product.inputs.js';
import { Product, ProductCategory, ProductConnection } from './product.model.js';
import { ProductsService } from './products.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => Product)
export class ProductsResolver {
  constructor(private readonly service: ProductsService) {}

  @Query(() => ProductConnection, { description: 'The catalogue of products, by name, in pages.' })
  products(@Args() args: ProductsArgs) {
    return this.service.list(args);
  }

  @Query(() => Product, { nullable: true, description: 'A product by id; null when there is none.' })
  product(@Args('id', { type: () => ID, description: "The product's id." }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Product, { description: 'Adds a product to the catalogue (CONTACT_PERSON and above).' })
  createProduct(
    @Args('input', { description: 'The product.' }) input: CreateProductInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Product, { description: 'Changes a product of the catalogue.' })
  updateProduct(
    @Args('id', { type: () => ID, description: 'The product (its id).' }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateProductInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier)
  supplier(@Parent() product: ProductEntity, @Context() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.byId(SupplierEntity, columnsFor(info, SUPPLIER)).load(product.supplierId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => ProductCategory, { nullable: true })
  category(@Parent() product: ProductEntity, @Context() ctx: GraphQLContext) {
    return product.categoryId ? ctx.loaders.byId(ProductCategoryEntity).load(product.categoryId) : null;
  }
}
