/**
 * Small-count suppression for published statistics (DOMAIN.md: "the public report names no product,
 * supplier or authority, and suppresses counts below 3"). Pure, so every public table (the
 * `publicStatistics` query, a focus area's public report) applies the same rule.
 *
 * A count below the threshold is shown as "< 3" and its number withheld. A total published beside
 * a table is the sum of the counts shown, never the true total: otherwise the total minus the shown
 * counts would give the withheld ones back (one withheld cell exactly; several, their sum).
 */
export const SUPPRESSION_THRESHOLD = 3;

/** A published count: the number, or null when withheld; and the text to show ("< 3" when withheld). */
export interface PublishedCount {
  count: number | null;
  displayCount: string;
}

/** One count as published. */
export function publishCount(count: number, threshold = SUPPRESSION_THRESHOLD): PublishedCount {
  return count < threshold ? { count: null, displayCount: `< ${threshold}` } : { count, displayCount: String(count) };
}

/**
 * A table of counts as published: every cell with its count published (`publishCount`), and the total
 * that may be shown beside it, the sum of the counts shown.
 */
export function suppressSmallCounts<T extends { count: number }>(
  cells: readonly T[],
  threshold = SUPPRESSION_THRESHOLD,
): { cells: Array<Omit<T, 'count'> & PublishedCount>; shownTotal: number } {
  let shownTotal = 0;
  const published = cells.map((cell) => {
    const shown = publishCount(cell.count, threshold);
    if (shown.count !== null) shownTotal += shown.count;
    return { ...cell, ...shown };
  });
  return { cells: published, shownTotal };
}
