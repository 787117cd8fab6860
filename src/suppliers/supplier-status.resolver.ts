import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Role } from '../auth/role.js';
import type { Principal } from '../auth/principal.js';
import { SupplierStatus } from './supplier-status.model.js';
import { SupplierStatusService } from './supplier-status.service.js';

@Resolver(() => SupplierStatus)
export class SupplierStatusResolver {
  constructor(private readonly service: SupplierStatusService) {}

  @Allow(Role.SUPPLIER)
  @Query(() => SupplierStatus, {
    description:
      "The supplier's traffic light, from the deviations on follow-ups you can see. A supplier member asks for its own supplier only.",
  })
  supplierStatus(
    @Args('supplierId', { type: () => ID, description: 'The supplier (its id).' }) supplierId: string,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return this.service.status(supplierId, viewer);
  }
}
