import { type FormEvent, useMemo, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import type { Unit } from '../../../../src/vocabulary/vocabulary';
import { ContractSelect } from '../../components/ContractSelect';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { VerdictTag } from '../../components/verdict';
import type { FollowUpMethod, FollowUpStatus, Visibility } from '../../gql/graphql';
import {
  ContractsForLoggingQuery,
  LogFollowUpQuery,
  ProductOptionsQuery,
  RecordFollowUpMutation,
  SupplierOptionsQuery,
} from './follow-up';
import { cellId, MeasurementGrid } from './MeasurementGrid';
import { checkGrid, emptyRow, type GridProblem, type GridRow, type RequirementScope } from './measurement-grid';
import { NewProductDialog } from './NewProductDialog';
import { type PreviewRequirement, type PreviewRow, previewVerdicts } from './preview';

const METHODS: FollowUpMethod[] = [
  'LAB_ANALYSIS',
  'DOCUMENT_REVIEW',
  'SUPPLIER_DECLARATION',
  'DESK_AUDIT',
  'SITE_AUDIT',
];
const STATUSES: FollowUpStatus[] = ['COMPLETED', 'IN_PROGRESS', 'PLANNED'];

interface ProductChoice {
  id: string;
  name: string;
  supplier: { id: string; name: string };
}

/** A problem of the form, for the error summary: the field it links to and the words. */
interface FormProblem {
  target: string;
  text: string;
}

/**
 * Log a follow-up: product (created here when missing), contract and requirements checked, method,
 * dates, lab, report, visibility, confidential notes, whether the supplier must release the report
 * first, and the measurements, typed or pasted from Excel. Every problem is listed at once in the
 * summary (each linking to its field) and again at its field or grid row; the verdict against my
 * contract can be previewed before saving.
 */
export function LogFollowUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('log.title'));
  const [, navigate] = useLocation();
  const [base] = useQuery({ query: LogFollowUpQuery });
  const organisationId = base.data?.me.organisation.id;
  const substances = useMemo(() => base.data?.substances.nodes ?? [], [base.data]);

  const [product, setProduct] = useState<ProductChoice | null>(null);
  const [productText, setProductText] = useState('');
  const [products] = useQuery({
    query: ProductOptionsQuery,
    variables: { text: productText },
    pause: productText.trim().length < 2,
  });
  // A follow-up is of a product, or of a supplier as a whole (a desk or site audit).
  const [subject, setSubject] = useState<'PRODUCT' | 'SUPPLIER'>('PRODUCT');
  const [supplier, setSupplier] = useState<{ id: string; name: string } | null>(null);
  const [supplierText, setSupplierText] = useState('');
  const [suppliers] = useQuery({
    query: SupplierOptionsQuery,
    variables: { text: supplierText },
    pause: subject !== 'SUPPLIER' || supplierText.trim().length < 2,
  });
  const supplierId = subject === 'PRODUCT' ? product?.supplier.id : supplier?.id;
  const [contractId, setContractId] = useState<string | null>(null);
  const [contracts] = useQuery({
    query: ContractsForLoggingQuery,
    variables: { organisationId: organisationId ?? '', supplierId },
    pause: !organisationId || !supplierId,
  });
  const contract = contracts.data?.contracts.nodes.find((c) => c.id === contractId) ?? null;
  const [requirementIds, setRequirementIds] = useState<string[]>([]);
  const [method, setMethod] = useState<FollowUpMethod>('LAB_ANALYSIS');
  const [status, setStatus] = useState<FollowUpStatus>('COMPLETED');
  const [performedOn, setPerformedOn] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [laboratory, setLaboratory] = useState('');
  const [reportReference, setReportReference] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('SHARED');
  const [confidentialNotes, setConfidentialNotes] = useState('');
  const [requiresSupplierRelease, setRequiresSupplierRelease] = useState(false);
  const [rows, setRows] = useState<GridRow[]>([emptyRow()]);
  const [formProblems, setFormProblems] = useState<FormProblem[]>([]);
  const [gridProblems, setGridProblems] = useState<GridProblem[]>([]);
  const [checked, setChecked] = useState(false);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [saving, record] = useMutation(RecordFollowUpMutation);
  const summaryRef = useRef<HTMLDivElement>(null);

  const requirements: PreviewRequirement[] = (contract?.requirements ?? []).map((r) => ({
    id: r.requirement.id,
    code: r.requirement.code,
    title: r.requirement.title,
    kind: r.requirement.kind,
    aggregation: r.requirement.aggregation,
    substanceIds: r.requirement.substances.map((s) => s.id),
    limit: r.effectiveLimit
      ? { value: r.effectiveLimit.value, unit: r.effectiveLimit.unit as Unit, unitSymbol: r.effectiveLimit.unitSymbol }
      : null,
  }));
  const checkedRequirements = requirements.filter((r) => requirementIds.includes(r.id));
  const scopes: RequirementScope[] = checkedRequirements.map((r) => ({
    code: r.code,
    unit: r.limit?.unit ?? null,
    substanceIds: r.substanceIds,
  }));

  function chooseContract(id: string) {
    setContractId(id);
    const chosen = contracts.data?.contracts.nodes.find((c) => c.id === id);
    setRequirementIds(chosen?.requirements.map((r) => r.requirement.id) ?? []);
  }

  /** Every problem of the form and the grid, at once. */
  function check() {
    const problems: FormProblem[] = [];
    if (subject === 'PRODUCT' && !product) problems.push({ target: 'product', text: t('log.productMissing') });
    if (subject === 'SUPPLIER' && !supplier) problems.push({ target: 'supplier', text: t('log.supplierMissing') });
    if (status !== 'PLANNED' && !performedOn)
      problems.push({ target: 'performedOn', text: t('log.performedOnMissing') });
    if (performedOn && !isDay(performedOn)) problems.push({ target: 'performedOn', text: t('log.dateFormat') });
    if (validUntil && !isDay(validUntil)) problems.push({ target: 'validUntil', text: t('log.dateFormat') });
    if (validUntil && performedOn && validUntil < performedOn)
      problems.push({ target: 'validUntil', text: t('log.validUntilBeforePerformed') });
    if (requirementIds.length === 0) problems.push({ target: 'requirements', text: t('log.requirementsMissing') });
    const grid = checkGrid(rows, substances, scopes);
    setFormProblems(problems);
    setGridProblems(grid.problems);
    setChecked(true);
    return { ok: problems.length === 0 && grid.problems.length === 0, measurements: grid.measurements };
  }

  const showSummary = () => setTimeout(() => summaryRef.current?.focus(), 0);

  function onPreview() {
    const result = check();
    if (!result.ok) {
      setPreview(null);
      showSummary();
      return;
    }
    const idOf = (cas: string) => substances.find((s) => s.casNumber === cas)?.id;
    setPreview(previewVerdicts(checkedRequirements, result.measurements, idOf, performedOn || today()));
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = check();
    if (!result.ok || !supplierId) {
      showSummary();
      return;
    }
    const answer = await record({
      input: {
        productId: subject === 'PRODUCT' ? product?.id : undefined,
        supplierId: subject === 'SUPPLIER' ? supplierId : undefined,
        contractId: contractId ?? undefined,
        requirementIds,
        method,
        status,
        performedOn: performedOn || undefined,
        validUntil: validUntil || undefined,
        laboratory: laboratory.trim() || undefined,
        reportReference: reportReference.trim() || undefined,
        visibility,
        confidentialNotes: confidentialNotes.trim() || undefined,
        requiresSupplierRelease,
        measurements: result.measurements,
      },
    });
    if (answer.data) {
      navigate(`/follow-ups/${answer.data.recordFollowUp.id}`);
      return;
    }
    // The service's refusal, at its row and field where it names one (measurements[2].loq: …).
    const errors = answer.error?.graphQLErrors ?? [];
    const fromServer: GridProblem[] = [];
    const problems: FormProblem[] = [];
    for (const error of errors) {
      const match = /measurements\[(\d+)\]\.(\w+)/.exec(error.message);
      const field = match?.[2] === 'substanceCas' ? 'substance' : match?.[2] === 'unit' ? 'unit' : 'result';
      if (match) fromServer.push({ row: rowOfMeasurement(rows, Number(match[1])), field, message: error.message });
      problems.push({
        target: match ? cellId(rowOfMeasurement(rows, Number(match[1])), field) : 'product',
        text: error.message,
      });
    }
    if (!errors.length && answer.error) problems.push({ target: 'product', text: answer.error.message });
    setGridProblems(fromServer);
    setFormProblems(problems);
    showSummary();
  }

  if (!base.data) return <QueryState fetching={base.fetching} error={base.error} />;
  const allProblems: FormProblem[] = [
    ...formProblems,
    ...gridProblems.map((p) => ({
      target: cellId(p.row, p.field),
      text: t('grid.problemAt', { row: p.row + 1, field: t(`grid.${p.field}`), problem: t(p.message, p.values) }),
    })),
  ];
  const problemOf = (target: string) => formProblems.find((p) => p.target === target)?.text;

  return (
    <form onSubmit={(event) => void onSave(event)} noValidate className="log-form">
      <h1>{t('log.title')}</h1>
      {checked && allProblems.length > 0 ? (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{t('log.problems', { count: allProblems.length })}</h2>
          <ul>
            {allProblems.map((p, i) => (
              <li key={i}>
                <a
                  href={`#${p.target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(p.target)?.focus();
                  }}
                >
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="fieldset">
        <legend>{t('log.what')}</legend>
        <RadioGroup
          className="field"
          value={subject}
          onChange={(value) => {
            setSubject(value as 'PRODUCT' | 'SUPPLIER');
            setContractId(null);
            setRequirementIds([]);
          }}
        >
          <Label>{t('log.subject')}</Label>
          <Radio value="PRODUCT" className="radio">
            {t('log.subjectProduct')}
          </Radio>
          <Radio value="SUPPLIER" className="radio">
            {t('log.subjectSupplier')}
          </Radio>
        </RadioGroup>
        {subject === 'SUPPLIER' ? (
          <ComboBox
            className="field"
            inputValue={supplierText}
            onInputChange={setSupplierText}
            items={suppliers.data?.suppliers.nodes ?? []}
            selectedKey={supplier?.id ?? null}
            onSelectionChange={(key) => {
              const chosen = suppliers.data?.suppliers.nodes.find((x) => x.id === key);
              if (chosen) {
                setSupplier(chosen);
                setSupplierText(chosen.name);
                setContractId(null);
                setRequirementIds([]);
              }
            }}
            isInvalid={!!problemOf('supplier')}
            menuTrigger="input"
            allowsEmptyCollection
          >
            <Label>{t('product.supplier')}</Label>
            <Input id="supplier" className="input" />
            {problemOf('supplier') ? <span className="field-error">{problemOf('supplier')}</span> : null}
            <Popover>
              <ListBox renderEmptyState={() => <p className="empty">{t('log.noSuppliers')}</p>}>
                {(item: { id: string; name: string; organisationNumber?: string | null }) => (
                  <ListBoxItem id={item.id} textValue={item.name}>
                    {item.name} {item.organisationNumber ? `(${item.organisationNumber})` : ''}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        ) : null}
        {subject === 'PRODUCT' ? (
          <ComboBox
            className="field"
            inputValue={productText}
            onInputChange={setProductText}
            items={products.data?.products.nodes ?? []}
            selectedKey={product?.id ?? null}
            onSelectionChange={(key) => {
              const chosen = products.data?.products.nodes.find((p) => p.id === key);
              if (chosen) {
                setProduct(chosen);
                setProductText(chosen.name);
                setContractId(null);
                setRequirementIds([]);
              }
            }}
            isInvalid={!!problemOf('product')}
            menuTrigger="input"
            allowsEmptyCollection
          >
            <Label>{t('log.product')}</Label>
            <span className="field-hint" id="product-hint">
              {t('log.productHint')}
            </span>
            <Input id="product" className="input" aria-describedby="product-hint" />
            {problemOf('product') ? <span className="field-error">{problemOf('product')}</span> : null}
            <Popover>
              <ListBox renderEmptyState={() => <p className="empty">{t('log.noProducts')}</p>}>
                {(item: ProductChoice & { gtin?: string | null }) => (
                  <ListBoxItem id={item.id} textValue={item.name}>
                    {item.name} <span className="meta">({item.supplier.name})</span>
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        ) : null}
        {subject === 'PRODUCT' && product ? (
          <p className="meta">
            {t('product.supplier')}: {product.supplier.name}
          </p>
        ) : null}
        {subject === 'PRODUCT' ? (
          <NewProductDialog
            onCreated={(created) => {
              setProduct(created);
              setProductText(created.name);
              setContractId(null);
            }}
          />
        ) : null}
        {supplierId && contracts.data ? (
          contracts.data.contracts.nodes.length > 0 ? (
            <ContractSelect contracts={contracts.data.contracts.nodes} value={contractId} onChange={chooseContract} />
          ) : (
            <p>{t('evaluation.noContracts')}</p>
          )
        ) : null}
        {contract ? (
          <CheckboxGroup
            className="field"
            value={requirementIds}
            onChange={setRequirementIds}
            isInvalid={!!problemOf('requirements')}
          >
            <Label id="requirements">{t('log.requirements')}</Label>
            {requirements.map((r) => (
              <Checkbox key={r.id} value={r.id} className="checkbox">
                <span className="checkbox__box" aria-hidden="true" />
                {r.code} {r.title}
              </Checkbox>
            ))}
            {problemOf('requirements') ? <span className="field-error">{problemOf('requirements')}</span> : null}
          </CheckboxGroup>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('log.how')}</legend>
        <RadioGroup className="field" value={method} onChange={(v) => setMethod(v as FollowUpMethod)}>
          <Label>{t('log.method')}</Label>
          {METHODS.map((m) => (
            <Radio key={m} value={m} className="radio">
              {t(`method.${m}`)}
            </Radio>
          ))}
        </RadioGroup>
        <RadioGroup className="field" value={status} onChange={(v) => setStatus(v as FollowUpStatus)}>
          <Label>{t('log.status')}</Label>
          {STATUSES.map((s) => (
            <Radio key={s} value={s} className="radio">
              {t(`status.${s}`)}
            </Radio>
          ))}
        </RadioGroup>
        <DateField
          format={t('log.dateHint')}
          id="performedOn"
          label={t('log.performedOn')}
          value={performedOn}
          onChange={setPerformedOn}
          error={problemOf('performedOn')}
        />
        <DateField
          format={t('log.dateHint')}
          id="validUntil"
          label={t('log.validUntil')}
          hint={t('log.validUntilHint')}
          value={validUntil}
          onChange={setValidUntil}
          error={problemOf('validUntil')}
        />
        <TextField className="field" value={laboratory} onChange={setLaboratory}>
          <Label>{t('followUp.laboratory')}</Label>
          <Input className="input" />
        </TextField>
        <TextField className="field" value={reportReference} onChange={setReportReference}>
          <Label>{t('followUp.reportReference')}</Label>
          <Input className="input" />
        </TextField>
        <RadioGroup className="field" value={visibility} onChange={(v) => setVisibility(v as Visibility)}>
          <Label>{t('followUp.visibility')}</Label>
          <Radio value="SHARED" className="radio">
            {t('visibility.SHARED')}
          </Radio>
          <Radio value="PRIVATE" className="radio">
            {t('visibility.PRIVATE')}
          </Radio>
        </RadioGroup>
        <div className="field">
          <Checkbox
            className="checkbox"
            isSelected={requiresSupplierRelease}
            onChange={setRequiresSupplierRelease}
            aria-describedby="release-hint"
          >
            <span className="checkbox__box" aria-hidden="true" />
            {t('log.requiresSupplierRelease')}
          </Checkbox>
          <span className="field-hint" id="release-hint">
            {t('log.requiresSupplierReleaseHint')}
          </span>
        </div>
        <TextField className="field" value={confidentialNotes} onChange={setConfidentialNotes}>
          <Label>{t('log.confidentialNotes')}</Label>
          <span className="field-hint" id="confidential-hint">
            {t('log.confidentialHint')}
          </span>
          <TextArea className="input" rows={3} aria-describedby="confidential-hint" />
        </TextField>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('log.measurements')}</legend>
        <MeasurementGrid rows={rows} onChange={setRows} problems={gridProblems} />
      </fieldset>

      {preview ? (
        <section aria-labelledby="preview-heading" className="panel" role="region">
          <h2 id="preview-heading">{t('log.previewTitle', { contract: contract?.title ?? '' })}</h2>
          <table className="table">
            <caption className="visually-hidden">{t('log.previewTitle', { contract: contract?.title ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.requirement')}</th>
                <th scope="col">{t('evaluation.verdict')}</th>
                <th scope="col">{t('evaluation.details')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((row) => (
                <tr key={row.requirement.id}>
                  <th scope="row">
                    {row.requirement.code}
                    {row.requirement.limit ? (
                      <span className="meta">
                        {' '}
                        ({row.requirement.limit.value} {row.requirement.limit.unitSymbol})
                      </span>
                    ) : null}
                  </th>
                  <td>{row.verdict ? <VerdictTag verdict={row.verdict} /> : t('log.previewByMethod')}</td>
                  <td>
                    {row.parts.map((p) => (
                      <span key={p.part} className="part-inline">
                        {p.part}: {t(`verdict.${p.verdict}`)}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <div className="actions">
        {contract ? (
          <Button className="button button--secondary" onPress={onPreview}>
            {t('log.preview')}
          </Button>
        ) : null}
        <Button type="submit" className="button" isDisabled={saving.fetching}>
          {t('log.save')}
        </Button>
      </div>
    </form>
  );
}

function DateField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  format: string;
}) {
  return (
    <div className="field" data-invalid={props.error ? true : undefined}>
      <label htmlFor={props.id}>{props.label}</label>
      <span className="field-hint" id={`${props.id}-format`}>
        {props.format}
      </span>
      {props.hint ? (
        <span className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="ÅÅÅÅ-MM-DD"
        className="input date-input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={
          [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].join(' ').trim() || undefined
        }
      />
      {props.error ? (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** A real calendar day written YYYY-MM-DD (ISO 8601, as the API takes it). */
const isDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

const today = () => new Date().toISOString().slice(0, 10);

/** The grid row of the n-th measurement sent (blank rows are left out when sending). */
function rowOfMeasurement(rows: readonly GridRow[], n: number): number {
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (Object.values({ ...rows[i], key: '' }).some((v) => v.trim() !== '')) seen++;
    if (seen === n) return i;
  }
  return n;
}
