import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { FollowUpFilterArgs } from '../follow-ups/follow-up.inputs.js';
import { FollowUpExportService } from './follow-up-export.service.js';
import { FollowUpImportService } from './follow-up-import.service.js';
import { ImportResult } from './import.model.js';

@Resolver()
export class ImportResolver {
  constructor(
    private readonly importer: FollowUpImportService,
    private readonly exporter: FollowUpExportService,
  ) {}

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => ImportResult, {
    description:
      'Imports follow-ups with their measurements from CSV (layout in the README: one row per measurement, grouped by follow_up_key). ' +
      'Rows are for your organisation, or for one that has delegated IMPORTS to yours (recorded on its behalf). All or nothing: a file with errors stores nothing and lists every bad row.',
  })
  importFollowUps(
    @Args('csv') csv: string,
    @Args('dryRun', { type: () => Boolean, nullable: true, defaultValue: false }) dryRun: boolean,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.importer.importCsv(csv, { principal: actor }, { dryRun: dryRun ?? false });
  }

  @Query(() => String, {
    description:
      `The follow-ups of a followUps filter as CSV in the import layout (at most 20000; RETRACTED ones left out). ` +
      'Only what you may see: no PRIVATE follow-ups of others, confidential notes only of your own.',
  })
  followUpsCsv(@Args() args: FollowUpFilterArgs, @CurrentPrincipal() viewer: Principal) {
    return this.exporter.exportCsv(args.filter, viewer);
  }
}
