import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, PUBLIC } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';
import {
  AddToSamplingPlanArgs,
  AssignSampleArgs,
  CreateFocusAreaArgs,
  FocusAreaIdArgs,
  FocusAreasArgs,
  MoveFocusAreaArgs,
  SubmitContractsArgs,
  UpdateFocusAreaArgs,
} from './focus-area.inputs.js';
import {
  CandidateProduct,
  FocusArea,
  FocusAreaConnection,
  FocusAreaCostShares,
  FocusAreaProgress,
  FocusAreaResults,
  FocusAreaSample,
  PublicFocusAreaReport,
} from './focus-area.model.js';
import { FocusAreaReportsService } from './focus-area-reports.service.js';
import { FocusAreasService } from './focus-areas.service.js';

/**
 * The focus areas (issue 18): COORDINATORs create, change, move and plan; participants (CONTACT_PERSON
 * and up) join, leave and submit their own contracts; every member reads; a supplier member reads the
 * focus areas and its own products' results; anyone reads a public report once it is REPORTING.
 */
@Resolver(() => FocusArea)
export class FocusAreasResolver {
  constructor(
    private readonly service: FocusAreasService,
    private readonly reports: FocusAreaReportsService,
  ) {}

  @Allow(Role.SUPPLIER)
  @Query(() => FocusAreaConnection, { description: 'The focus areas, by title; filtered by year or status.' })
  focusAreas(@Args() args: FocusAreasArgs) {
    return this.service.list(args);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => FocusArea, { nullable: true, description: 'A focus area by id; null when there is none.' })
  focusArea(@Args('id', { type: () => ID, description: 'The focus area.' }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  @Query(() => [CandidateProduct], {
    description:
      'The products of the submitted contracts in the area, each with its score and the parts of it, ranked (docs/domain.md, "The prioritisation model").',
  })
  candidateProducts(@Args() args: FocusAreaIdArgs) {
    return this.reports.candidateProducts(args.focusAreaId);
  }

  @Query(() => FocusAreaCostShares, {
    description:
      "Each participant's share of the sampling plan's estimated cost, in öre, summing exactly to the total.",
  })
  costShares(@Args() args: FocusAreaIdArgs) {
    return this.reports.costShares(args.focusAreaId);
  }

  @Query(() => FocusAreaProgress, {
    description: 'Per sample and per purchasing organisation: planned, in progress, completed, overdue.',
  })
  focusAreaProgress(@Args() args: FocusAreaIdArgs) {
    return this.reports.progress(args.focusAreaId);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => FocusAreaResults, {
    description:
      "Every sampled product against each participant's submitted contracts, requirement by requirement; a supplier member sees its own products only.",
  })
  focusAreaResults(@Args() args: FocusAreaIdArgs, @CurrentPrincipal() viewer: Principal) {
    return this.reports.results(args.focusAreaId, viewer);
  }

  @Allow(Role.SUPPLIER)
  @Query(() => String, {
    description:
      'focusAreaResults as an XLSX workbook, base64-encoded: one row per participant, contract, product and requirement (as followUpsXlsx).',
  })
  focusAreaResultsXlsx(@Args() args: FocusAreaIdArgs, @CurrentPrincipal() viewer: Principal) {
    return this.reports.resultsXlsx(args.focusAreaId, viewer);
  }

  @Allow(PUBLIC)
  @Query(() => PublicFocusAreaReport, {
    description:
      'The public report of a focus area in REPORTING or CLOSED (NOT_FOUND before): counts by product category, substance group and verdict; no product, supplier or organisation named; counts below 3 withheld.',
  })
  publicFocusAreaReport(@Args() args: FocusAreaIdArgs, @CurrentPrincipal() viewer: Principal | undefined) {
    return this.reports.publicReport(args.focusAreaId, viewer);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => FocusArea, { description: 'Creates a focus area in PLANNING.' })
  createFocusArea(@Args() args: CreateFocusAreaArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.create(args.input, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => FocusArea, {
    description:
      'Changes a focus area; its scope (categories, requirements, substances, weights, cost split) only in PLANNING.',
  })
  updateFocusArea(@Args() args: UpdateFocusAreaArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.update(args.id, args.input, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => FocusArea, {
    description:
      'Moves a focus area one step forward (PLANNING → SAMPLING → ANALYSING → REPORTING → CLOSED), when the step’s requirement holds (see FocusAreaStatus); CONFLICT naming what is missing.',
  })
  moveFocusArea(@Args() args: MoveFocusAreaArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.move(args.id, args.status, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FocusArea, { description: 'Your organisation joins the focus area (in PLANNING).' })
  joinFocusArea(@Args() args: FocusAreaIdArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.join(args.focusAreaId, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FocusArea, {
    description:
      'Your organisation leaves the focus area, withdrawing its contracts (in PLANNING only: CONFLICT after).',
  })
  leaveFocusArea(@Args() args: FocusAreaIdArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.leave(args.focusAreaId, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => FocusArea, {
    description:
      "Submits your organisation's contracts in the area (in PLANNING): another organisation's contract is FORBIDDEN, one outside the area's categories BAD_USER_INPUT.",
  })
  submitContracts(@Args() args: SubmitContractsArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.submitContracts(args, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => FocusAreaSample, {
    description: 'Puts a candidate product into the sampling plan (in PLANNING or SAMPLING), once per focus area.',
  })
  addToSamplingPlan(@Args() args: AddToSamplingPlanArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.addToSamplingPlan(args, actor);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => FocusAreaSample, {
    description:
      'Gives a sample its one purchasing organisation (a participant) and creates its PLANNED follow-up, visible to all; a second assignment is CONFLICT.',
  })
  assignSample(@Args() args: AssignSampleArgs, @CurrentPrincipal() actor: Principal) {
    return this.service.assignSample(args, actor);
  }
}
