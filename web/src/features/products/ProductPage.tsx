import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { ContractSelect } from '../../components/ContractSelect';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { WatchButton } from '../watches';
import { FollowUpCard } from './FollowUpCard';
import { EvaluationPanel } from './EvaluationPanel';
import { MyContractsQuery, ProductPageQuery } from './product';

/**
 * A product: its follow-ups and measurements; one of my contracts picked (?contract=…) shows the
 * verdict per requirement and part against that contract's limits, and whether I may rely on each
 * other organisation's follow-up, with a button that records the reuse.
 */
export function ProductPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: ProductPageQuery, variables: { id } });
  const product = data?.product;
  usePageTitle(product?.name ?? t('product.title'));
  const contractId = new URLSearchParams(useSearch()).get('contract');
  const [location, navigate] = useLocation();
  const [contracts] = useQuery({
    query: MyContractsQuery,
    variables: { organisationId: data?.me.organisation.id ?? '', supplierId: product?.supplier.id },
    pause: !data?.me.organisation.id || !product,
  });

  if (!data) return <QueryState fetching={fetching} error={error} />;
  if (!product) return <p>{t('product.notFound')}</p>;
  const myContracts = contracts.data?.contracts.nodes ?? [];
  return (
    <>
      <p className="caption">{t('product.title')}</p>
      <h1>{product.name}</h1>
      <WatchButton kind="PRODUCT" targetId={product.id} />
      <dl className="summary-list">
        <div>
          <dt>{t('product.supplier')}</dt>
          <dd>
            <Link href={`/suppliers/${product.supplier.id}`}>{product.supplier.name}</Link>
          </dd>
        </div>
        <div>
          <dt>GTIN</dt>
          <dd>{product.gtin ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('product.articleNumber')}</dt>
          <dd>{product.articleNumber ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('product.category')}</dt>
          <dd>{product.category ? `${product.category.name} (${product.category.code})` : '–'}</dd>
        </div>
      </dl>

      <section aria-labelledby="evaluation-heading" className="panel">
        <h2 id="evaluation-heading">{t('evaluation.title')}</h2>
        {contracts.data && myContracts.length === 0 ? (
          <p>{t('evaluation.noContracts')}</p>
        ) : (
          <ContractSelect
            contracts={myContracts}
            value={contractId}
            onChange={(next) => navigate(`${location}?contract=${encodeURIComponent(next)}`, { replace: true })}
          />
        )}
        {contractId ? <EvaluationPanel productId={product.id} contractId={contractId} /> : null}
      </section>

      <section aria-labelledby="follow-ups-heading">
        <h2 id="follow-ups-heading">{t('product.followUps', { count: data.followUps.totalCount })}</h2>
        {data.followUps.nodes.length === 0 ? <p>{t('product.noFollowUps')}</p> : null}
        {data.followUps.nodes.map((followUp) => (
          <FollowUpCard key={followUp.id} followUp={followUp} />
        ))}
      </section>
    </>
  );
}
