import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormat } from '../../components/format';
import { Pager, useCursorPages } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { WebhookDeliveriesQuery } from './notifications';

/** A webhook's delivery log, newest first, 20 a page: what was sent, how often tried, what came back. */
export function WebhookDeliveries({ webhookId, url }: { webhookId: string; url: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = useCursorPages();
  const [{ data, fetching, error }, reload] = useQuery({
    query: WebhookDeliveriesQuery,
    variables: { webhookId, after: pages.after },
  });
  return (
    <section aria-labelledby="deliveries-heading" className="panel">
      <h3 id="deliveries-heading">{t('notifications.deliveriesOf', { url })}</h3>
      <Button className="button button--secondary" onPress={() => reload({ requestPolicy: 'network-only' })}>
        {t('notifications.refresh')}
      </Button>
      {!data ? <QueryState fetching={fetching} error={error} /> : null}
      {data && data.webhookDeliveries.nodes.length === 0 ? <p>{t('notifications.noDeliveries')}</p> : null}
      {data && data.webhookDeliveries.nodes.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="deliveries-heading">
          <table className="table">
            <caption>{t('notifications.deliveryCount', { count: data.webhookDeliveries.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.createdAt')}</th>
                <th scope="col">{t('notifications.reason')}</th>
                <th scope="col">{t('notifications.deliveryStatus')}</th>
                <th scope="col" className="numeric">
                  {t('notifications.attempts')}
                </th>
                <th scope="col" className="numeric">
                  {t('notifications.responseStatus')}
                </th>
                <th scope="col">{t('notifications.lastError')}</th>
                <th scope="col">{t('notifications.when')}</th>
                <th scope="col">{t('notifications.idempotencyKey')}</th>
              </tr>
            </thead>
            <tbody>
              {data.webhookDeliveries.nodes.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{f.dateTime(d.createdAt)}</th>
                  <td>{t(`reason.${d.reason}`)}</td>
                  <td>{t(`deliveryStatus.${d.status}`)}</td>
                  <td className="numeric">{d.attempts}</td>
                  <td className="numeric">{d.responseStatus ?? '–'}</td>
                  <td className="break">{d.lastError ?? '–'}</td>
                  <td>
                    {d.status === 'SENT'
                      ? t('notifications.sentAt', { date: f.dateTime(d.sentAt) })
                      : d.status === 'PENDING'
                        ? t('notifications.nextAttempt', { date: f.dateTime(d.nextAttemptAt) })
                        : '–'}
                  </td>
                  <td>
                    <code className="break">{d.idempotencyKey}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <Pager pages={pages} pageInfo={data.webhookDeliveries.pageInfo} /> : null}
    </section>
  );
}
