import { type Loaders } from './loaders.js';
import { ProductCategoryEntity } from '../../../products/product-category.entity.js';
import { SubstanceEntity } from '../../../substances/substance.entity.js';
import { RequirementCategoryEntity, RequirementSubstanceEntity } from '../../../requirements/requirement.entity.js';

/** requirementId → the substances in scope, by name. */
export const requirementSubstancesLoader = (loaders: Loaders) =>
  loaders.linked(
    'requirement.substances',
    RequirementSubstanceEntity,
    'requirementId',
    'substanceId',
    SubstanceEntity,
    (a, b) => a.name.localeCompare(b.name),
  );

/** requirementId → the categories it applies to, by code. */
export const requirementCategoriesLoader = (loaders: Loaders) =>
  loaders.linked(
    'requirement.categories',
    RequirementCategoryEntity,
    'requirementId',
    'categoryId',
    ProductCategoryEntity,
    (a, b) => a.code.localeCompare(b.code),
  );
