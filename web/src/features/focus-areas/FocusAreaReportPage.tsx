import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { VERDICT_COLOURS } from '../../components/verdict';
import { PublicReportQuery } from './focus-areas';

/** The verdicts in the order the columns show them; only those the report has become columns. */
const VERDICT_ORDER = ['PASS', 'FAIL', 'INCONCLUSIVE', 'INCOMPLETE', 'NOT_COMPARABLE', 'NO_DATA'] as const;
interface Count {
  categoryCode?: string | null;
  categoryName?: string | null;
  substanceGroup: string;
  verdict: string;
  count?: number | null;
  displayCount: string;
}
interface Row {
  key: string;
  label: string;
  counts: Record<string, number>;
  withheld: Set<string>;
}

/** Shown counts by `keyOf` and verdict; a withheld count (null) adds nothing and is shown "< 3". */
function rowsBy(counts: readonly Count[], keyOf: (c: Count) => string, labelOf: (c: Count) => string): Row[] {
  const rows = new Map<string, Row>();
  for (const c of counts) {
    const key = keyOf(c);
    const row = rows.get(key) ?? { key, label: labelOf(c), counts: {}, withheld: new Set<string>() };
    if (c.count == null) row.withheld.add(c.verdict);
    else row.counts[c.verdict] = (row.counts[c.verdict] ?? 0) + c.count;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** The public, printable report of a focus area: anonymous counts as charts and tables, no token needed. */
export function FocusAreaReportPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: PublicReportQuery, variables: { id } });
  const report = data?.publicFocusAreaReport;
  usePageTitle(
    report ? t('focusAreaReport.title', { title: report.title, year: report.year }) : t('focusAreaReport.heading'),
  );
  const number = new Intl.NumberFormat(i18n.language);
  const shown = (n: number | null | undefined) => (n == null ? '< 3' : number.format(n));
  const verdicts = VERDICT_ORDER.filter((v) => report?.counts.some((c) => c.verdict === v));
  const byCategory = report
    ? rowsBy(
        report.counts,
        (c) => c.categoryCode ?? '',
        (c) => c.categoryName ?? t('statistics.noCategory'),
      )
    : [];
  const byGroup = report
    ? rowsBy(
        report.counts,
        (c) => c.substanceGroup,
        (c) => t(`focusAreaReport.group.${c.substanceGroup}`, { defaultValue: c.substanceGroup }),
      )
    : [];
  return (
    <article className="report">
      <QueryState fetching={fetching && !data} error={error} />
      {!report ? <h1>{t('focusAreaReport.heading')}</h1> : null}
      {report ? (
        <>
          <h1>{t('focusAreaReport.title', { title: report.title, year: report.year })}</h1>
          <p>{t('focusAreaReport.intro')}</p>
          <p>{t('statistics.withheld')}</p>
          <p className="no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('focusAreaReport.print')}
            </button>
          </p>
          <dl className="figures">
            <div>
              <dt>{t('focusAreaReport.status')}</dt>
              <dd>{t(`focusArea.statusName.${report.status}`)}</dd>
            </div>
            <div>
              <dt>{t('focusAreaReport.participants')}</dt>
              <dd>{shown(report.participants)}</dd>
            </div>
            <div>
              <dt>{t('focusAreaReport.sampledProducts')}</dt>
              <dd>{shown(report.sampledProducts)}</dd>
            </div>
            <div>
              <dt>{t('focusAreaReport.shownTotal')}</dt>
              <dd>{number.format(report.shownTotal)}</dd>
            </div>
          </dl>
          <ReportChart
            verdicts={verdicts}
            title={t('focusAreaReport.byCategory')}
            keyHeading={t('statistics.category')}
            rows={byCategory}
          />
          <ReportChart
            verdicts={verdicts}
            title={t('focusAreaReport.byGroup')}
            keyHeading={t('focusAreaReport.groupHeading')}
            rows={byGroup}
          />
        </>
      ) : null}
    </article>
  );
}

function ReportChart({
  title,
  keyHeading,
  rows,
  verdicts,
}: {
  title: string;
  keyHeading: string;
  rows: Row[];
  verdicts: readonly (typeof VERDICT_ORDER)[number][];
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const id = `report-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const data = rows.map((row) => ({ label: row.label, ...row.counts }));
  const cell = (row: Row, verdict: string) => {
    const value = row.counts[verdict];
    if (row.withheld.has(verdict)) return value ? t('statistics.andWithheld', { count: number.format(value) }) : '< 3';
    return number.format(value ?? 0);
  };
  return (
    <section aria-labelledby={id} className="chart-section">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('focusAreaReport.none')}</p>
      ) : (
        <>
          <figure className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(200, rows.length * 36 + 60)}>
              <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => number.format(v)} />
                <YAxis type="category" dataKey="label" width={180} />
                <Legend />
                {verdicts.map((verdict) => (
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
                {verdicts.map((verdict) => (
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
                  {verdicts.map((verdict) => (
                    <td key={verdict} className="numeric">
                      {cell(row, verdict)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
