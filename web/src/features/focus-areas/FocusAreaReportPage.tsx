import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { rowsByVerdict, VerdictChart } from '../../components/VerdictChart';
import { PublicReportQuery } from './focus-areas';

/** The verdicts in the order the columns show them; only those the report has become columns. */
const VERDICT_ORDER = ['PASS', 'FAIL', 'INCONCLUSIVE', 'INCOMPLETE', 'NOT_COMPARABLE', 'NO_DATA'] as const;

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
    ? rowsByVerdict(
        report.counts,
        (c) => c.categoryCode ?? '',
        (c) => c.categoryName ?? t('statistics.noCategory'),
      )
    : [];
  const byGroup = report
    ? rowsByVerdict(
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
          {verdicts.length === 0 ? (
            <p>{t('focusAreaReport.none')}</p>
          ) : (
            <>
              <VerdictChart
                verdicts={verdicts}
                title={t('focusAreaReport.byCategory')}
                keyHeading={t('statistics.category')}
                rows={byCategory}
              />
              <VerdictChart
                verdicts={verdicts}
                title={t('focusAreaReport.byGroup')}
                keyHeading={t('focusAreaReport.groupHeading')}
                rows={byGroup}
              />
            </>
          )}
        </>
      ) : null}
    </article>
  );
}
