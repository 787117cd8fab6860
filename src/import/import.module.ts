import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups/follow-ups.module.js';
import { FollowUpExportService } from './follow-up-export.service.js';
import { FollowUpImportService } from './follow-up-import.service.js';
import { ImportController } from './import.controller.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportResolver } from './import.resolver.js';

/** Bulk import and CSV export of follow-ups (the dataset generator, src/dataset, writes through the importer). */
@Module({
  imports: [FollowUpsModule],
  controllers: [ImportController],
  providers: [FollowUpImportService, FollowUpExportService, ImportJobsService, ImportResolver],
  exports: [FollowUpImportService, FollowUpExportService, ImportJobsService],
})
export class ImportModule {}
