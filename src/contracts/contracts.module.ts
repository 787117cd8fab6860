import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { ContractsResolver } from './contracts.resolver.js';
import { ContractsService } from './contracts.service.js';

@Module({ imports: [ProductsModule], providers: [ContractsResolver, ContractsService], exports: [ContractsService] })
export class ContractsModule {}
