import type { SubstanceResult } from './evaluate.js';

/**
 * How bad one substance's result in one part is, for ordering an answer (0 is the worst): a FAIL,
 * then an INCONCLUSIVE, then a measurement that cannot be compared with the limit, then a detected
 * value that counts towards a SUM, then a PASS (or a SUM substance not detected), then a substance
 * not measured at all. A reader sees first what needs acting on.
 */
export function substanceSeverity(s: Pick<SubstanceResult, 'status' | 'verdict' | 'measurement'>): number {
  if (s.verdict === 'FAIL') return 0;
  if (s.verdict === 'INCONCLUSIVE') return 1;
  if (s.status === 'NOT_COMPARABLE') return 2;
  if (s.status === 'NOT_MEASURED') return 5;
  if (s.verdict === 'PASS') return 4;
  return s.measurement?.detected ? 3 : 4;
}

const byName = new Intl.Collator('sv');

/** The substances ordered worst first (substanceSeverity), then by name; the input is not changed. */
export function worstFirst<T extends Pick<SubstanceResult, 'status' | 'verdict' | 'measurement'>>(
  substances: readonly T[],
  nameOf: (s: T) => string,
): T[] {
  return [...substances].sort(
    (a, b) => substanceSeverity(a) - substanceSeverity(b) || byName.compare(nameOf(a), nameOf(b)),
  );
}
