import { Module } from '@nestjs/common';
import { SubstancesResolver } from './substances.resolver.js';
import { SubstancesService } from './substances.service.js';

@Module({ providers: [SubstancesResolver, SubstancesService], exports: [SubstancesService] })
export class SubstancesModule {}
