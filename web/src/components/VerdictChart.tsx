import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { VERDICT_COLOURS } from './verdict';

/** One row of anonymised counts: the shown count per verdict, and the verdicts whose count is withheld. */
export interface VerdictRow {
  key: string;
  label: string;
  counts: Record<string, number>;
  withheld: Set<string>;
}

/**
 * Counts of `items` by `keyOf` and verdict, one row per key, largest first. A count below 3 comes
 * withheld (null): it adds nothing to a sum, and its cell says "< 3" (or that more are withheld).
 */
export function rowsByVerdict<T extends { verdict: string; count?: number | null }>(
  items: readonly T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => string = keyOf,
): VerdictRow[] {
  const rows = new Map<string, VerdictRow & { total: number }>();
  for (const item of items) {
    const key = keyOf(item);
    const row = rows.get(key) ?? { key, label: labelOf(item), counts: {}, withheld: new Set<string>(), total: 0 };
    if (item.count == null) row.withheld.add(item.verdict);
    else {
      row.counts[item.verdict] = (row.counts[item.verdict] ?? 0) + item.count;
      row.total += item.count;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

/** A stacked bar chart of counts per verdict (hidden from screen readers), with a table of the same figures. */
export function VerdictChart({
  title,
  rows,
  keyHeading,
  verdicts,
}: {
  title: string;
  rows: VerdictRow[];
  keyHeading: string;
  verdicts: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  const data = rows.map((row) => ({ label: row.label, ...row.counts }));
  const cell = (row: VerdictRow, verdict: string) => {
    const shown = row.counts[verdict] ?? 0;
    if (!row.withheld.has(verdict)) return number.format(shown);
    return shown === 0 ? '< 3' : t('statistics.andWithheld', { count: number.format(shown) });
  };
  return (
    <section aria-labelledby={id} className="chart-section">
      <h2 id={id}>{title}</h2>
      <figure className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(200, rows.length * 36 + 60)}>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => number.format(v)} />
            <YAxis type="category" dataKey="label" width={180} />
            <Tooltip formatter={(value) => number.format(Number(value))} />
            <Legend />
            {verdicts.map((verdict) => (
              <Bar
                key={verdict}
                dataKey={verdict}
                name={t(`verdict.${verdict}` as 'verdict.PASS')}
                stackId="verdicts"
                fill={VERDICT_COLOURS[verdict]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <table className="table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            {verdicts.map((verdict) => (
              <th scope="col" key={verdict} className="numeric">
                {t(`verdict.${verdict}` as 'verdict.PASS')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {verdicts.map((verdict) => (
                <td key={verdict} className="numeric">
                  {cell(row, verdict)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
