import { type Loaders } from './loaders.js';
import { ProductCategoryEntity } from '../../../products/product-category.entity.js';
import { ContractCategoryEntity, ContractRequirementEntity } from '../../../contracts/contract.entity.js';

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
