import { useState } from 'react';
import { Button, Checkbox, Input, Label, Link, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { EvaluationPanel, FollowUpCard } from '../products';
import {
  CloseFollowUpMutation,
  CompleteFollowUpMutation,
  FollowUpPageQuery,
  RetractFollowUpMutation,
  SetSupplierReleaseMutation,
  StartFollowUpMutation,
} from './follow-up';

/**
 * One follow-up: what was recorded, the verdict against the contract it was done under, and the next
 * step of its lifecycle (start, complete, close, retract). Each change sends the version shown, so a
 * change made meanwhile by someone else is refused (CONFLICT) and the page asks to reload.
 */
export function FollowUpPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reload] = useQuery({ query: FollowUpPageQuery, variables: { id } });
  usePageTitle(t('followUpPage.title'));
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [, start] = useMutation(StartFollowUpMutation);
  const [, complete] = useMutation(CompleteFollowUpMutation);
  const [, close] = useMutation(CloseFollowUpMutation);
  const [, retract] = useMutation(RetractFollowUpMutation);
  const [, setRelease] = useMutation(SetSupplierReleaseMutation);

  if (!data) return <QueryState fetching={fetching} error={error} />;
  const followUp = data.followUp;
  if (!followUp) return <p>{t('followUpPage.notFound')}</p>;
  const mine = followUp.organisation.id === data.me.organisation.id;
  const variables = { id: followUp.id, expectedVersion: followUp.version };

  function outcome(result: { error?: CombinedError }) {
    const code = result.error?.graphQLErrors[0]?.extensions?.code;
    setConflict(code === 'CONFLICT');
    setFailure(
      code === 'CONFLICT' || !result.error ? null : (result.error.graphQLErrors[0]?.message ?? result.error.message),
    );
  }

  return (
    <>
      <p className="caption">{t('followUpPage.title')}</p>
      <h1>
        {followUp.product ? followUp.product.name : followUp.supplier.name} – {t(`status.${followUp.status}`)}
      </h1>
      {conflict ? (
        <div role="alert" className="error-summary">
          <p>{t('followUpPage.conflict')}</p>
          <Button
            className="button button--secondary"
            onPress={() => {
              setConflict(false);
              reload({ requestPolicy: 'network-only' });
            }}
          >
            {t('followUpPage.reload')}
          </Button>
        </div>
      ) : null}
      {failure ? (
        <div role="alert" className="error-summary">
          {failure}
        </div>
      ) : null}
      {followUp.product ? (
        <p>
          <Link href={`/products/${followUp.product.id}`}>{t('followUpPage.toProduct')}</Link>
        </p>
      ) : null}
      <FollowUpCard followUp={followUp} />
      {mine && followUp.status !== 'RETRACTED' ? (
        <section aria-labelledby="lifecycle-heading" className="panel">
          <h2 id="lifecycle-heading">{t('followUpPage.lifecycle')}</h2>
          <div className="actions">
            {followUp.status === 'PLANNED' ? (
              <Button className="button" onPress={async () => outcome(await start(variables))}>
                {t('followUpPage.start')}
              </Button>
            ) : null}
            {followUp.status === 'PLANNED' || followUp.status === 'IN_PROGRESS' ? (
              <Button className="button" onPress={async () => outcome(await complete(variables))}>
                {t('followUpPage.complete')}
              </Button>
            ) : null}
            {followUp.status === 'COMPLETED' ? (
              <Button className="button" onPress={async () => outcome(await close(variables))}>
                {t('followUpPage.close')}
              </Button>
            ) : null}
          </div>
          {!followUp.reportReleasedAt ? (
            <Checkbox
              className="checkbox"
              isSelected={followUp.requiresSupplierRelease}
              onChange={async (selected) =>
                outcome(await setRelease({ ...variables, requiresSupplierRelease: selected }))
              }
            >
              <span className="checkbox__box" aria-hidden="true" />
              {t('log.requiresSupplierRelease')}
            </Checkbox>
          ) : null}
          <TextField className="field" value={reason} onChange={setReason}>
            <Label>{t('followUpPage.retractReason')}</Label>
            <Input className="input" />
          </TextField>
          <Button
            className="button button--warning"
            isDisabled={!reason.trim()}
            onPress={async () => outcome(await retract({ ...variables, reason: reason.trim() }))}
          >
            {t('followUpPage.retract')}
          </Button>
        </section>
      ) : null}
      {followUp.contract && followUp.product && (followUp.status === 'COMPLETED' || followUp.status === 'CLOSED') ? (
        <section aria-labelledby="verdict-heading" className="panel">
          <h2 id="verdict-heading">{t('followUpPage.verdict', { contract: followUp.contract.title })}</h2>
          <EvaluationPanel
            productId={followUp.product.id}
            contractId={followUp.contract.id}
            followUpIds={[followUp.id]}
            showReuse={false}
          />
        </section>
      ) : null}
    </>
  );
}
