import { Module } from '@nestjs/common';
import { ProductCategoriesResolver } from './product-categories.resolver.js';
import { ProductCategoriesService } from './product-categories.service.js';
import { ProductsResolver } from './products.resolver.js';
import { ProductsService } from './products.service.js';

@Module({
  providers: [ProductsResolver, ProductsService, ProductCategoriesResolver, ProductCategoriesService],
  exports: [ProductsService, ProductCategoriesService],
})
export class ProductsModule {}
