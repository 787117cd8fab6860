import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormat } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { MyContractsQuery } from '../products';
import { WatchButton } from '../watches';
import { RecentFollowUpsQuery, StartPageQuery } from './start';

/**
 * The start page of a signed-in user: recent follow-ups on the products of my organisation's
 * contracts (a contract's products are its supplier's products, so: per supplier under contract).
 */
export function StartPage() {
  const { t } = useTranslation();
  usePageTitle(t('start.title'));
  const [me] = useQuery({ query: StartPageQuery });
  const organisationId = me.data?.me.organisation.id;
  const [contracts] = useQuery({
    query: MyContractsQuery,
    variables: { organisationId: organisationId ?? '' },
    pause: !organisationId,
  });
  const suppliers = new Map<string, { id: string; name: string; contracts: string[] }>();
  for (const contract of contracts.data?.contracts.nodes ?? []) {
    const entry = suppliers.get(contract.supplier.id) ?? { ...contract.supplier, contracts: [] };
    entry.contracts.push(contract.title);
    suppliers.set(contract.supplier.id, entry);
  }
  return (
    <>
      <h1>{t('start.title')}</h1>
      <p>
        <Link href="/search">{t('start.searchLink')}</Link>
      </p>
      <h2>{t('start.recent')}</h2>
      {contracts.data && suppliers.size > 0 ? <WatchButton kind="CONTRACTS" label={t('watch.contracts')} /> : null}
      <QueryState fetching={me.fetching || contracts.fetching} error={me.error ?? contracts.error} />
      {contracts.data && suppliers.size === 0 ? <p>{t('start.noContracts')}</p> : null}
      {[...suppliers.values()].map((supplier) => (
        <RecentFollowUps key={supplier.id} supplier={supplier} />
      ))}
    </>
  );
}

function RecentFollowUps({ supplier }: { supplier: { id: string; name: string; contracts: string[] } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [{ data }] = useQuery({ query: RecentFollowUpsQuery, variables: { supplierId: supplier.id } });
  const headingId = `recent-${supplier.id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>
        <Link href={`/suppliers/${supplier.id}`}>{supplier.name}</Link>
      </h3>
      <p className="meta">{supplier.contracts.join(', ')}</p>
      {data && data.followUps.nodes.length === 0 ? <p>{t('start.noFollowUps')}</p> : null}
      <ul className="result-list">
        {data?.followUps.nodes.map((followUp) => (
          <li key={followUp.id}>
            {followUp.product ? (
              <Link href={`/products/${followUp.product.id}`}>{followUp.product.name}</Link>
            ) : (
              t('start.supplierFollowUp')
            )}{' '}
            <span className="meta">
              {t(`method.${followUp.method}`)}, {t(`status.${followUp.status}`)}, {followUp.organisation.name},{' '}
              {f.date(followUp.performedOn)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
