import { publishCount, suppressSmallCounts } from './suppression.js';

describe('small-count suppression', () => {
  it.each<[number, ReturnType<typeof publishCount>]>([
    [1, { count: null, displayCount: '< 3' }],
    [2, { count: null, displayCount: '< 3' }],
    [3, { count: 3, displayCount: '3' }],
    [40, { count: 40, displayCount: '40' }],
  ])('a count of %s is published as %j', (count, expected) => {
    expect(publishCount(count)).toEqual(expected);
  });

  it('withholds small cells and totals only what it shows, so nothing is recovered by subtraction', () => {
    const cells = [
      { key: 'a', count: 7 },
      { key: 'b', count: 1 },
      { key: 'c', count: 3 },
      { key: 'd', count: 2 },
    ];
    const { cells: published, shownTotal } = suppressSmallCounts(cells);
    expect(published).toEqual([
      { key: 'a', count: 7, displayCount: '7' },
      { key: 'b', count: null, displayCount: '< 3' },
      { key: 'c', count: 3, displayCount: '3' },
      { key: 'd', count: null, displayCount: '< 3' },
    ]);
    expect(shownTotal).toBe(10);
    expect(shownTotal - published.reduce((sum, c) => sum + (c.count ?? 0), 0)).toBe(0);
  });

  it('a table of small cells only publishes a total of 0', () => {
    expect(suppressSmallCounts([{ count: 2 }, { count: 1 }]).shownTotal).toBe(0);
  });
});
