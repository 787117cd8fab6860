import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { Reuse } from '../follow-ups/reuse.model.js';
import { ProductEvaluation, ReusableFollowUp } from './assessment.model.js';
import { AssessmentsService } from './assessments.service.js';
import { EvaluateProductArgs } from './assessment.inputs.js';

/** A product against one contract: its evaluation, and which other organisations' follow-ups the contract may rely on. */
@Resolver()
export class AssessmentsResolver {
  constructor(private readonly service: AssessmentsService) {}

  @Query(() => ProductEvaluation, {
    description:
      "Each requirement of the contract evaluated against the contract's own limit (else the library default), from the follow-ups that count: COMPLETED or CLOSED, valid today, visible to you (or from followUpIds alone). In each part the substances come worst first (FAIL, INCONCLUSIVE, NOT_COMPARABLE, detected, PASS, NOT_MEASURED), then by name.",
  })
  evaluateProduct(@Args() args: EvaluateProductArgs, @CurrentPrincipal() viewer: Principal) {
    return this.service.evaluateProduct(args.productId, args.contractId, viewer, {
      followUpIds: args.followUpIds,
      measuredOnly: args.measuredOnly,
    });
  }

  @Query(() => [ReusableFollowUp], {
    description:
      "Other organisations' follow-ups of the product that satisfy the reuse rule for the contract, each with the reason.",
  })
  reusableFollowUps(
    @Args('productId', { type: () => ID, description: 'The product (its id).' }) productId: string,
    @Args('contractId', { type: () => ID, description: 'Your contract (its id).' }) contractId: string,
    @Args('includeRejected', {
      defaultValue: false,
      description: 'Also list the ones that cannot be reused, with why.',
    })
    includeRejected: boolean,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return this.service.reusableFollowUps(productId, contractId, viewer, includeRejected);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Reuse, {
    description:
      "Records that your contract relies on another organisation's follow-up (it must satisfy the reuse rule).",
  })
  recordReuse(
    @Args('followUpId', { type: () => ID, description: "The other organisation's follow-up (its id)." })
    followUpId: string,
    @Args('contractId', { type: () => ID, description: 'Your contract it is relied on for.' }) contractId: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.recordReuse(followUpId, contractId, actor);
  }
}
