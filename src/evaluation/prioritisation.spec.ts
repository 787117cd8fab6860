import { DEFAULT_WEIGHTS, hazardPoints, rankCandidates, type CandidateFacts } from './prioritisation.js';

const candidate = (o: Partial<CandidateFacts> & { productId: string }): CandidateFacts => ({
  productName: o.productId,
  rootCategoryCode: null,
  coveringOrganisationIds: [],
  substanceLists: [],
  annualVolume: null,
  testedRecently: false,
  ...o,
});

describe('hazardPoints', () => {
  it.each([
    ['no substances', [], 0],
    ['DEHP: Candidate List, Annex XVII, CMR', [['REACH_CANDIDATE_LIST', 'REACH_ANNEX_XVII', 'CLP_CMR']], 3],
    ['a list outside the model counts nothing', [['ROHS', 'POPS']], 0],
    ['two substances add up', [['REACH_CANDIDATE_LIST'], ['CLP_CMR', 'REACH_ANNEX_XIV']], 2],
  ] as const)('%s: %i', (_name, lists, points) => expect(hazardPoints(lists)).toBe(points));
});

describe('rankCandidates (the worked example of docs/domain.md)', () => {
  const a = candidate({
    productId: 'a',
    productName: 'Lekmatta',
    rootCategoryCode: 'CHILD',
    coveringOrganisationIds: ['skane', 'stockholm', 'skane'],
    substanceLists: [['REACH_CANDIDATE_LIST', 'REACH_ANNEX_XVII', 'CLP_CMR']],
    annualVolume: 400,
  });
  const b = candidate({
    productId: 'b',
    productName: 'Undersökningshandske',
    rootCategoryCode: 'MEDTECH',
    coveringOrganisationIds: ['skane', 'stockholm', 'uppsala'],
    substanceLists: [['REACH_CANDIDATE_LIST']],
    annualVolume: 1000,
    testedRecently: true,
  });
  const c = candidate({ productId: 'c', productName: 'Kontorsstol', rootCategoryCode: 'FURNITURE' });

  it('scores each part by its weight; testing in the last three years lowers the score', () => {
    const ranked = rankCandidates([c, b, a]);
    // a: 2×3 + 3×2 + 2×2 + 0.4×1 − 0 = 16.4; b: 3×3 + 1×2 + 1×2 + 1×1 − 5 = 9; c: 0.
    expect(ranked).toEqual([
      {
        productId: 'a',
        rank: 1,
        score: 16.4,
        parts: { coverage: 2, hazard: 3, users: 2, volume: 0.4, testedRecently: 0 },
      },
      { productId: 'b', rank: 2, score: 9, parts: { coverage: 3, hazard: 1, users: 1, volume: 1, testedRecently: 1 } },
      { productId: 'c', rank: 3, score: 0, parts: { coverage: 0, hazard: 0, users: 0, volume: 0, testedRecently: 0 } },
    ]);
  });

  it("takes the focus area's weights", () => {
    const ranked = rankCandidates([a, b], { ...DEFAULT_WEIGHTS, coverage: 10, testedRecently: 0 });
    expect(ranked.map((r) => [r.productId, r.score])).toEqual([
      ['b', 35], // 30 + 2 + 2 + 1
      ['a', 30.4], // 20 + 6 + 4 + 0.4
    ]);
  });

  it('breaks ties by coverage, then name, then id', () => {
    const x = candidate({ productId: 'x', productName: 'Boll', coveringOrganisationIds: ['o1'] });
    const y = candidate({ productId: 'y', productName: 'Apa', coveringOrganisationIds: ['o1'] });
    const z = candidate({ productId: 'z', productName: 'Apa', coveringOrganisationIds: ['o1'] });
    expect(rankCandidates([x, z, y]).map((r) => r.productId)).toEqual(['y', 'z', 'x']);
  });
});
