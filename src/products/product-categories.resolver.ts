import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { PageArgs } from '../common/pagination/connection.js';
import { ProductCategoriesService } from './product-categories.service.js';
import { ProductCategoryEntity } from './product-category.entity.js';
import { CreateProductCategoryInput, UpdateProductCategoryInput } from './product.inputs.js';
import { ProductCategory, ProductCategoryConnection } from './product.model.js';

@Resolver(() => ProductCategory)
export class ProductCategoriesResolver {
  constructor(private readonly service: ProductCategoriesService) {}

  @Query(() => ProductCategoryConnection, { description: 'All product categories, ordered by code.' })
  productCategories(@Args() args: PageArgs) {
    return this.service.list(args);
  }

  @Query(() => ProductCategory, { description: 'A product category by its code; null when there is none.' })
  productCategory(@Args('code', { description: 'The category code, e.g. CHILD.' }) code: string) {
    return this.service.get(code);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProductCategory, { description: 'Adds a product category (COORDINATOR).' })
  createProductCategory(
    @Args('input', { description: 'The category.' }) input: CreateProductCategoryInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProductCategory, { description: 'Changes a product category (COORDINATOR).' })
  updateProductCategory(
    @Args('id', { type: () => ID, description: 'The category (its id).' }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateProductCategoryInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => ProductCategory, { nullable: true })
  parent(@Parent() category: ProductCategoryEntity, @Context() ctx: GraphQLContext) {
    return category.parentId ? ctx.loaders.byId(ProductCategoryEntity).load(category.parentId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ProductCategory])
  children(@Parent() category: ProductCategoryEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.children(ProductCategoryEntity, 'parentId', 'code ASC').load(category.id);
  }
}
