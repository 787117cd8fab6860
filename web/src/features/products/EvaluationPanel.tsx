import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useFormat } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { VerdictTag } from '../../components/verdict';
import { ProductEvaluationQuery, RecordReuseMutation } from './product';

/** The verdict against my contract, per requirement and part, and "may we rely on this?". */
export function EvaluationPanel({
  productId,
  contractId,
  showReuse = true,
  followUpIds,
}: {
  productId: string;
  contractId: string;
  showReuse?: boolean;
  /** Judge only these follow-ups (a new report against my contract), leaving out unmeasured substances. */
  followUpIds?: string[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [{ data, fetching, error }] = useQuery({
    query: ProductEvaluationQuery,
    variables: { productId, contractId, followUpIds, measuredOnly: Boolean(followUpIds) },
  });
  if (!data) return <QueryState fetching={fetching} error={error} />;
  const evaluation = data.evaluateProduct;
  return (
    <div className="evaluation">
      <p className="verdict-line">
        {t('evaluation.overall')} <VerdictTag verdict={evaluation.verdict} />{' '}
        <span className="meta">{t('evaluation.evaluatedOn', { date: f.date(evaluation.evaluatedOn) })}</span>
      </p>
      <table className="table">
        <caption className="visually-hidden">{t('evaluation.perRequirement')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.requirement')}</th>
            <th scope="col">{t('evaluation.verdict')}</th>
            <th scope="col">{t('evaluation.limit')}</th>
            <th scope="col">{t('evaluation.details')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.requirements.map((r) => (
            <tr key={r.requirement.id}>
              <th scope="row">
                {r.requirement.code}
                <br />
                <span className="meta">{r.requirement.title}</span>
              </th>
              <td>
                <VerdictTag verdict={r.verdict} />
              </td>
              <td>
                {r.limit
                  ? `${f.number(r.limit.value)} ${r.limit.unitSymbol}`
                  : t(`requirementKind.${r.requirement.kind}`)}
                {r.limitSource ? (
                  <>
                    <br />
                    <span className="meta">{t(`limitSource.${r.limitSource}`)}</span>
                  </>
                ) : null}
                {r.requirement.basis ? (
                  <>
                    <br />
                    <span className="meta">
                      {t(`basis.${r.requirement.basis}`)}, {t(`aggregation.${r.requirement.aggregation}`)}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {r.explanation ? <p className="explanation">{r.explanation}</p> : null}
                {r.parts.map((part) => {
                  const measured = part.substances.filter((s) => s.status !== 'NOT_MEASURED');
                  const notMeasured = part.substances.length - measured.length;
                  return (
                    <div key={part.part} className="part">
                      <p>
                        <strong>{part.part}</strong> <VerdictTag verdict={part.verdict} />
                        {part.lowerBound != null ? (
                          <span className="meta">
                            {' '}
                            {t('evaluation.bounds', {
                              lower: f.number(part.lowerBound),
                              upper: f.number(part.upperBound),
                            })}
                          </span>
                        ) : null}
                      </p>
                      <ul className="substances">
                        {measured.map((s) => (
                          <li key={s.substance.id}>
                            {s.substance.name}:{' '}
                            {s.status === 'NOT_COMPARABLE'
                              ? t('evaluation.notComparable')
                              : s.convertedValue != null
                                ? `${f.number(s.convertedValue)} ${f.unit(s.convertedUnit)}`
                                : `< ${f.number(s.convertedLoq)} ${f.unit(s.convertedUnit)} (LOQ)`}
                            {s.verdict ? <> {t(`verdict.${s.verdict}`)}</> : null}
                            {s.withinUncertainty ? <em> – {t('evaluation.withinUncertainty')}</em> : null}
                            {s.organisation ? <span className="meta"> ({s.organisation.name})</span> : null}
                          </li>
                        ))}
                      </ul>
                      {notMeasured > 0 ? (
                        <p className="meta">{t('evaluation.notMeasured', { count: notMeasured })}</p>
                      ) : null}
                    </div>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {showReuse ? <ReusePanel contractId={contractId} candidates={data.reusableFollowUps} /> : null}
    </div>
  );
}

type Candidate = {
  reusable: boolean;
  reasons: readonly string[];
  followUp: {
    id: string;
    method: string;
    performedOn?: string | null;
    organisation: { name: string };
    reuses: readonly { id: string; contract: { id: string } }[];
  };
};

/** Other organisations' follow-ups: may we rely on each, why, and a button that records the reuse. */
function ReusePanel({ contractId, candidates }: { contractId: string; candidates: readonly Candidate[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [recorded, setRecorded] = useState<Record<string, boolean>>({});
  const [result, recordReuse] = useMutation(RecordReuseMutation);
  return (
    <section aria-labelledby="reuse-heading">
      <h3 id="reuse-heading">{t('reuse.title')}</h3>
      {candidates.length === 0 ? <p>{t('reuse.none')}</p> : null}
      {result.error ? (
        <div role="alert" className="error-summary">
          {result.error.graphQLErrors[0]?.message ?? result.error.message}
        </div>
      ) : null}
      <ul className="reuse-list">
        {candidates.map((c) => {
          const done = recorded[c.followUp.id] || c.followUp.reuses.some((r) => r.contract.id === contractId);
          return (
            <li key={c.followUp.id} className="card">
              <p>
                <strong>
                  {t(`method.${c.followUp.method}`)} · {c.followUp.organisation.name} · {f.date(c.followUp.performedOn)}
                </strong>
              </p>
              <p>
                {c.reusable ? (
                  <strong className="ok">{t('reuse.yes')}</strong>
                ) : (
                  <strong className="error-text">{t('reuse.no')}</strong>
                )}
              </p>
              <ul>
                {c.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {c.reusable ? (
                done ? (
                  <p role="status" className="ok">
                    {t('reuse.recorded')}
                  </p>
                ) : (
                  <Button
                    className="button"
                    isDisabled={result.fetching}
                    onPress={async () => {
                      const answer = await recordReuse({ followUpId: c.followUp.id, contractId });
                      if (answer.data) setRecorded((r) => ({ ...r, [c.followUp.id]: true }));
                    }}
                  >
                    {t('reuse.record', { organisation: c.followUp.organisation.name })}
                  </Button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
