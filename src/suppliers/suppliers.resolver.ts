import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { CreateSupplierInput, SuppliersArgs, UpdateSupplierInput } from './supplier.inputs.js';
import { Supplier, SupplierConnection } from './supplier.model.js';
import { SuppliersService } from './suppliers.service.js';

@Resolver(() => Supplier)
export class SuppliersResolver {
  constructor(private readonly service: SuppliersService) {}

  @Query(() => SupplierConnection)
  suppliers(@Args() args: SuppliersArgs) {
    return this.service.list(args);
  }

  @Query(() => Supplier)
  supplier(@Args('id', { type: () => ID }) id: string) {
    return this.service.get(id);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Supplier)
  createSupplier(@Args('input') input: CreateSupplierInput, @CurrentPrincipal() actor: Principal) {
    return this.service.create(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Supplier)
  updateSupplier(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSupplierInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }
}
