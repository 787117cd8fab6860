import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { PrincipalEntity } from '../auth/principal.entity.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { Deviation } from './deviation.model.js';
import { FollowUpCommentEntity } from './follow-up.entity.js';
import { FollowUp, FollowUpComment } from './follow-up.model.js';
import { CommentOnFollowUpArgs, RejectActionPlanArgs, RespondToDeviationArgs } from './supplier-answers.inputs.js';
import { SupplierAnswersService } from './supplier-answers.service.js';

/** The supplier's answers and the regions' decisions on them (issue 19, item 2). */
@Resolver(() => FollowUpComment)
export class SupplierAnswersResolver {
  constructor(private readonly answers: SupplierAnswersService) {}

  @Allow(Role.SUPPLIER)
  @Mutation(() => Deviation, {
    description:
      'A supplier member proposes an action plan with a due date for a deviation on its own supplier; the opening organisation accepts or rejects it.',
  })
  respondToDeviation(@Args() args: RespondToDeviationArgs, @CurrentPrincipal() actor: Principal) {
    return this.answers.respond(args.deviationId, args.actionPlan, args.dueDate, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation, {
    description: "Accepts the supplier's proposed plan on your deviation: ACTION_PLAN_AGREED, due by the plan's date.",
  })
  acceptActionPlan(
    @Args('deviationId', { type: () => ID, description: 'The deviation whose PROPOSED plan is accepted.' })
    deviationId: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.answers.accept(deviationId, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation, { description: "Rejects the supplier's proposed plan on your deviation, saying why." })
  rejectActionPlan(@Args() args: RejectActionPlanArgs, @CurrentPrincipal() actor: Principal) {
    return this.answers.reject(args.deviationId, args.reason, actor);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => FollowUpComment, {
    description: "A supplier member's reply beside a result of its own supplier, read by whoever sees the follow-up.",
  })
  commentOnFollowUp(@Args() args: CommentOnFollowUpArgs, @CurrentPrincipal() actor: Principal) {
    return this.answers.comment(args.followUpId, args.text, actor);
  }

  @Allow(Role.SUPPLIER)
  @Mutation(() => FollowUp, {
    description:
      "A supplier member's consent that the full report of a follow-up on its supplier may be shared (requiresSupplierRelease).",
  })
  releaseReport(
    @Args('followUpId', {
      type: () => ID,
      description: 'The follow-up whose full report (laboratory, reference) other organisations may now read.',
    })
    followUpId: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.answers.release(followUpId, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier)
  supplier(@Parent() c: FollowUpCommentEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(SupplierEntity).load(c.supplierId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => String, { nullable: true })
  async authorName(@Parent() c: FollowUpCommentEntity, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.byId(PrincipalEntity).load(c.principalId))?.name ?? null;
  }
}
