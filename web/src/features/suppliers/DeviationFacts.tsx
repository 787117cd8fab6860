import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { type FragmentType, getFragmentData, graphql } from '../../gql';

export const DeviationFactsFragment = graphql(`
  fragment DeviationFacts_Deviation on Deviation {
    status
    dueDate
    actionPlan
    actionPlanStatus
    actionPlanDueDate
    actionPlanRejection
    organisation {
      id
      name
    }
    requirement {
      id
      code
    }
    followUp {
      id
      product {
        id
        name
      }
    }
  }
`);

/**
 * What a deviation is, as the region and the supplier both read it: due date (overdue?), status, who
 * opened it, what it is about, and the supplier's action plan with its state, date and rejection.
 */
export function DeviationFacts({
  deviation,
  overdue,
  linkProduct,
}: {
  deviation: FragmentType<typeof DeviationFactsFragment>;
  overdue: boolean;
  /** Link the product to its page (the region's view; a supplier's member has no product pages). */
  linkProduct: boolean;
}) {
  const d = getFragmentData(DeviationFactsFragment, deviation);
  const { t } = useTranslation();
  const f = useFormat();
  const product = d.followUp.product;
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t('supplier.dueDate')}</dt>
          <dd>
            {f.date(d.dueDate)} {overdue ? <strong className="error-text">({t('supplier.overdue')})</strong> : null}
          </dd>
        </div>
        <div>
          <dt>{t('supplier.status')}</dt>
          <dd>{t(`deviationStatus.${d.status}`)}</dd>
        </div>
        <div>
          <dt>{t('supplier.openedBy')}</dt>
          <dd>{d.organisation.name}</dd>
        </div>
        <div>
          <dt>{t('supplier.about')}</dt>
          <dd>
            {product && linkProduct ? (
              <Link href={`/products/${product.id}`}>{product.name}</Link>
            ) : (
              (product?.name ?? t('start.supplierFollowUp'))
            )}
            {d.requirement ? ` (${d.requirement.code})` : ''}
          </dd>
        </div>
      </dl>
      <p>
        <strong>{t('supplier.actionPlan')}:</strong> {d.actionPlan ?? t('supplier.noActionPlan')}
        {d.actionPlanStatus ? (
          <>
            {' '}
            <span className="meta">
              ({t(`actionPlanStatus.${d.actionPlanStatus}`)}
              {d.actionPlanDueDate ? `, ${f.date(d.actionPlanDueDate)}` : ''})
            </span>
          </>
        ) : null}
      </p>
      {d.actionPlanRejection ? (
        <p>
          <strong>{t('supplier.rejectionReason')}:</strong> {d.actionPlanRejection}
        </p>
      ) : null}
    </>
  );
}
