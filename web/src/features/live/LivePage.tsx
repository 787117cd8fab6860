import { useEffect } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLive } from './LiveProvider';

/** New follow-ups on the products of my contracts, as they are recorded; looking at it marks them seen. */
export function LivePage() {
  const { t } = useTranslation();
  usePageTitle(t('live.title'));
  const f = useFormat();
  const { items, unseen, connected, markSeen } = useLive();
  useEffect(() => {
    if (unseen > 0) markSeen();
  }, [unseen, markSeen]);
  return (
    <>
      <h1>{t('live.title')}</h1>
      <p>{t('live.intro')}</p>
      <p className="meta" role="status">
        {connected ? t('live.connected') : t('live.connecting')}
      </p>
      {items.length === 0 ? <p>{t('live.empty')}</p> : null}
      <ol className="result-list" aria-live="polite" aria-label={t('live.title')}>
        {items.map((item) => (
          <li key={item.cursor}>
            <strong>{t(`live.type.${item.type}`)}</strong>{' '}
            {item.followUp.product ? (
              <Link href={`/products/${item.followUp.product.id}`}>{item.followUp.product.name}</Link>
            ) : (
              item.followUp.supplier.name
            )}{' '}
            <span className="meta">
              {t(`method.${item.followUp.method}`)}, {item.followUp.organisation.name}, {f.dateTime(item.occurredAt)}
            </span>{' '}
            <Link href={`/follow-ups/${item.followUp.id}`}>{t('live.open')}</Link>
          </li>
        ))}
      </ol>
    </>
  );
}
