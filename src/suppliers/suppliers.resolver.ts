import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { CreateSupplierInput, SuppliersArgs, UpdateSupplierInput } from './supplier.inputs.js';
import { Supplier, SupplierConnection } from './supplier.model.js';
import { SuppliersService } from './suppliers.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => Supplier)
export class SuppliersResolver {
  constructor(private readonly service: SuppliersService) {}

  @Query(() => SupplierConnection, { description: 'The suppliers, by name, in pages.' })
  suppliers(@Args() args: SuppliersArgs) {
    return this.service.list(args);
  }

  @Query(() => Supplier, { nullable: true, description: 'A supplier by id; null when there is none.' })
  supplier(@Args('id', { type: () => ID, description: "The supplier's id." }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Supplier, {
    description:
      'Adds a supplier to the catalogue (CONTACT_PERSON and above); an organisationsnummer already stored is CONFLICT.',
  })
  createSupplier(
    @Args('input', { description: 'The supplier.' }) input: CreateSupplierInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Supplier, { description: 'Changes a supplier of the catalogue.' })
  updateSupplier(
    @Args('id', { type: () => ID, description: 'The supplier (its id).' }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateSupplierInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }
}
