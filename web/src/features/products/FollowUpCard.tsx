import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData } from '../../gql';
import { useFormat } from '../../components/format';
import { FollowUpCardFragment } from './product';

/**
 * One follow-up of a product: who, how, when, valid until, lab and report (and whether the supplier has
 * released it), its measurements, and the supplier's replies beside the result.
 */
export function FollowUpCard(props: { followUp: FragmentType<typeof FollowUpCardFragment> }) {
  const followUp = getFragmentData(FollowUpCardFragment, props.followUp);
  const { t } = useTranslation();
  const f = useFormat();
  const headingId = `follow-up-${followUp.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`method.${followUp.method}`)} · {followUp.organisation.name}
      </h3>
      <dl className="summary-list">
        <div>
          <dt>{t('followUp.status')}</dt>
          <dd>{t(`status.${followUp.status}`)}</dd>
        </div>
        <div>
          <dt>{t('followUp.performedOn')}</dt>
          <dd>{f.date(followUp.performedOn)}</dd>
        </div>
        <div>
          <dt>{t('followUp.validUntil')}</dt>
          <dd>{f.date(followUp.validUntil)}</dd>
        </div>
        <div>
          <dt>{t('followUp.laboratory')}</dt>
          <dd>{followUp.laboratory ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('followUp.reportReference')}</dt>
          <dd>{followUp.reportReference ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('followUp.visibility')}</dt>
          <dd>{t(`visibility.${followUp.visibility}`)}</dd>
        </div>
        {followUp.requiresSupplierRelease ? (
          <div>
            <dt>{t('followUp.report')}</dt>
            <dd>
              {followUp.reportReleasedAt
                ? t('followUp.released', { date: f.dateTime(followUp.reportReleasedAt) })
                : t('followUp.awaitingRelease')}
            </dd>
          </div>
        ) : null}
      </dl>
      {followUp.measurements.length > 0 ? (
        <table className="table">
          <caption>{t('followUp.measurements', { count: followUp.measurements.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('measurement.substance')}</th>
              <th scope="col">{t('measurement.part')}</th>
              <th scope="col" className="numeric">
                {t('measurement.result')}
              </th>
              <th scope="col" className="numeric">
                {t('measurement.uncertainty')}
              </th>
            </tr>
          </thead>
          <tbody>
            {followUp.measurements.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.substance.name} <span className="meta">{m.substance.casNumber}</span>
                </th>
                <td>{m.part}</td>
                <td className="numeric">
                  {m.detected ? f.number(m.value) : `< ${f.number(m.loq)}`} {f.unit(m.unit)}
                </td>
                <td className="numeric">{m.uncertainty == null ? '–' : `± ${f.number(m.uncertainty)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {followUp.comments.length > 0 ? (
        <section aria-labelledby={`${headingId}-comments`}>
          <h4 id={`${headingId}-comments`}>{t('followUp.comments', { count: followUp.comments.length })}</h4>
          <ul className="comment-list">
            {followUp.comments.map((c) => (
              <li key={c.id}>
                <p>{c.text}</p>
                <p className="meta">
                  {c.authorName ?? t('followUp.supplierAuthor')}, {f.dateTime(c.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
