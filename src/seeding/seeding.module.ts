import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups/follow-ups.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [FollowUpsModule], providers: [SeedService], exports: [SeedService] })
export class SeedingModule {}
