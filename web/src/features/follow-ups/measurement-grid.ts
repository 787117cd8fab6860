import { areComparable } from '../../../../src/evaluation/units';
import type { Unit } from '../../../../src/vocabulary/vocabulary';

/** One row of the measurement grid as typed or pasted: five text cells. */
export interface GridRow {
  key: string;
  substance: string;
  part: string;
  result: string;
  unit: string;
  uncertainty: string;
}

export type GridField = 'substance' | 'part' | 'result' | 'unit' | 'uncertainty';
export const GRID_FIELDS: readonly GridField[] = ['substance', 'part', 'result', 'unit', 'uncertainty'];

/** A problem at one row and field; `message` is an i18n key, `values` its parameters. */
export interface GridProblem {
  row: number;
  field: GridField;
  message: string;
  values?: Record<string, string>;
}

/** A measurement as recordFollowUp takes it. */
export interface MeasurementInputValues {
  substanceCas: string;
  part: string;
  detected: boolean;
  value: number | null;
  loq: number | null;
  unit: Unit;
  uncertainty: number | null;
}

export interface KnownSubstance {
  id: string;
  name: string;
  casNumber: string;
}

/** What the checked requirements need: their code, the unit of the limit that applies, their substances. */
export interface RequirementScope {
  code: string;
  unit: Unit | null;
  substanceIds: readonly string[];
}

/** Unit spellings people use in lab reports and Excel, to the API's Unit. */
const UNIT_ALIASES: Record<string, Unit> = {
  'mg/kg': 'MG_PER_KG',
  'mg/l': 'MG_PER_L',
  'mg/m3': 'MG_PER_M3',
  'mg/m³': 'MG_PER_M3',
  '%': 'PERCENT_WW',
  '% w/w': 'PERCENT_WW',
  '%w/w': 'PERCENT_WW',
  'vikt-%': 'PERCENT_WW',
  ppm: 'PPM',
  'µg/g': 'UG_PER_G',
  'ug/g': 'UG_PER_G',
  'µg/l': 'UG_PER_L',
  'ug/l': 'UG_PER_L',
  'µg/m3': 'UG_PER_M3',
  'µg/m³': 'UG_PER_M3',
  'ug/m3': 'UG_PER_M3',
  'µg/cm²/week': 'UG_PER_CM2_WEEK',
  'µg/cm2/week': 'UG_PER_CM2_WEEK',
  'ug/cm2/week': 'UG_PER_CM2_WEEK',
  'µg/cm²/vecka': 'UG_PER_CM2_WEEK',
};

export function parseUnit(text: string): Unit | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    UNIT_ALIASES[key] ?? (Object.values(UNIT_ALIASES).includes(text.trim() as Unit) ? (text.trim() as Unit) : null)
  );
}

/** A number as typed in Swedish or English Excel: `0,1`, `0.1`, `1 200`. Null when it is not one. */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

let nextKey = 0;
export const emptyRow = (): GridRow => ({
  key: `row-${++nextKey}`,
  substance: '',
  part: '',
  result: '',
  unit: '',
  uncertainty: '',
});

/**
 * Rows pasted from Excel: tab-separated, one measurement a line (substance name or CAS, part, value or
 * `<LOQ`, unit, uncertainty). A first line whose result cell is not a number is taken as a heading.
 */
export function parseTsv(text: string): GridRow[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const rows = lines.map((line) => {
    const [substance = '', part = '', result = '', unit = '', uncertainty = ''] = line.split('\t');
    return {
      ...emptyRow(),
      substance: substance.trim(),
      part: part.trim(),
      result: result.trim(),
      unit: unit.trim(),
      uncertainty: uncertainty.trim(),
    };
  });
  const first = rows[0];
  if (first && !/^\s*[<≤]?\s*[\d.,]/.test(first.result) && parseUnit(first.unit) === null) rows.shift();
  return rows;
}

/** A blank row (all cells empty) is left out of the follow-up, not refused. */
export const isBlank = (row: GridRow) => GRID_FIELDS.every((field) => row[field].trim() === '');

/**
 * Checks every row at once and returns every problem with its row and field, and the measurements of
 * the rows without problems. The rules are the service's (src/follow-ups/follow-up-rules.ts); units
 * are compared by the service's own units module, so a unit that cannot decide a checked
 * requirement's limit is shown at its row before saving.
 */
export function checkGrid(
  rows: readonly GridRow[],
  substances: readonly KnownSubstance[],
  requirements: readonly RequirementScope[],
): { problems: GridProblem[]; measurements: MeasurementInputValues[] } {
  const byCas = new Map(substances.map((s) => [s.casNumber, s]));
  const byName = new Map(substances.map((s) => [s.name.toLowerCase(), s]));
  const problems: GridProblem[] = [];
  const measurements: MeasurementInputValues[] = [];
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const before = problems.length;
    const problem = (field: GridField, message: string, values?: Record<string, string>) =>
      problems.push({ row: index, field, message, values });
    const text = row.substance.trim();
    const substance = byCas.get(text) ?? byName.get(text.toLowerCase()) ?? null;
    if (!text) problem('substance', 'grid.substanceMissing');
    else if (!substance) problem('substance', 'grid.substanceUnknown', { text });
    if (!row.part.trim()) problem('part', 'grid.partMissing');
    const loqMatch = /^\s*(<|≤|<\s*LOQ)\s*(.*)$/i.exec(row.result);
    const detected = !loqMatch;
    const amount = parseNumber(loqMatch ? loqMatch[2]! : row.result);
    if (!row.result.trim()) problem('result', 'grid.resultMissing');
    else if (amount === null) problem('result', 'grid.resultNotNumber', { text: row.result });
    else if (detected && amount < 0) problem('result', 'grid.resultNegative');
    else if (!detected && amount <= 0) problem('result', 'grid.loqNotPositive');
    const unit = parseUnit(row.unit);
    if (!row.unit.trim()) problem('unit', 'grid.unitMissing');
    else if (!unit) problem('unit', 'grid.unitUnknown', { text: row.unit });
    else if (substance) {
      for (const r of requirements) {
        if (r.unit && r.substanceIds.includes(substance.id) && !areComparable(unit, r.unit))
          problem('unit', 'grid.unitDoesNotFit', { code: r.code });
      }
    }
    const uncertainty = row.uncertainty.trim() ? parseNumber(row.uncertainty.replace(/^±/, '')) : null;
    if (row.uncertainty.trim() && uncertainty === null) problem('uncertainty', 'grid.uncertaintyNotNumber');
    else if (uncertainty !== null && uncertainty < 0) problem('uncertainty', 'grid.uncertaintyNegative');
    else if (uncertainty !== null && !detected) problem('uncertainty', 'grid.uncertaintyOnLoq');
    if (problems.length === before && substance && unit && amount !== null)
      measurements.push({
        substanceCas: substance.casNumber,
        part: row.part.trim(),
        detected,
        value: detected ? amount : null,
        loq: detected ? null : amount,
        unit,
        uncertainty,
      });
  });
  return { problems, measurements };
}
