import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { FollowUpFilterArgs } from '../follow-ups/follow-up.inputs.js';
import { FollowUpExportService } from './follow-up-export.service.js';
import { FollowUpImportService } from './follow-up-import.service.js';
import type { OnExisting } from '../vocabulary/vocabulary.js';
import { ImportJobsService, type ImportJobState } from './import-jobs.service.js';
import { importJobOf as toJob, ImportResult, ImportJob, OnExistingEnum } from './import.model.js';

@Resolver()
export class ImportResolver {
  constructor(
    private readonly importer: FollowUpImportService,
    private readonly exporter: FollowUpExportService,
    private readonly jobs: ImportJobsService,
  ) {}

  @Allow(Role.CONTACT_PERSON)
  @Query(() => ImportJob, {
    description: 'An import job (POST /imports) of your organisation: its status, progress, errors and result.',
  })
  async importJob(
    @Args('id', { type: () => ID, description: 'The job (its id, from POST /imports).' }) id: string,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return toJob(await this.jobs.get(id, viewer));
  }

  @Allow(Role.CONTACT_PERSON)
  @Subscription(() => ImportJob, {
    description:
      "An import job's progress over graphql-ws: its state now, then each change (a few a second at most), ending when it is FINISHED or FAILED.",
    resolve: (state: ImportJobState) => toJob(state),
  })
  importProgress(
    @Args('id', { type: () => ID, description: 'The job (its id, from POST /imports).' }) id: string,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return this.jobs.progress(id, viewer);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => ImportResult, {
    description:
      'Imports follow-ups with their measurements from CSV (layout in the README: one row per measurement, grouped by follow_up_key). ' +
      'Rows are for your organisation, or for one that has delegated IMPORTS to yours (recorded on its behalf). All or nothing: a file with errors stores nothing and lists every bad row. ' +
      'Repeatable: each follow-up is found by its identity (its follow_up_key as an id, else organisation and report_reference, else its content) ' +
      'and is NEW (created), UNCHANGED (nothing stored) or CHANGED (onExisting decides); the same file twice stores nothing the second time.',
  })
  importFollowUps(
    @Args('csv', { description: 'The file as text: CSV in the import layout (README), any delimiter.' }) csv: string,
    @Args('dryRun', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'true: check the whole file and store nothing.',
    })
    dryRun: boolean,
    @Args('onExisting', {
      type: () => OnExistingEnum,
      nullable: true,
      defaultValue: 'REJECT',
      description: 'What to do with a CHANGED follow-up; REJECT by default.',
    })
    onExisting: OnExisting,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.importer.importCsv(
      csv,
      { principal: actor },
      { dryRun: dryRun ?? false, onExisting: onExisting ?? 'REJECT' },
    );
  }

  @Allow(Role.SUPPLIER)
  @Query(() => String, {
    description:
      `The follow-ups of a followUps filter as CSV in the import layout (at most 20000; RETRACTED ones left out). ` +
      'Only what you may see: no PRIVATE follow-ups of others, confidential notes only of your own.',
  })
  followUpsCsv(@Args() args: FollowUpFilterArgs, @CurrentPrincipal() viewer: Principal) {
    return this.exporter.exportCsv(args.filter, viewer);
  }

  @Query(() => String, {
    description:
      'The follow-ups of a followUps filter as an XLSX workbook in the import layout, base64-encoded: the rows of followUpsCsv ' +
      '(numbers as number cells), which import again. The same limits and visibility as followUpsCsv.',
  })
  followUpsXlsx(@Args() args: FollowUpFilterArgs, @CurrentPrincipal() viewer: Principal) {
    return this.exporter.exportXlsx(args.filter, viewer);
  }
}
