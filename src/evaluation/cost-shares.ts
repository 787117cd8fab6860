/**
 * A focus area's cost shared among its participants, in öre (integers), summing exactly to the total.
 *
 * Each participant's exact share is total × weight / Σweights (weight 1 each for EQUAL, its number of
 * submitted contracts for BY_CONTRACTS). Everyone first gets the share rounded down; the öre left over
 * (fewer than the number of participants) go one each to the largest remainders (Hamilton's largest
 * remainder method), ties by organisation code (alphabetical). Worked in integers: no float rounding.
 * BY_CONTRACTS with no submitted contract at all falls back to EQUAL (there is nothing else to go by).
 */
import type { CostSplit } from '../vocabulary/vocabulary.js';

export interface CostParticipant {
  organisationId: string;
  organisationCode: string;
  submittedContracts: number;
}

export interface CostShare {
  organisationId: string;
  /** The weight the share was worked from (1, or the number of submitted contracts). */
  weight: number;
  /** öre. */
  amount: number;
}

export function shareCosts(total: number, split: CostSplit, participants: readonly CostParticipant[]): CostShare[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError(`total ${total}: must be whole öre, not negative`);
  if (!participants.length) return [];
  const byContracts = split === 'BY_CONTRACTS' && participants.some((p) => p.submittedContracts > 0);
  const weights = participants.map((p) => (byContracts ? p.submittedContracts : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const rows = participants.map((p, i) => {
    const numerator = total * weights[i]!;
    return { p, weight: weights[i]!, amount: Math.floor(numerator / sum), remainder: numerator % sum };
  });
  let left = total - rows.reduce((a, r) => a + r.amount, 0);
  const order = [...rows].sort(
    (a, b) =>
      b.remainder - a.remainder ||
      (a.p.organisationCode < b.p.organisationCode ? -1 : a.p.organisationCode > b.p.organisationCode ? 1 : 0),
  );
  for (const r of order) {
    if (left <= 0) break;
    r.amount += 1;
    left -= 1;
  }
  return rows.map((r) => ({ organisationId: r.p.organisationId, weight: r.weight, amount: r.amount }));
}
