import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormat } from '../../components/format';
import { Pager, useCursorPages } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { TrafficLight } from '../../components/TrafficLight';
import { usePageTitle } from '../../components/usePageTitle';
import { FollowUpCard } from '../products';
import { DeviationAnswer } from './DeviationAnswer';
import { FollowUpReply } from './FollowUpReply';
import { SupplierViewFollowUpsQuery, SupplierViewMeQuery, SupplierViewStatusQuery } from './supplier-view';

/**
 * The start page of a supplier's member (role SUPPLIER): its traffic light, the open deviations the
 * regions opened on it, each answered with an action plan and a due date, and the SHARED follow-ups of
 * its products with their results, each with a reply and, where the region asks, the report's release.
 */
export function SupplierViewPage() {
  const { t } = useTranslation();
  usePageTitle(t('supplierView.title'));
  const [me] = useQuery({ query: SupplierViewMeQuery });
  const supplier = me.data?.me.organisation.supplier;
  if (!me.data) return <QueryState fetching={me.fetching} error={me.error} />;
  if (!supplier) return <p>{t('supplierView.noSupplier')}</p>;
  return (
    <>
      <p className="caption">{t('supplierView.title')}</p>
      <h1>{supplier.name}</h1>
      <p>{t('supplierView.intro')}</p>
      <OpenDeviations supplierId={supplier.id} />
      <SharedFollowUps supplierId={supplier.id} />
    </>
  );
}

function OpenDeviations({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reload] = useQuery({ query: SupplierViewStatusQuery, variables: { supplierId } });
  if (!data) return <QueryState fetching={fetching} error={error} />;
  const status = data.supplierStatus;
  const overdue = new Set(status.overdueDeviations.map((d) => d.id));
  return (
    <section aria-labelledby="supplier-deviations-heading">
      <h2 id="supplier-deviations-heading">{t('supplier.openDeviations', { count: status.openDeviations.length })}</h2>
      {/* A refresh that failed (after an answer, say) is said, not hidden behind what was shown before. */}
      {error ? <QueryState fetching={false} error={error} /> : null}
      <TrafficLight light={status.light} evaluatedOn={status.evaluatedOn} />
      {status.openDeviations.length === 0 ? <p>{t('supplier.noDeviations')}</p> : null}
      {status.openDeviations.map((d) => (
        <DeviationAnswer
          key={d.id}
          deviation={d}
          overdue={overdue.has(d.id)}
          onAnswered={() => reload({ requestPolicy: 'network-only' })}
        />
      ))}
    </section>
  );
}

/**
 * The SHARED follow-ups of the supplier's products, 10 a page (cursor paging, forwards and back); on
 * another page the focus moves to the list's heading, so that the keyboard and a screen reader start
 * at its top.
 */
function SharedFollowUps({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = useCursorPages();
  const [{ data, fetching, error }, reload] = useQuery({
    query: SupplierViewFollowUpsQuery,
    variables: { supplierId, after: pages.after },
  });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownFirst = useRef<string | null | undefined>(pages.after);
  useEffect(() => {
    if (pages.after === shownFirst.current) return;
    shownFirst.current = undefined;
    headingRef.current?.focus();
  }, [pages.after]);
  return (
    <section aria-labelledby="supplier-follow-ups-heading">
      <h2 id="supplier-follow-ups-heading" ref={headingRef} tabIndex={-1}>
        {t('supplierView.followUps', { count: data?.followUps.totalCount ?? 0 })}
      </h2>
      {!data || error ? <QueryState fetching={fetching && !data} error={error} /> : null}
      {data && data.followUps.nodes.length === 0 ? <p>{t('supplierView.noFollowUps')}</p> : null}
      {data?.followUps.nodes.map((followUp) => (
        <div key={followUp.id} className="supplier-follow-up" role="group" aria-labelledby={`subject-${followUp.id}`}>
          <p className="caption" id={`subject-${followUp.id}`}>
            {followUp.product?.name ?? t('start.supplierFollowUp')} – {t(`method.${followUp.method}`)},{' '}
            {f.date(followUp.performedOn)}
          </p>
          <FollowUpCard followUp={followUp} />
          {followUp.deviations.length > 0 ? (
            <p>
              <strong>{t('supplierView.deviations')}:</strong>{' '}
              {followUp.deviations
                .map((d) => `${t(`severity.${d.severity}`)} (${t(`deviationStatus.${d.status}`)}): ${d.description}`)
                .join('; ')}
            </p>
          ) : null}
          <FollowUpReply
            followUpId={followUp.id}
            needsRelease={followUp.requiresSupplierRelease && !followUp.reportReleasedAt}
            onChanged={refresh}
          />
        </div>
      ))}
      {data ? <Pager pages={pages} pageInfo={data.followUps.pageInfo} /> : null}
    </section>
  );
}
