import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { LimitInput, toLimit } from '../common/limit.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.model.js';
import { ProductCategory } from '../products/product.model.js';
import { RequirementEntity } from '../requirements/requirement.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { Supplier } from '../suppliers/supplier.model.js';
import { ContractEntity } from './contract.entity.js';
import { ContractsArgs, CreateContractInput, UpdateContractInput } from './contract.inputs.js';
import { contractCategoriesLoader, contractRequirementsLoader } from '../database/read/loaders/contract.loaders.js';
import { Contract, ContractConnection, ContractRequirement } from './contract.model.js';
import { ContractsService } from './contracts.service.js';
import { nullIfAbsent } from '../common/errors/null-if-absent.js';

@Resolver(() => Contract)
export class ContractsResolver {
  constructor(private readonly service: ContractsService) {}

  @Query(() => ContractConnection, { description: 'Contracts, by title, in pages.' })
  contracts(@Args() args: ContractsArgs) {
    return this.service.list(args);
  }

  @Query(() => Contract, {
    nullable: true,
    description: 'A contract by id; null when there is none or you may not see it.',
  })
  contract(@Args('id', { type: () => ID, description: "The contract's id." }) id: string) {
    return nullIfAbsent(this.service.get(id));
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Contract, {
    description:
      'Creates a contract with a supplier for your organisation, or for one that delegated CONTRACTS to yours.',
  })
  createContract(
    @Args('input', { description: 'The contract.' }) input: CreateContractInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.create(input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Contract, {
    description: 'Changes a contract your organisation owns (or, as a delegate, one it created).',
  })
  updateContract(
    @Args('id', { type: () => ID, description: 'The contract (its id).' }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateContractInput,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.update(id, input, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Contract, {
    description:
      'Adds a library requirement to a contract, or sets its contract-specific limit (omit or null: the library default).',
  })
  setContractRequirement(
    @Args('contractId', { type: () => ID, description: 'The contract (its id).' }) contractId: string,
    @Args('requirementId', { type: () => ID, description: 'The requirement of the library.' }) requirementId: string,
    // Nullable, so the pipe would turn a missing limit into {} and refuse it: checked in the service instead.
    @Args('limit', {
      type: () => LimitInput,
      nullable: true,
      description: "The contract's own limit; null: the library's default applies.",
    })
    limit: LimitInput | null,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.setRequirement(contractId, requirementId, limit, actor);
  }

  @Allow(Role.CONTACT_PERSON)
  @Mutation(() => Contract, {
    description: 'Takes a requirement off a contract (its own limit with it); answers the contract.',
  })
  removeContractRequirement(
    @Args('contractId', { type: () => ID, description: 'The contract (its id).' }) contractId: string,
    @Args('requirementId', { type: () => ID, description: 'The requirement to take off it.' }) requirementId: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.service.removeRequirement(contractId, requirementId, actor);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Organisation)
  organisation(@Parent() c: ContractEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(OrganisationEntity).load(c.organisationId);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description:
      "The organisation that created it on the organisation's behalf, under a delegation; null when the organisation did.",
  })
  recordedBy(@Parent() c: ContractEntity, @Context() ctx: GraphQLContext) {
    return c.recordedByOrganisationId ? ctx.loaders.byId(OrganisationEntity).load(c.recordedByOrganisationId) : null;
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => Supplier)
  supplier(@Parent() c: ContractEntity, @Context() ctx: GraphQLContext) {
    return ctx.loaders.byId(SupplierEntity).load(c.supplierId);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ProductCategory])
  categories(@Parent() c: ContractEntity, @Context() ctx: GraphQLContext) {
    return contractCategoriesLoader(ctx.loaders).load(c.id);
  }

  @Allow(Role.SUPPLIER)
  @ResolveField(() => [ContractRequirement])
  async requirements(@Parent() c: ContractEntity, @Context() ctx: GraphQLContext): Promise<ContractRequirement[]> {
    const rows = await contractRequirementsLoader(ctx.loaders).load(c.id);
    const requirements = await ctx.loaders.byId(RequirementEntity).loadMany(rows.map((r) => r.requirementId));
    return rows.map((row, i) => {
      const requirement = requirements[i] as RequirementEntity;
      const own = toLimit(row.limitValue, row.limitUnit);
      return {
        requirement: requirement as never,
        limit: own,
        effectiveLimit: own ?? toLimit(requirement.defaultLimitValue, requirement.defaultLimitUnit),
      };
    });
  }
}
