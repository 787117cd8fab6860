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
  openDeviation(
    @Args('input', { description: 'The deviation.' }) input: OpenDeviationInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.open(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation, {
    description: 'Changes a deviation your organisation opened: its description, severity, action plan or due date.',
  })
  updateDeviation(
    @Args('id', { type: () => ID, description: 'The deviation (its id).' }) id: string,
    @Args('input', { description: 'What to change; omitted fields stay as they are.' }) input: UpdateDeviationInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Deviation, {
    description:
      'Resolves a deviation your organisation opened: it no longer counts against the supplier (traffic light).',
  })
  resolveDeviation(
    @Args('id', { type: () => ID, description: 'The deviation (its id).' }) id: string,
    @Args('resolution', {
      type: () => String,
      nullable: true,
      description: 'How it was settled (e.g. "new batch without DEHP, report AR-2026-0101"); optional.',
    })
    resolution: string | null,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.resolve(id, resolution, actor);
  }
}
