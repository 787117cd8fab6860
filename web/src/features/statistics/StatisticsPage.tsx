import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { rowsByVerdict, VerdictChart } from '../../components/VerdictChart';
import { PublicStatisticsQuery } from './statistics';

const VERDICTS = ['PASS', 'FAIL', 'INCONCLUSIVE', 'NOT_COMPARABLE'] as const;

/** The public page: anonymised statistics as charts, each with the same figures as a table. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('statistics.title'));
  const [{ data, fetching, error }] = useQuery({ query: PublicStatisticsQuery });
  const number = new Intl.NumberFormat(i18n.language);
  const stats = data?.publicStatistics;
  const byCategory = stats ? rowsByVerdict(stats.verdicts, (v) => v.categoryCode ?? t('statistics.noCategory')) : [];
  const bySubstance = stats ? rowsByVerdict(stats.verdicts, (v) => v.substanceName).slice(0, 10) : [];
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
          <VerdictChart
            title={t('statistics.byCategory')}
            rows={byCategory}
            keyHeading={t('statistics.category')}
            verdicts={VERDICTS}
          />
          <VerdictChart
            title={t('statistics.bySubstance')}
            rows={bySubstance}
            keyHeading={t('statistics.substance')}
            verdicts={VERDICTS}
          />
        </>
      ) : null}
    </>
  );
}
