/**
 * Units of measurement for chemical limits and results, and the exact conversions between
 * them (DOMAIN.md, "Units"). Plain TypeScript: no framework imports.
 */
import type { Unit } from '../vocabulary/vocabulary.js';

/**
 * What a unit measures. Only units of the same dimension can be compared: a migration in mg/L
 * says nothing about a content in % w/w, so comparing them would be a silent pass or fail.
 */
export type Dimension = 'MASS_FRACTION' | 'MIGRATION' | 'EMISSION' | 'RELEASE';

export const UNIT_SYMBOLS: Record<Unit, string> = {
  PERCENT_WW: '% w/w',
  MG_PER_KG: 'mg/kg',
  PPM: 'ppm',
  UG_PER_G: 'µg/g',
  MG_PER_L: 'mg/L',
  UG_PER_L: 'µg/L',
  MG_PER_M3: 'mg/m³',
  UG_PER_M3: 'µg/m³',
  UG_PER_CM2_WEEK: 'µg/cm²/week',
};

/**
 * Each unit as a dimension and an integer number of the dimension's smallest unit
 * (mg/kg, µg/L, µg/m³, µg/cm²/week). Integer factors keep every ratio between two units an
 * exact integer, so a conversion is one multiplication or division by an exact number.
 */
const DEFINITIONS: Record<Unit, { dimension: Dimension; factor: number }> = {
  PERCENT_WW: { dimension: 'MASS_FRACTION', factor: 10_000 },
  MG_PER_KG: { dimension: 'MASS_FRACTION', factor: 1 },
  PPM: { dimension: 'MASS_FRACTION', factor: 1 },
  UG_PER_G: { dimension: 'MASS_FRACTION', factor: 1 },
  MG_PER_L: { dimension: 'MIGRATION', factor: 1_000 },
  UG_PER_L: { dimension: 'MIGRATION', factor: 1 },
  MG_PER_M3: { dimension: 'EMISSION', factor: 1_000 },
  UG_PER_M3: { dimension: 'EMISSION', factor: 1 },
  UG_PER_CM2_WEEK: { dimension: 'RELEASE', factor: 1 },
};

/** Significant digits kept after a conversion or a sum. */
export const SIGNIFICANT_DIGITS = 12;

export function dimensionOf(unit: Unit): Dimension {
  return DEFINITIONS[unit].dimension;
}

export function areComparable(a: Unit, b: Unit): boolean {
  return dimensionOf(a) === dimensionOf(b);
}

/**
 * Rounds to {@link SIGNIFICANT_DIGITS} significant digits. Binary floating point turns
 * 0.07 × 10 000 into 700.0000000000001, which would FAIL a 700 mg/kg limit that the value
 * meets exactly; no laboratory reports 12 significant digits, so rounding there loses nothing.
 */
export function roundSignificant(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** Sum of values, rounded like a conversion (0.03 + 0.07 must be exactly 0.1). */
export function sumExact(values: readonly number[]): number {
  return roundSignificant(values.reduce((total, value) => total + value, 0));
}

/**
 * Converts a value between units of the same dimension.
 * @returns the value in `to`, or null when the units measure different things (not comparable).
 */
export function convert(value: number, from: Unit, to: Unit): number | null {
  if (!areComparable(from, to)) return null;
  const fromFactor = DEFINITIONS[from].factor;
  const toFactor = DEFINITIONS[to].factor;
  // Multiply or divide by the integer ratio: dividing by 10 000 is exact to the last bit,
  // multiplying by the inexact 0.0001 is not.
  const converted = fromFactor >= toFactor ? value * (fromFactor / toFactor) : value / (toFactor / fromFactor);
  return roundSignificant(converted);
}
