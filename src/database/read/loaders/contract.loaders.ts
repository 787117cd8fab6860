import type { Principal } from '../../../auth/principal.js';
import { canSeeContract } from '../../../follow-ups/follow-up-access.js';
import { type Loaders } from './loaders.js';
import { ProductCategoryEntity } from '../../../products/product-category.entity.js';
import {
  ContractCategoryEntity,
  ContractEntity,
  ContractRequirementEntity,
} from '../../../contracts/contract.entity.js';

/** contractId → its categories, by code. */
export const contractCategoriesLoader = (loaders: Loaders) =>
  loaders.linked(
    'contract.categories',
    ContractCategoryEntity,
    'contractId',
    'categoryId',
    ProductCategoryEntity,
    (a, b) => a.code.localeCompare(b.code),
  );

/** contractId → its requirement rows (with the contract's own limits). */
export const contractRequirementsLoader = (loaders: Loaders) =>
  loaders.children(ContractRequirementEntity, 'contractId', 'created_at ASC');

/**
 * A contract reached through a relation (a follow-up's, a deviation's, a reuse's), under the
 * contract rule of follow-up-access.ts: null where a supplier member may not see it.
 */
export async function loadVisibleContract(
  loaders: Loaders,
  id: string | null,
  viewer: Principal | null,
): Promise<ContractEntity | null> {
  if (!id) return null;
  const contract = await loaders.byId(ContractEntity).load(id);
  return contract && canSeeContract(viewer, contract) ? contract : null;
}
