import { type FormEvent, useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { type FieldProblem, FieldProblemSummary, useFieldProblems } from '../../components/FieldProblems';
import type { SupplierViewStatusQuery } from '../../gql/graphql';
import { DeviationFacts } from '../suppliers';
import { RespondToDeviationMutation } from './supplier-view';

/** An open deviation of the supplier's status, as its query reads it. */
export type DeviationShown = SupplierViewStatusQuery['supplierStatus']['openDeviations'][number];

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/**
 * One open deviation as the supplier sees it, and its answer: an action plan with the day it will be
 * done by (respondToDeviation). A rejected plan is answered again; a proposed one may be revised.
 */
export function DeviationAnswer({
  deviation: d,
  overdue,
  onAnswered,
}: {
  deviation: DeviationShown;
  overdue: boolean;
  onAnswered: () => void;
}) {
  const { t } = useTranslation();
  const [actionPlan, setActionPlan] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { problems, report, problemOf, summaryRef } = useFieldProblems<'plan' | 'due'>();
  const [state, respond] = useMutation(RespondToDeviationMutation);
  const headingId = `deviation-${d.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem<'plan' | 'due'>[] = [];
    if (!actionPlan.trim()) found.push({ field: 'plan', text: t('supplierView.planMissing') });
    if (!dueDate.trim()) found.push({ field: 'due', text: t('supplierView.dueMissing') });
    else if (!isDay(dueDate.trim())) found.push({ field: 'due', text: t('log.dateFormat') });
    if (!report(found)) return;
    const answer = await respond({ deviationId: d.id, actionPlan: actionPlan.trim(), dueDate: dueDate.trim() });
    if (answer.data) {
      setActionPlan('');
      setDueDate('');
      onAnswered();
    }
  }

  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`severity.${d.severity}`)}: {d.description}
      </h3>
      <DeviationFacts deviation={d} overdue={overdue} linkProduct={false} />
      {d.actionPlanStatus === 'ACCEPTED' ? null : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${headingId}-answer`}>
          <h4 id={`${headingId}-answer`}>
            {d.actionPlanStatus ? t('supplierView.reviseAnswer') : t('supplierView.answer')}
          </h4>
          <FieldProblemSummary problems={problems} idPrefix={headingId} summaryRef={summaryRef} />
          <ApiErrorSummary error={state.error} />
          <TextField
            className="field"
            value={actionPlan}
            onChange={setActionPlan}
            isInvalid={!!problemOf('plan')}
            id={`${headingId}-plan`}
          >
            <Label>{t('supplierView.actionPlan')}</Label>
            <TextArea className="input" rows={3} />
            <FieldError className="field-error">{problemOf('plan')}</FieldError>
          </TextField>
          <TextField
            className="field"
            value={dueDate}
            onChange={setDueDate}
            isInvalid={!!problemOf('due')}
            id={`${headingId}-due`}
          >
            <Label>{t('supplierView.planDueDate')}</Label>
            <Text slot="description" className="field-hint">
              {t('log.dateHint')}
            </Text>
            <Input className="input date-input" placeholder="ÅÅÅÅ-MM-DD" />
            <FieldError className="field-error">{problemOf('due')}</FieldError>
          </TextField>
          <Button type="submit" className="button" isDisabled={state.fetching}>
            {t('supplierView.sendPlan')}
          </Button>
        </form>
      )}
    </article>
  );
}
