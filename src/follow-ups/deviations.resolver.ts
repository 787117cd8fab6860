import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { OpenDeviationInput, UpdateDeviationInput } from './deviation.inputs.js';
import { Deviation } from './deviation.model.js';
import { DeviationsService } from './deviations.service.js';

@Resolver(() => Deviation)
export class DeviationsResolver {
  constructor(private readonly service: DeviationsService) {}

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation, {
    description: 'Opens a deviation for your organisation on a follow-up you can see (your own, or one you rely on).',
  })
  openDeviation(@Args('input') input: OpenDeviationInput, @CurrentPrincipal() actor: Principal) {
    return this.service.open(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation)
  updateDeviation(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateDeviationInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation)
  resolveDeviation(
    @Args('id', { type: () => ID }) id: string,
    @Args('resolution', { type: () => String, nullable: true }) resolution: string | null,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.resolve(id, resolution, actor);
  }
}
