import type { SubstanceResult } from './evaluate.js';
import { substanceSeverity, worstFirst } from './worst-first.js';

type Row = Pick<SubstanceResult, 'status' | 'verdict' | 'measurement'> & { name: string };

const measured = (detected: boolean) => ({ detected }) as SubstanceResult['measurement'];
const row = (name: string, o: Partial<Row>): Row => ({
  name,
  status: 'MEASURED',
  verdict: null,
  measurement: measured(false),
  ...o,
});

describe('substanceSeverity', () => {
  it.each<[string, Partial<Row>, number]>([
    ['FAIL', { verdict: 'FAIL', measurement: measured(true) }, 0],
    ['INCONCLUSIVE', { verdict: 'INCONCLUSIVE' }, 1],
    ['NOT_COMPARABLE', { status: 'NOT_COMPARABLE', measurement: measured(true) }, 2],
    ['detected under SUM (no verdict of its own)', { measurement: measured(true) }, 3],
    ['PASS', { verdict: 'PASS', measurement: measured(true) }, 4],
    ['not detected under SUM', {}, 4],
    ['NOT_MEASURED', { status: 'NOT_MEASURED', measurement: null }, 5],
  ])('%s', (_label, o, rank) => {
    expect(substanceSeverity(row('x', o))).toBe(rank);
  });
});

describe('worstFirst', () => {
  it('orders by severity, then by name (Swedish collation), without changing the input', () => {
    const input = [
      row('Bensen', { status: 'NOT_MEASURED', measurement: null }),
      row('Ämne Ö', { verdict: 'PASS' }),
      row('DEHP', { verdict: 'FAIL' }),
      row('Ämne A', { verdict: 'PASS' }),
      row('Zink', { verdict: 'INCONCLUSIVE' }),
      row('Bly', { verdict: 'FAIL' }),
    ];
    const before = input.map((r) => r.name);

    expect(worstFirst(input, (r) => r.name).map((r) => r.name)).toEqual([
      'Bly',
      'DEHP',
      'Zink',
      'Ämne A',
      'Ämne Ö',
      'Bensen',
    ]);
    expect(input.map((r) => r.name)).toEqual(before);
  });
});
