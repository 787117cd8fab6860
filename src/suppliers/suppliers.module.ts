import { Module } from '@nestjs/common';
import { SupplierMembersResolver } from './supplier-members.resolver.js';
import { SupplierMembersService } from './supplier-members.service.js';
import { SupplierStatusResolver } from './supplier-status.resolver.js';
import { SupplierStatusService } from './supplier-status.service.js';
import { SuppliersResolver } from './suppliers.resolver.js';
import { SuppliersService } from './suppliers.service.js';

@Module({
  providers: [
    SuppliersResolver,
    SuppliersService,
    SupplierStatusResolver,
    SupplierStatusService,
    SupplierMembersResolver,
    SupplierMembersService,
  ],
  exports: [SuppliersService],
})
export class SuppliersModule {}
