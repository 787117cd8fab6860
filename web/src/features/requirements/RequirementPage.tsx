import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormat } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { WatchButton } from '../watches';
import { RequirementPageQuery } from './requirement';

/** A requirement of the library: its text, limit and substances, the latest follow-ups that checked it; watch it. */
export function RequirementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: RequirementPageQuery, variables: { id } });
  const requirement = data?.requirement;
  usePageTitle(requirement ? `${requirement.code} ${requirement.title}` : t('requirement.title'));
  if (!requirement) return <QueryState fetching={fetching} error={error} />;
  return (
    <>
      <p className="caption">{t('requirement.title')}</p>
      <h1>
        {requirement.code} {requirement.title}
      </h1>
      <WatchButton kind="REQUIREMENT" targetId={requirement.id} />
      <p>{requirement.text}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('requirement.kind')}</dt>
          <dd>{t(`requirementKind.${requirement.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('requirement.limit')}</dt>
          <dd>
            {requirement.defaultLimit
              ? `${f.number(requirement.defaultLimit.value)} ${requirement.defaultLimit.unitSymbol}`
              : '–'}
            {requirement.basis ? ` (${t(`basis.${requirement.basis}`)})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('requirement.aggregation')}</dt>
          <dd>{t(`aggregation.${requirement.aggregation}`)}</dd>
        </div>
        <div>
          <dt>{t('requirement.substances')}</dt>
          <dd>{requirement.substances.map((s) => `${s.name} (CAS ${s.casNumber})`).join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>{t('requirement.categories')}</dt>
          <dd>{requirement.categories.map((c) => c.name).join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>{t('requirement.legalSource')}</dt>
          <dd>{requirement.legalSource ?? '–'}</dd>
        </div>
      </dl>
      <section aria-labelledby="requirement-follow-ups">
        <h2 id="requirement-follow-ups">{t('requirement.followUps', { count: requirement.followUps.totalCount })}</h2>
        <ul className="result-list">
          {requirement.followUps.nodes.map((fu) => (
            <li key={fu.id}>
              <Link href={`/follow-ups/${fu.id}`}>{fu.product?.name ?? fu.supplier.name}</Link>{' '}
              <span className="meta">
                {t(`method.${fu.method}`)}, {t(`status.${fu.status}`)}, {fu.organisation.name}, {f.date(fu.performedOn)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
