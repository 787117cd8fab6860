import { shareCosts, type CostParticipant } from './cost-shares.js';

const p = (code: string, submittedContracts = 0): CostParticipant => ({
  organisationId: `id-${code}`,
  organisationCode: code,
  submittedContracts,
});

describe('shareCosts', () => {
  it.each([
    ['EQUAL, divisible', 300, 'EQUAL', [p('a'), p('b'), p('c')], [100, 100, 100]],
    [
      'EQUAL, 1 öre left: to the first code (all remainders equal)',
      100,
      'EQUAL',
      [p('c'), p('a'), p('b')],
      [33, 34, 33],
    ],
    ['EQUAL, 2 öre left', 200, 'EQUAL', [p('a'), p('b'), p('c')], [67, 67, 66]],
    ['BY_CONTRACTS 1:2:3', 1000, 'BY_CONTRACTS', [p('a', 1), p('b', 2), p('c', 3)], [167, 333, 500]],
    ['BY_CONTRACTS, none submitted: equal', 90, 'BY_CONTRACTS', [p('a'), p('b'), p('c')], [30, 30, 30]],
    [
      'BY_CONTRACTS, a participant without contracts pays nothing',
      101,
      'BY_CONTRACTS',
      [p('a', 0), p('b', 1)],
      [0, 101],
    ],
    ['nothing to share', 0, 'EQUAL', [p('a'), p('b')], [0, 0]],
  ] as const)('%s', (_name, total, split, participants, amounts) => {
    const shares = shareCosts(total, split, participants);
    expect(shares.map((s) => s.amount)).toEqual(amounts);
    expect(shares.reduce((sum, s) => sum + s.amount, 0)).toBe(total);
  });

  it('always sums exactly to the total', () => {
    for (let total = 0; total < 500; total += 7) {
      const participants = [p('e', 5), p('d', 1), p('c', 3), p('b', 7), p('a', 2)];
      for (const split of ['EQUAL', 'BY_CONTRACTS'] as const)
        expect(shareCosts(total, split, participants).reduce((s, x) => s + x.amount, 0)).toBe(total);
    }
  });

  it('refuses a total that is not whole öre', () =>
    expect(() => shareCosts(10.5, 'EQUAL', [p('a')])).toThrow(RangeError));
});
