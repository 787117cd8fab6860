import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection left alive before it
 * collects again: HEAP_GROWING_PERCENT (default 50; 0 leaves it to V8).
 *
 * V8 picks that factor itself, between 1.1 and 4 by how fast it collects, and on a machine with many
 * GB (its heap limit then near 4 GB) it takes the high end. Under uniform lookups the service keeps
 * about 120 MB alive, a full measurement cache included, yet its RSS reached 350 to 450 MB at
 * scale 10: garbage V8 saw no reason to collect yet (bench/report.md). The factor bounds that
 * relative to what is alive, so it never refuses memory the way a fixed --max-old-space-size does
 * when an import needs it for a while; it only collects sooner.
 *
 * The flag is one V8 reads each time it sets the next limit (heap/heap-controller.cc), so setting it
 * at start-up takes effect from the first full collection. An operator's own
 * `--heap-growing-percent` on the command line wins (Node refuses it in NODE_OPTIONS).
 */
export function heapGrowingFlag(percent: number, execArgv: readonly string[] = process.execArgv): string | null {
  if (percent === 0 || execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return null;
  return `--heap-growing-percent=${percent}`;
}

/** Applies HEAP_GROWING_PERCENT to this process's V8 (see heapGrowingFlag); answers the flag set, if any. */
export function applyHeapPolicy(percent: number): string | null {
  const flag = heapGrowingFlag(percent);
  if (flag) setFlagsFromString(flag);
  return flag;
}
