/**
 * The prioritisation model of a focus area (DOMAIN.md "Focus areas", docs/domain.md "The
 * prioritisation model"): which candidate products to sample first. Plain values in, plain values
 * out, so the ranking can be checked by hand from the documented weights.
 *
 *   score = coverage·w.coverage + hazard·w.hazard + users·w.users + volume·w.volume − testedRecently·w.testedRecently
 *
 * - coverage: how many participants have a submitted contract that covers the product (its supplier,
 *   a category of the contract);
 * - hazard: over the substances in scope for the product (those of the focus area's requirements that
 *   apply to its category, and the experts' extra substances), one point per substance and per list it
 *   is on among the Candidate List, Annex XVII and CMR (HAZARD_LISTS);
 * - users: 2 for a children's product (category CHILD or under it), 1 for one patients are exposed to
 *   (MEDTECH), else 0 (USER_WEIGHT);
 * - volume: the product's annual volume (the sum over the submitted contracts covering it, where given)
 *   as a share of the largest candidate's, 0 to 1, so weights stay comparable whatever the unit;
 * - testedRecently: 1 when a SHARED follow-up of the product that counts (COMPLETED or CLOSED) was
 *   performed in the last three years: reuse it instead, so it lowers the score.
 *
 * Ranked by score (highest first), then coverage, then product name, then id.
 */
import type { RegulatoryList } from '../vocabulary/vocabulary.js';

export interface PrioritisationWeights {
  coverage: number;
  hazard: number;
  users: number;
  volume: number;
  testedRecently: number;
}

/** The documented defaults (docs/domain.md), used where a focus area sets no weight of its own. */
export const DEFAULT_WEIGHTS: Readonly<PrioritisationWeights> = {
  coverage: 3,
  hazard: 2,
  users: 2,
  volume: 1,
  testedRecently: 5,
};

/** The regulatory lists that make a substance hazardous for the model: one point each. */
export const HAZARD_LISTS: readonly RegulatoryList[] = ['REACH_CANDIDATE_LIST', 'REACH_ANNEX_XVII', 'CLP_CMR'];

/** Users by the root code of the product's category: children weigh most, then patients. */
export const USER_WEIGHT: Readonly<Record<string, number>> = { CHILD: 2, MEDTECH: 1 };

/** The model's facts about one candidate product. */
export interface CandidateFacts {
  productId: string;
  productName: string;
  /** The root category code (CHILD for CHILD-TOY), or null for a product without a category. */
  rootCategoryCode: string | null;
  /** The organisations whose submitted contracts cover it (duplicates count once). */
  coveringOrganisationIds: readonly string[];
  /** The regulatory lists of each substance in scope for it. */
  substanceLists: ReadonlyArray<readonly RegulatoryList[]>;
  /** Its annual volume, where any covering submission gives one. */
  annualVolume: number | null;
  testedRecently: boolean;
}

export interface ScoreParts {
  coverage: number;
  hazard: number;
  users: number;
  volume: number;
  testedRecently: number;
}

export interface RankedCandidate {
  productId: string;
  rank: number;
  score: number;
  parts: ScoreParts;
}

/** Hazard points of the substances in scope: one per substance and per HAZARD_LISTS list it is on. */
export function hazardPoints(substanceLists: ReadonlyArray<readonly RegulatoryList[]>): number {
  return substanceLists.reduce((sum, lists) => sum + HAZARD_LISTS.filter((l) => lists.includes(l)).length, 0);
}

/** Rounds a score to 4 decimals, so a hand-computed figure compares equal without float noise. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Every candidate's parts and score, ranked (rank 1 first). */
export function rankCandidates(
  candidates: readonly CandidateFacts[],
  weights: PrioritisationWeights = DEFAULT_WEIGHTS,
): RankedCandidate[] {
  const maxVolume = Math.max(0, ...candidates.map((c) => c.annualVolume ?? 0));
  const scored = candidates.map((c) => {
    const parts: ScoreParts = {
      coverage: new Set(c.coveringOrganisationIds).size,
      hazard: hazardPoints(c.substanceLists),
      users: (c.rootCategoryCode && USER_WEIGHT[c.rootCategoryCode]) || 0,
      volume: maxVolume > 0 ? round((c.annualVolume ?? 0) / maxVolume) : 0,
      testedRecently: c.testedRecently ? 1 : 0,
    };
    const score = round(
      parts.coverage * weights.coverage +
        parts.hazard * weights.hazard +
        parts.users * weights.users +
        parts.volume * weights.volume -
        parts.testedRecently * weights.testedRecently,
    );
    return { c, parts, score };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.parts.coverage - a.parts.coverage ||
      a.c.productName.localeCompare(b.c.productName, 'sv') ||
      (a.c.productId < b.c.productId ? -1 : a.c.productId > b.c.productId ? 1 : 0),
  );
  return scored.map((s, i) => ({ productId: s.c.productId, rank: i + 1, score: s.score, parts: s.parts }));
}
