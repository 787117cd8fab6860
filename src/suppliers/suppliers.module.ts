import { Module } from '@nestjs/common';
import { SuppliersResolver } from './suppliers.resolver.js';
import { SuppliersService } from './suppliers.service.js';

@Module({ providers: [SuppliersResolver, SuppliersService], exports: [SuppliersService] })
export class SuppliersModule {}
