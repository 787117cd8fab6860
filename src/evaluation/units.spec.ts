import {
  UNIT_SYMBOLS,
  areComparable,
  convert,
  dimensionOf,
  roundSignificant,
  sumExact,
  type Dimension,
} from './units.js';
import { type Unit, UNITS } from '../vocabulary/vocabulary.js';

describe('dimensionOf', () => {
  it.each<[Unit, Dimension]>([
    ['PERCENT_WW', 'MASS_FRACTION'],
    ['MG_PER_KG', 'MASS_FRACTION'],
    ['PPM', 'MASS_FRACTION'],
    ['UG_PER_G', 'MASS_FRACTION'],
    ['MG_PER_L', 'MIGRATION'],
    ['UG_PER_L', 'MIGRATION'],
    ['MG_PER_M3', 'EMISSION'],
    ['UG_PER_M3', 'EMISSION'],
    ['UG_PER_CM2_WEEK', 'RELEASE'],
  ])('%s is a %s', (unit, dimension) => {
    expect(dimensionOf(unit)).toBe(dimension);
  });
});

describe('UNIT_SYMBOLS', () => {
  it.each<[Unit, string]>([
    ['PERCENT_WW', '% w/w'],
    ['MG_PER_KG', 'mg/kg'],
    ['PPM', 'ppm'],
    ['UG_PER_G', 'µg/g'],
    ['MG_PER_L', 'mg/L'],
    ['UG_PER_L', 'µg/L'],
    ['MG_PER_M3', 'mg/m³'],
    ['UG_PER_M3', 'µg/m³'],
    ['UG_PER_CM2_WEEK', 'µg/cm²/week'],
  ])('%s is written %s', (unit, symbol) => {
    expect(UNIT_SYMBOLS[unit]).toBe(symbol);
  });

  it('has a symbol for every unit', () => {
    expect(Object.keys(UNIT_SYMBOLS).sort()).toEqual([...UNITS].sort());
  });
});

describe('convert', () => {
  it.each<[number, Unit, Unit, number]>([
    [1, 'PERCENT_WW', 'MG_PER_KG', 10_000],
    [0.1, 'PERCENT_WW', 'MG_PER_KG', 1_000],
    [0.07, 'PERCENT_WW', 'MG_PER_KG', 700],
    [0.03, 'PERCENT_WW', 'MG_PER_KG', 300],
    [0.01, 'PERCENT_WW', 'MG_PER_KG', 100],
    [0.2, 'PERCENT_WW', 'PPM', 2_000],
    [0.1, 'PERCENT_WW', 'UG_PER_G', 1_000],
    [1000, 'MG_PER_KG', 'PERCENT_WW', 0.1],
    [700, 'MG_PER_KG', 'PERCENT_WW', 0.07],
    [10_000, 'MG_PER_KG', 'PERCENT_WW', 1],
    [1000, 'PPM', 'PERCENT_WW', 0.1],
    [1000, 'UG_PER_G', 'PERCENT_WW', 0.1],
    [1, 'PPM', 'MG_PER_KG', 1],
    [1, 'UG_PER_G', 'MG_PER_KG', 1],
    [0.5, 'MG_PER_KG', 'UG_PER_G', 0.5],
    [1, 'MG_PER_L', 'UG_PER_L', 1000],
    [0.3, 'MG_PER_L', 'UG_PER_L', 300],
    [300, 'UG_PER_L', 'MG_PER_L', 0.3],
    [1, 'MG_PER_M3', 'UG_PER_M3', 1000],
    [120, 'UG_PER_M3', 'MG_PER_M3', 0.12],
    [0.5, 'UG_PER_CM2_WEEK', 'UG_PER_CM2_WEEK', 0.5],
    [0, 'PERCENT_WW', 'MG_PER_KG', 0],
  ])('%p %s is exactly %p %s', (value, from, to, expected) => {
    expect(convert(value, from, to)).toBe(expected);
  });

  it.each<[Unit, Unit]>([
    ['MG_PER_L', 'PERCENT_WW'],
    ['PERCENT_WW', 'MG_PER_L'],
    ['MG_PER_M3', 'MG_PER_KG'],
    ['UG_PER_L', 'UG_PER_M3'],
    ['UG_PER_CM2_WEEK', 'UG_PER_G'],
  ])('%s cannot be converted to %s (null)', (from, to) => {
    expect(convert(1, from, to)).toBeNull();
  });

  it('converts every pair of the same dimension and back without drift', () => {
    for (const from of UNITS) {
      for (const to of UNITS.filter((u) => areComparable(u, from))) {
        const there = convert(0.07, from, to) as number;
        expect(convert(there, to, from)).toBe(0.07);
      }
    }
  });
});

describe('areComparable', () => {
  it.each<[Unit, Unit, boolean]>([
    ['PERCENT_WW', 'MG_PER_KG', true],
    ['PPM', 'UG_PER_G', true],
    ['MG_PER_L', 'UG_PER_L', true],
    ['MG_PER_M3', 'UG_PER_M3', true],
    ['UG_PER_CM2_WEEK', 'UG_PER_CM2_WEEK', true],
    ['MG_PER_L', 'PERCENT_WW', false],
    ['MG_PER_L', 'MG_PER_M3', false],
    ['UG_PER_CM2_WEEK', 'MG_PER_KG', false],
  ])('%s with %s: %p', (a, b, expected) => {
    expect(areComparable(a, b)).toBe(expected);
    expect(areComparable(b, a)).toBe(expected);
  });
});

describe('roundSignificant and sumExact', () => {
  it.each<[number, number]>([
    [700.0000000000001, 700],
    [0.30000000000000004, 0.3],
    [0, 0],
    [-0.1 - 0.2, -0.3],
    [123456789012345, 123456789012000],
  ])('roundSignificant(%p) = %p', (value, expected) => {
    expect(roundSignificant(value)).toBe(expected);
  });

  it.each<[number[], number]>([
    [[0.03, 0.07], 0.1],
    [[0.1, 0.2], 0.3],
    [[0.01, 0.02, 0.03, 0.04], 0.1],
    [[], 0],
  ])('sumExact(%p) = %p', (values, expected) => {
    expect(sumExact(values)).toBe(expected);
  });
});
