import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { VERDICT_COLOURS } from '../../components/verdict';
import { PublicStatisticsQuery } from './statistics';

const VERDICTS = ['PASS', 'FAIL', 'INCONCLUSIVE', 'NOT_COMPARABLE'] as const;
type Row = { key: string; label: string; withheld: Set<string> } & Record<string, number | string | Set<string>>;

/**
 * Counts of `items` by `keyOf` and verdict, one row per key, largest first. A count below 3 comes
 * withheld (null): it adds nothing to a sum, and its cell says "< 3" (or that more are withheld).
 */
function byVerdict<T extends { verdict: string; count?: number | null }>(
  items: readonly T[],
  keyOf: (item: T) => string,
) {
  const rows = new Map<string, Row>();
  for (const item of items) {
    const key = keyOf(item);
    const row = rows.get(key) ?? ({ key, label: key, total: 0, withheld: new Set<string>() } as Row);
    if (item.count == null) row.withheld.add(item.verdict);
    else {
      row[item.verdict] = ((row[item.verdict] as number | undefined) ?? 0) + item.count;
      row.total = (row.total as number) + item.count;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.total as number) - (a.total as number));
}

/** The public page: anonymised statistics as charts, each with the same figures as a table. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('statistics.title'));
  const [{ data, fetching, error }] = useQuery({ query: PublicStatisticsQuery });
  const number = new Intl.NumberFormat(i18n.language);
  const stats = data?.publicStatistics;
  const byCategory = stats ? byVerdict(stats.verdicts, (v) => v.categoryCode ?? t('statistics.noCategory')) : [];
  const bySubstance = stats ? byVerdict(stats.verdicts, (v) => v.substanceName).slice(0, 10) : [];
  return (
    <>
      <h1>{t('statistics.title')}</h1>
      <p>{t('statistics.intro')}</p>
      <p>{t('statistics.withheld')}</p>
      <QueryState fetching={fetching && !data} error={error} />
      {stats ? (
        <>
          <dl className="figures">
            <div>
              <dt>{t('statistics.followUps')}</dt>
              <dd>{number.format(stats.followUpCount)}</dd>
            </div>
            <div>
              <dt>{t('statistics.measurements')}</dt>
              <dd>{number.format(stats.measurementCount)}</dd>
            </div>
          </dl>
          <VerdictChart title={t('statistics.byCategory')} rows={byCategory} keyHeading={t('statistics.category')} />
          <VerdictChart title={t('statistics.bySubstance')} rows={bySubstance} keyHeading={t('statistics.substance')} />
        </>
      ) : null}
    </>
  );
}

function VerdictChart({ title, rows, keyHeading }: { title: string; rows: Row[]; keyHeading: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  const cell = (shown: number, withheld: boolean) =>
    withheld
      ? shown === 0
        ? '< 3'
        : t('statistics.andWithheld', { count: number.format(shown) })
      : number.format(shown);
  return (
    <section aria-labelledby={id} className="chart-section">
      <h2 id={id}>{title}</h2>
      <figure className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(200, rows.length * 36 + 60)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => number.format(v)} />
            <YAxis type="category" dataKey="label" width={180} />
            <Tooltip formatter={(value) => number.format(Number(value))} />
            <Legend />
            {VERDICTS.map((verdict) => (
              <Bar
                key={verdict}
                dataKey={verdict}
                name={t(`verdict.${verdict}`)}
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
            {VERDICTS.map((verdict) => (
              <th scope="col" key={verdict} className="numeric">
                {t(`verdict.${verdict}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {VERDICTS.map((verdict) => (
                <td key={verdict} className="numeric">
                  {cell((row[verdict] as number | undefined) ?? 0, row.withheld.has(verdict))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
