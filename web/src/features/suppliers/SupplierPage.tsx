import { type FormEvent, useState } from 'react';
import {
  Button,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { useFormat } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { TrafficLight } from '../../components/TrafficLight';
import { usePageTitle } from '../../components/usePageTitle';
import { MyContractsQuery } from '../products';
import { WatchButton } from '../watches';
import { DeviationFacts } from './DeviationFacts';
import { InviteSupplierMember } from './InviteSupplierMember';
import type { DeviationSeverity } from '../../gql/graphql';
import {
  AcceptActionPlanMutation,
  OpenDeviationMutation,
  RejectActionPlanMutation,
  ResolveDeviationMutation,
  SupplierPageQuery,
} from './supplier';

const SEVERITIES: DeviationSeverity[] = ['MINOR', 'MAJOR', 'CRITICAL', 'OBSERVATION'];

/** A supplier: its traffic light, its open deviations (due dates, action plans); open and resolve one. */
export function SupplierPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reload] = useQuery({ query: SupplierPageQuery, variables: { id } });
  usePageTitle(data?.supplierStatus.supplier.name ?? t('supplier.title'));
  const [resolveState, resolve] = useMutation(ResolveDeviationMutation);
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const [rejections, setRejections] = useState<Record<string, string>>({});
  const [acceptState, accept] = useMutation(AcceptActionPlanMutation);
  const [rejectState, reject] = useMutation(RejectActionPlanMutation);
  // Inviting a supplier's contact is for a contact person (or higher) of a region with a contract with it.
  const organisationId = data?.me.organisation.id;
  const [contracts] = useQuery({
    query: MyContractsQuery,
    variables: { organisationId: organisationId ?? '', supplierId: id },
    pause: !organisationId || data?.me.role === 'READER',
  });
  const mayInvite = data?.me.role !== 'READER' && (contracts.data?.contracts.nodes.length ?? 0) > 0;
  if (!data) return <QueryState fetching={fetching} error={error} />;
  const status = data.supplierStatus;
  const overdue = new Set(status.overdueDeviations.map((d) => d.id));
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <>
      <p className="caption">{t('supplier.title')}</p>
      <h1>{status.supplier.name}</h1>
      <WatchButton kind="SUPPLIER" targetId={status.supplier.id} />
      <p className="meta">
        {status.supplier.organisationNumber ?? ''} {status.supplier.country}
      </p>
      <TrafficLight light={status.light} evaluatedOn={status.evaluatedOn} />
      <section aria-labelledby="deviations-heading">
        <h2 id="deviations-heading">{t('supplier.openDeviations', { count: status.openDeviations.length })}</h2>
        {[resolveState.error, acceptState.error, rejectState.error].map((e, i) => (
          <ApiErrorSummary key={i} error={e} />
        ))}
        {status.openDeviations.length === 0 ? <p>{t('supplier.noDeviations')}</p> : null}
        {status.openDeviations.map((d) => (
          <article key={d.id} className="card" aria-labelledby={`deviation-${d.id}`}>
            <h3 id={`deviation-${d.id}`}>
              {t(`severity.${d.severity}`)}: {d.description}
            </h3>
            <DeviationFacts deviation={d} overdue={overdue.has(d.id)} linkProduct />
            {d.actionPlanStatus === 'PROPOSED' && d.organisation.id === data.me.organisation.id ? (
              <div className="inline-form">
                <Button
                  className="button"
                  isDisabled={acceptState.fetching}
                  onPress={async () => {
                    if ((await accept({ deviationId: d.id })).data) refresh();
                  }}
                >
                  {t('supplier.acceptPlan')}
                </Button>
                <TextField
                  className="field"
                  value={rejections[d.id] ?? ''}
                  onChange={(value) => setRejections((r) => ({ ...r, [d.id]: value }))}
                >
                  <Label>{t('supplier.rejectionReason')}</Label>
                  <Input className="input" />
                </TextField>
                <Button
                  className="button button--secondary"
                  isDisabled={rejectState.fetching || !rejections[d.id]?.trim()}
                  onPress={async () => {
                    const reason = rejections[d.id]?.trim() ?? '';
                    if ((await reject({ deviationId: d.id, reason })).data) refresh();
                  }}
                >
                  {t('supplier.rejectPlan')}
                </Button>
              </div>
            ) : null}
            {d.organisation.id === data.me.organisation.id ? (
              <div className="inline-form">
                <TextField
                  className="field"
                  value={resolutions[d.id] ?? ''}
                  onChange={(value) => setResolutions((r) => ({ ...r, [d.id]: value }))}
                >
                  <Label>{t('supplier.resolution')}</Label>
                  <Input className="input" />
                </TextField>
                <Button
                  className="button"
                  isDisabled={resolveState.fetching}
                  onPress={async () => {
                    const answer = await resolve({ id: d.id, resolution: resolutions[d.id]?.trim() || undefined });
                    if (answer.data) refresh();
                  }}
                >
                  {t('supplier.resolve')}
                </Button>
              </div>
            ) : null}
          </article>
        ))}
      </section>
      <OpenDeviationForm followUps={data.followUps.nodes} onOpened={refresh} />
      {mayInvite ? <InviteSupplierMember supplierId={status.supplier.id} supplierName={status.supplier.name} /> : null}
    </>
  );
}

function OpenDeviationForm({
  followUps,
  onOpened,
}: {
  followUps: readonly {
    id: string;
    method: string;
    performedOn?: string | null;
    organisation: { name: string };
    product?: { name: string } | null;
  }[];
  onOpened: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [followUpId, setFollowUpId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<DeviationSeverity>('MINOR');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [actionPlan, setActionPlan] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [state, open] = useMutation(OpenDeviationMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: string[] = [];
    if (!followUpId) found.push(t('deviation.followUpMissing'));
    if (!description.trim()) found.push(t('deviation.descriptionMissing'));
    if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.push(t('log.dateFormat'));
    setProblems(found);
    if (found.length > 0 || !followUpId) return;
    const answer = await open({
      input: {
        followUpId,
        severity,
        description: description.trim(),
        dueDate: dueDate || undefined,
        actionPlan: actionPlan.trim() || undefined,
      },
    });
    if (answer.data) {
      setDescription('');
      setActionPlan('');
      setDueDate('');
      onOpened();
    } else setProblems([answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '']);
  }

  if (followUps.length === 0) return null;
  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="panel"
      aria-labelledby="open-deviation-heading"
      noValidate
    >
      <h2 id="open-deviation-heading">{t('deviation.open')}</h2>
      {problems.length > 0 ? (
        <div role="alert" className="error-summary">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Select
        className="field"
        selectedKey={followUpId}
        onSelectionChange={(key) => setFollowUpId(String(key))}
        placeholder={t('deviation.chooseFollowUp')}
      >
        <Label>{t('deviation.followUp')}</Label>
        <Button className="select-button">
          <SelectValue />
          <span aria-hidden="true"> ▾</span>
        </Button>
        <Popover>
          <ListBox>
            {followUps.map((fu) => {
              const text = `${fu.product?.name ?? t('start.supplierFollowUp')}, ${t(`method.${fu.method}`)}, ${fu.organisation.name}, ${f.date(fu.performedOn)}`;
              return (
                <ListBoxItem key={fu.id} id={fu.id} textValue={text}>
                  {text}
                </ListBoxItem>
              );
            })}
          </ListBox>
        </Popover>
      </Select>
      <RadioGroup className="field" value={severity} onChange={(v) => setSeverity(v as DeviationSeverity)}>
        <Label>{t('deviation.severity')}</Label>
        {SEVERITIES.map((s) => (
          <Radio key={s} value={s} className="radio">
            {t(`severity.${s}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField className="field" value={description} onChange={setDescription}>
        <Label>{t('deviation.description')}</Label>
        <TextArea className="input" rows={3} />
      </TextField>
      <TextField className="field" value={dueDate} onChange={setDueDate}>
        <Label>{t('supplier.dueDate')}</Label>
        <Text slot="description" className="field-hint">
          {t('log.dateHint')}
        </Text>
        <Input className="input date-input" placeholder="ÅÅÅÅ-MM-DD" />
      </TextField>
      <TextField className="field" value={actionPlan} onChange={setActionPlan}>
        <Label>{t('supplier.actionPlan')}</Label>
        <TextArea className="input" rows={3} />
      </TextField>
      <Button type="submit" className="button" isDisabled={state.fetching}>
        {t('deviation.submit')}
      </Button>
    </form>
  );
}
