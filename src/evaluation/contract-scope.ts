/**
 * Which products a contract covers (DOMAIN.md: "a contract names a supplier and product categories,
 * so its products are that supplier's products in those categories"). A contract that names no
 * category covers every product of its supplier; a product in a sub-category of a named category is
 * covered; a product without a category is covered only by a contract that names none.
 */
export interface ScopedProduct {
  supplierId: string;
  categoryId: string | null;
}

export interface ContractScope {
  supplierId: string;
  categoryIds: readonly string[];
}

/** Why the product is outside the contract, or null when the contract covers it. `parentOf`: each category's parent. */
export function outsideContract(
  product: ScopedProduct,
  contract: ContractScope,
  parentOf: ReadonlyMap<string, string | null>,
): string | null {
  if (product.supplierId !== contract.supplierId) return "its supplier is not the contract's supplier";
  if (!contract.categoryIds.length) return null;
  if (!product.categoryId) return 'it has no product category, and the contract covers only the categories it names';
  const named = new Set(contract.categoryIds);
  const seen = new Set<string>();
  for (let at: string | null | undefined = product.categoryId; at && !seen.has(at); at = parentOf.get(at)) {
    if (named.has(at)) return null;
    seen.add(at);
  }
  return "its product category is not among the contract's categories (nor under one of them)";
}
