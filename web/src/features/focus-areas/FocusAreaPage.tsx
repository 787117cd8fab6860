import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Form, Input, Label, Link, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CombinedError, type OperationResult, useClient, useMutation, useQuery } from 'urql';
import type { CostSplit } from '../../gql/graphql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { MeQuery } from '../auth/me';
import { FocusAreaFields, type FocusAreaFieldValues } from './FocusAreasPage';
import {
  AddToPlanMutation,
  AssignSampleMutation,
  CandidatesQuery,
  FocusAreaPageQuery,
  JoinFocusAreaMutation,
  LeaveFocusAreaMutation,
  MoveFocusAreaMutation,
  MyContractsQuery,
  NEXT_STATUS,
  ResultsQuery,
  ResultsXlsxQuery,
  SubmitContractsMutation,
  UpdateFocusAreaMutation,
  WorkQuery,
} from './focus-areas';

const FRESH = { requestPolicy: 'network-only' } as const;

/** Formats öre as kronor. */
function useMoney() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'SEK' });
  return (ore: number) => format.format(ore / 100);
}

function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="step">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A column heading of a step's table; a numeric column is aligned to the right. */
type Column = { label: string; numeric?: boolean };

/**
 * A step's table: named by the step's heading (a hidden caption), its column headings, its rows. A wide
 * one (`scroll`) scrolls sideways inside a region of its own, named and reachable by keyboard.
 */
function StepTable({
  caption,
  columns,
  scroll = false,
  children,
}: {
  caption: string;
  columns: Column[];
  scroll?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.label} className={c.numeric ? 'numeric' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    // A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      {table}
    </div>
  );
}

/** One focus area, a step per stage: participants, contracts, candidates, plan, cost, progress, results. */
export function FocusAreaPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const [me] = useQuery({ query: MeQuery });
  const [area, refetchArea] = useQuery({ query: FocusAreaPageQuery, variables: { id } });
  const [candidates, refetchCandidates] = useQuery({ query: CandidatesQuery, variables: { id } });
  const [work, refetchWork] = useQuery({ query: WorkQuery, variables: { id } });
  const [actionError, setActionError] = useState<CombinedError | undefined>();
  const [done, setDone] = useState('');
  const [, move] = useMutation(MoveFocusAreaMutation);
  const [, join] = useMutation(JoinFocusAreaMutation);
  const [, leave] = useMutation(LeaveFocusAreaMutation);
  const [, assign] = useMutation(AssignSampleMutation);
  const focusArea = area.data?.focusArea;
  usePageTitle(focusArea?.title ?? t('focusArea.listTitle'));

  const role = me.data?.me.role;
  const myOrganisation = me.data?.me.organisation.id;
  const coordinator = role === 'COORDINATOR';
  const participates = role === 'COORDINATOR' || role === 'CONTACT_PERSON';

  /** Runs an action; shows the service's refusal, else refreshes every step. */
  async function act(run: () => Promise<OperationResult>, message: string) {
    setDone('');
    const result = await run();
    setActionError(result.error);
    if (!result.error) {
      setDone(message);
      refetchArea(FRESH);
      refetchCandidates(FRESH);
      refetchWork(FRESH);
    }
  }

  if (!focusArea) {
    return (
      <>
        <h1>{t('focusArea.listTitle')}</h1>
        <QueryState fetching={area.fetching} error={area.error} />
        {area.data && !focusArea ? <p>{t('focusArea.notFound')}</p> : null}
      </>
    );
  }
  const status = focusArea.status;
  const next = NEXT_STATUS[status];
  const planning = status === 'PLANNING';
  const joined = focusArea.participants.some((p) => p.organisation.id === myOrganisation);
  const dateFormat = new Intl.DateTimeFormat(i18n.language);
  // The steps shown, numbered 1, 2, 3… as they stand (the contracts' step is for a participant in PLANNING).
  const submitsContracts = participates && planning && joined && !!myOrganisation;
  const steps = [
    'stepParticipants',
    ...(submitsContracts ? ['stepContracts'] : []),
    'stepCandidates',
    'stepPlan',
    'stepCost',
    'stepProgress',
    'stepResults',
  ];
  const heading = (step: string) =>
    t('focusArea.stepNumbered', { number: steps.indexOf(step) + 1, title: t(`focusArea.${step}`) });

  return (
    <>
      <p>
        <Link href="/focus-areas">{t('focusArea.listTitle')}</Link>
      </p>
      <h1>{focusArea.title}</h1>
      <dl className="figures">
        <div>
          <dt>{t('focusArea.status')}</dt>
          <dd>{t(`focusArea.statusName.${status}`)}</dd>
        </div>
        <div>
          <dt>{t('focusArea.year')}</dt>
          <dd>{focusArea.year}</dd>
        </div>
        <div>
          <dt>{t('focusArea.resultsDueOn')}</dt>
          <dd>{focusArea.resultsDueOn ? dateFormat.format(new Date(focusArea.resultsDueOn)) : '–'}</dd>
        </div>
        <div>
          <dt>{t('focusArea.costSplit')}</dt>
          <dd>{t(`focusArea.split.${focusArea.costSplit}`)}</dd>
        </div>
      </dl>
      {focusArea.description ? <p>{focusArea.description}</p> : null}
      <p>
        {t('focusArea.categories')}: {focusArea.categories.map((c) => `${c.name} (${c.code})`).join(', ')}.{' '}
        {t('focusArea.requirements')}: {focusArea.requirements.map((r) => r.code).join(', ') || '–'}.
      </p>
      {status === 'REPORTING' || status === 'CLOSED' ? (
        <p>
          <Link href={`/focus-areas/${id}/report`}>{t('focusArea.publicReport')}</Link>
        </p>
      ) : null}
      <ApiErrorSummary error={actionError} />
      <p role="status">{done}</p>
      {coordinator && next ? (
        <p>
          <Button
            className="button"
            onPress={() =>
              void act(
                () => move({ id, status: next }),
                t('focusArea.moved', { status: t(`focusArea.statusName.${next}`) }),
              )
            }
          >
            {t('focusArea.moveTo', { status: t(`focusArea.statusName.${next}`) })}
          </Button>
        </p>
      ) : null}
      {coordinator ? (
        <EditForm
          key={focusArea.id}
          id={id}
          initial={focusArea}
          onSaved={() => {
            setDone(t('focusArea.saved'));
            refetchArea(FRESH);
          }}
        />
      ) : null}

      <Step id="step-participants" title={heading('stepParticipants')}>
        <StepTable
          caption={heading('stepParticipants')}
          columns={[
            { label: t('focusArea.organisation') },
            { label: t('focusArea.submittedContracts'), numeric: true },
          ]}
        >
          {focusArea.participants.map((p) => (
            <tr key={p.organisation.id}>
              <th scope="row">{p.organisation.name}</th>
              <td className="numeric">{p.submittedContracts}</td>
            </tr>
          ))}
        </StepTable>
        {participates && planning ? (
          joined ? (
            <Button
              className="button button--secondary"
              onPress={() => void act(() => leave({ id }), t('focusArea.left'))}
            >
              {t('focusArea.leave')}
            </Button>
          ) : (
            <Button className="button" onPress={() => void act(() => join({ id }), t('focusArea.joined'))}>
              {t('focusArea.join')}
            </Button>
          )
        ) : null}
      </Step>

      {submitsContracts && myOrganisation ? (
        <SubmitContracts id={id} organisationId={myOrganisation} title={heading('stepContracts')} act={act} />
      ) : null}

      <Step id="step-candidates" title={heading('stepCandidates')}>
        <p>{t('focusArea.candidatesIntro')}</p>
        <QueryState fetching={candidates.fetching && !candidates.data} error={candidates.error} />
        {candidates.data ? (
          candidates.data.candidateProducts.length === 0 ? (
            <p>{t('focusArea.noCandidates')}</p>
          ) : (
            <StepTable
              caption={heading('stepCandidates')}
              scroll
              columns={[
                { label: t('focusArea.rank'), numeric: true },
                { label: t('focusArea.product') },
                { label: t('focusArea.score'), numeric: true },
                ...(['coverage', 'hazard', 'users', 'volume', 'testedRecently'] as const).map((part) => ({
                  label: t(`focusArea.part.${part}`),
                  numeric: true,
                })),
                { label: t('focusArea.coveredBy') },
                { label: t('focusArea.inPlan') },
              ]}
            >
              {candidates.data.candidateProducts.map((c) => (
                <tr key={c.product.id}>
                  <td className="numeric">{c.rank}</td>
                  <th scope="row">
                    <Link href={`/products/${c.product.id}`}>{c.product.name}</Link>
                  </th>
                  <td className="numeric">{c.score.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{c.parts.coverage}</td>
                  <td className="numeric">{c.parts.hazard}</td>
                  <td className="numeric">{c.parts.users}</td>
                  <td className="numeric">{c.parts.volume.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{c.parts.testedRecently ? t('focusArea.yes') : t('focusArea.no')}</td>
                  <td>{c.coveredBy.map((o) => o.name).join(', ')}</td>
                  <td>
                    {c.sample ? (
                      t('focusArea.yes')
                    ) : coordinator && (planning || status === 'SAMPLING') ? (
                      <AddToPlan id={id} productId={c.product.id} productName={c.product.name} act={act} />
                    ) : (
                      t('focusArea.no')
                    )}
                  </td>
                </tr>
              ))}
            </StepTable>
          )
        ) : null}
      </Step>

      <Step id="step-plan" title={heading('stepPlan')}>
        {focusArea.samples.length === 0 ? (
          <p>{t('focusArea.noSamples')}</p>
        ) : (
          <StepTable
            caption={heading('stepPlan')}
            scroll
            columns={[
              { label: t('focusArea.product') },
              { label: t('focusArea.analysesColumn') },
              { label: t('focusArea.laboratory') },
              { label: t('focusArea.estimatedCost'), numeric: true },
              { label: t('focusArea.buyer') },
              { label: t('focusArea.sampleState') },
            ]}
          >
            {focusArea.samples.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.product.name}</th>
                <td>{s.analyses.join(', ')}</td>
                <td>{s.laboratory}</td>
                <td className="numeric">{money(s.estimatedCost)}</td>
                <td>
                  {s.purchasingOrganisation ? (
                    s.purchasingOrganisation.name
                  ) : coordinator ? (
                    <AssignBuyer
                      productName={s.product.name}
                      participants={focusArea.participants.map((p) => p.organisation)}
                      onAssign={(organisationId) =>
                        void act(
                          () => assign({ sampleId: s.id, organisationId }),
                          t('focusArea.assigned', { product: s.product.name }),
                        )
                      }
                    />
                  ) : (
                    t('focusArea.unassigned')
                  )}
                </td>
                <td>{t(`focusArea.sampleStateName.${s.state}`)}</td>
              </tr>
            ))}
          </StepTable>
        )}
      </Step>

      <Step id="step-cost" title={heading('stepCost')}>
        <QueryState fetching={work.fetching && !work.data} error={work.error} />
        {work.data ? (
          <>
            <p>
              {t('focusArea.total')}: {money(work.data.costShares.total)} (
              {t(`focusArea.split.${work.data.costShares.split}`)}). {t('focusArea.rounding')}
            </p>
            <StepTable
              caption={heading('stepCost')}
              columns={[
                { label: t('focusArea.organisation') },
                { label: t('focusArea.weight'), numeric: true },
                { label: t('focusArea.share'), numeric: true },
              ]}
            >
              {work.data.costShares.shares.map((s) => (
                <tr key={s.organisation.id}>
                  <th scope="row">{s.organisation.name}</th>
                  <td className="numeric">{s.weight}</td>
                  <td className="numeric">{money(s.amount)}</td>
                </tr>
              ))}
            </StepTable>
          </>
        ) : null}
      </Step>

      <Step id="step-progress" title={heading('stepProgress')}>
        {work.data ? (
          <>
            <p>{t('focusArea.unassignedCount', { count: work.data.focusAreaProgress.unassigned })}</p>
            <StepTable
              caption={heading('stepProgress')}
              columns={[
                { label: t('focusArea.organisation') },
                ...(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'] as const).map((state) => ({
                  label: t(`focusArea.sampleStateName.${state}`),
                  numeric: true,
                })),
              ]}
            >
              {work.data.focusAreaProgress.organisations.map((o) => (
                <tr key={o.organisation.id}>
                  <th scope="row">{o.organisation.name}</th>
                  <td className="numeric">{o.planned}</td>
                  <td className="numeric">{o.inProgress}</td>
                  <td className="numeric">{o.completed}</td>
                  <td className="numeric">{o.overdue}</td>
                </tr>
              ))}
            </StepTable>
          </>
        ) : null}
      </Step>

      <MyResults id={id} organisationId={myOrganisation} title={heading('stepResults')} />
    </>
  );
}

type Act = (run: () => Promise<OperationResult>, message: string) => Promise<void>;

function EditForm({
  id,
  initial,
  onSaved,
}: {
  id: string;
  initial: { title: string; description?: string | null; resultsDueOn?: unknown; costSplit: CostSplit };
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UpdateFocusAreaMutation);
  const [fields, setFields] = useState<FocusAreaFieldValues>({
    title: initial.title,
    description: initial.description ?? '',
    resultsDueOn: typeof initial.resultsDueOn === 'string' ? initial.resultsDueOn : '',
    costSplit: initial.costSplit,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: Record<string, unknown> = {
      title: fields.title,
      description: fields.description || null,
      resultsDueOn: fields.resultsDueOn || null,
    };
    // The cost split is scope: sent only when changed (it may change in PLANNING only).
    if (fields.costSplit !== initial.costSplit) input.costSplit = fields.costSplit;
    const answer = await update({ id, input });
    if (answer.data) onSaved();
  }

  return (
    <details className="edit-focus-area">
      <summary>{t('focusArea.edit')}</summary>
      <ApiErrorSummary error={result.error} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FocusAreaFields value={fields} onChange={setFields} />
        <Button type="submit" className="button" isDisabled={result.fetching}>
          {t('focusArea.save')}
        </Button>
      </Form>
    </details>
  );
}

function SubmitContracts({
  id,
  organisationId,
  title,
  act,
}: {
  id: string;
  organisationId: string;
  title: string;
  act: Act;
}) {
  const { t } = useTranslation();
  const [contracts] = useQuery({ query: MyContractsQuery, variables: { organisationId } });
  const [, submitContracts] = useMutation(SubmitContractsMutation);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Step id="step-contracts" title={title}>
      <QueryState fetching={contracts.fetching && !contracts.data} error={contracts.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void act(() => submitContracts({ id, contractIds: chosen }), t('focusArea.submitted'));
        }}
      >
        <fieldset>
          <legend>{t('focusArea.myContracts')}</legend>
          {contracts.data?.contracts.nodes.map((c) => (
            <div key={c.id}>
              <input
                type="checkbox"
                id={`contract-${c.id}`}
                checked={chosen.includes(c.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((other) => other !== c.id))
                }
              />{' '}
              <label htmlFor={`contract-${c.id}`}>{c.title}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('focusArea.submitContracts')}
        </button>
      </form>
    </Step>
  );
}

function AddToPlan({
  id,
  productId,
  productName,
  act,
}: {
  id: string;
  productId: string;
  productName: string;
  act: Act;
}) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddToPlanMutation);
  const [open, setOpen] = useState(false);
  const [analyses, setAnalyses] = useState('');
  const [laboratory, setLaboratory] = useState('');
  const [cost, setCost] = useState('');
  if (!open) {
    return (
      <Button
        className="button button--secondary"
        aria-label={t('focusArea.addToPlanFor', { product: productName })}
        onPress={() => setOpen(true)}
      >
        {t('focusArea.addShort')}
      </Button>
    );
  }
  return (
    <Form
      aria-label={t('focusArea.addToPlanFor', { product: productName })}
      onSubmit={(event) => {
        event.preventDefault();
        void act(
          () =>
            add({
              id,
              productId,
              laboratory,
              estimatedCost: Math.round(Number(cost.replace(',', '.')) * 100),
              analyses: analyses
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            }),
          t('focusArea.added', { product: productName }),
        );
      }}
    >
      <TextField className="field" value={analyses} onChange={setAnalyses} isRequired>
        <Label>{t('focusArea.analyses')}</Label>
        <Input />
      </TextField>
      <TextField className="field" value={laboratory} onChange={setLaboratory} isRequired>
        <Label>{t('focusArea.laboratory')}</Label>
        <Input />
      </TextField>
      <TextField className="field" value={cost} onChange={setCost} isRequired inputMode="decimal">
        <Label>{t('focusArea.estimatedCostSek')}</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button">
        {t('focusArea.addToPlan')}
      </Button>
    </Form>
  );
}

function AssignBuyer({
  productName,
  participants,
  onAssign,
}: {
  productName: string;
  participants: { id: string; name: string }[];
  onAssign: (organisationId: string) => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState(participants[0]?.id ?? '');
  const fieldId = `buyer-${productName.replace(/\W+/g, '-')}`;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (organisationId) onAssign(organisationId);
      }}
    >
      <label htmlFor={fieldId}>{t('focusArea.buyerFor', { product: productName })}</label>{' '}
      <select id={fieldId} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button button--secondary">
        {t('focusArea.assign')}
      </button>
    </form>
  );
}

function MyResults({ id, organisationId, title }: { id: string; organisationId?: string; title: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [results] = useQuery({ query: ResultsQuery, variables: { id } });
  const [downloadError, setDownloadError] = useState<CombinedError | undefined>();
  const mine = results.data?.focusAreaResults.participants.filter((p) => p.organisation.id === organisationId) ?? [];

  async function download() {
    const answer = await client.query(ResultsXlsxQuery, { id }, FRESH).toPromise();
    setDownloadError(answer.error);
    if (!answer.data) return;
    const bytes = Uint8Array.from(atob(answer.data.focusAreaResultsXlsx), (ch) => ch.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `focus-area-${id}.xlsx`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Step id="step-results" title={title}>
      <QueryState fetching={results.fetching && !results.data} error={results.error} />
      <ApiErrorSummary error={downloadError} />
      {results.data ? (
        mine.length === 0 || mine.every((p) => p.results.length === 0) ? (
          <p>{t('focusArea.noResults')}</p>
        ) : (
          <StepTable
            caption={title}
            columns={[
              { label: t('focusArea.contract') },
              { label: t('focusArea.product') },
              { label: t('focusArea.verdict') },
            ]}
          >
            {mine.flatMap((p) =>
              p.results.map((r) => (
                <tr key={`${r.contract.id}-${r.sample.id}`}>
                  <td>{r.contract.title}</td>
                  <th scope="row">{r.product.name}</th>
                  <td>{t(`verdict.${r.verdict}`)}</td>
                </tr>
              )),
            )}
          </StepTable>
        )
      ) : null}
      <Button className="button button--secondary" onPress={() => void download()}>
        {t('focusArea.downloadXlsx')}
      </Button>
    </Step>
  );
}
