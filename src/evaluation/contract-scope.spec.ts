import { outsideContract } from './contract-scope.js';

describe('outsideContract', () => {
  // toys ⊃ play-mats ⊃ foam-mats; textiles stands alone.
  const parentOf = new Map<string, string | null>([
    ['toys', null],
    ['play-mats', 'toys'],
    ['foam-mats', 'play-mats'],
    ['textiles', null],
  ]);
  const contract = { supplierId: 'lekia', categoryIds: ['play-mats'] };

  it('covers the supplier’s products in a named category and below it', () => {
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'play-mats' }, contract, parentOf)).toBeNull();
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'foam-mats' }, contract, parentOf)).toBeNull();
  });

  it('does not cover another supplier’s product, whatever its category', () => {
    expect(outsideContract({ supplierId: 'other', categoryId: 'play-mats' }, contract, parentOf)).toMatch(/supplier/);
  });

  it('does not cover a category above or beside the named ones, nor a product without a category', () => {
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'toys' }, contract, parentOf)).toMatch(/category/);
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'textiles' }, contract, parentOf)).toMatch(/category/);
    expect(outsideContract({ supplierId: 'lekia', categoryId: null }, contract, parentOf)).toMatch(
      /no product category/,
    );
  });

  it('a contract naming no category covers every product of its supplier', () => {
    const any = { supplierId: 'lekia', categoryIds: [] };
    expect(outsideContract({ supplierId: 'lekia', categoryId: null }, any, parentOf)).toBeNull();
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'textiles' }, any, parentOf)).toBeNull();
  });

  it('stops on a cycle in the category tree instead of looping', () => {
    const cyclic = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(outsideContract({ supplierId: 'lekia', categoryId: 'a' }, contract, cyclic)).toMatch(/category/);
  });
});
