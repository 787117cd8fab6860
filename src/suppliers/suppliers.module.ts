import { Module } from '@nestjs/common';
import { SupplierStatusResolver } from './supplier-status.resolver.js';
import { SupplierStatusService } from './supplier-status.service.js';
import { SuppliersResolver } from './suppliers.resolver.js';
import { SuppliersService } from './suppliers.service.js';

@Module({
  providers: [SuppliersResolver, SuppliersService, SupplierStatusResolver, SupplierStatusService],
  exports: [SuppliersService],
})
export class SuppliersModule {}
