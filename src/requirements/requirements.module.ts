import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { RequirementsResolver } from './requirements.resolver.js';
import { RequirementsService } from './requirements.service.js';

@Module({
  imports: [ProductsModule],
  providers: [RequirementsResolver, RequirementsService],
  exports: [RequirementsService],
})
export class RequirementsModule {}
