import { Module } from '@nestjs/common';
import { DelegationsResolver } from './delegations.resolver.js';
import { DelegationsService } from './delegations.service.js';

@Module({ providers: [DelegationsResolver, DelegationsService] })
export class DelegationsModule {}
