import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Form, Input, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import type { CostSplit } from '../../gql/graphql';
import { MeQuery } from '../auth/me';
import { CreateFocusAreaMutation, FocusAreasQuery } from './focus-areas';

/** The focus areas (fokusområden), and for a coordinator the form that creates one. */
export function FocusAreasPage() {
  const { t } = useTranslation();
  usePageTitle(t('focusArea.listTitle'));
  const [{ data, fetching, error }] = useQuery({ query: FocusAreasQuery });
  const [me] = useQuery({ query: MeQuery });
  return (
    <>
      <h1>{t('focusArea.listTitle')}</h1>
      <p>{t('focusArea.listIntro')}</p>
      <QueryState fetching={fetching && !data} error={error} />
      {data ? (
        <table className="table">
          <caption className="visually-hidden">{t('focusArea.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('focusArea.title')}</th>
              <th scope="col">{t('focusArea.year')}</th>
              <th scope="col">{t('focusArea.status')}</th>
              <th scope="col" className="numeric">
                {t('focusArea.participantCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.focusAreas.nodes.map((area) => (
              <tr key={area.id}>
                <th scope="row">
                  <Link href={`/focus-areas/${area.id}`}>{area.title}</Link>
                </th>
                <td>{area.year}</td>
                <td>{t(`focusArea.statusName.${area.status}`)}</td>
                <td className="numeric">{area.participants.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {me.data?.me.role === 'COORDINATOR' ? <CreateFocusAreaForm /> : null}
    </>
  );
}

function CreateFocusAreaForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [result, create] = useMutation(CreateFocusAreaMutation);
  const [fields, setFields] = useState<FocusAreaFieldValues>({
    title: '',
    description: '',
    resultsDueOn: '',
    costSplit: 'EQUAL',
  });
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [categories, setCategories] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = await create({
      input: {
        title: fields.title,
        year: Number(year),
        description: fields.description || null,
        resultsDueOn: fields.resultsDueOn || null,
        costSplit: fields.costSplit,
        categoryCodes: categories
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      },
    });
    if (answer.data) navigate(`/focus-areas/${answer.data.createFocusArea.id}`);
  }

  return (
    <section aria-labelledby="create-focus-area">
      <h2 id="create-focus-area">{t('focusArea.create')}</h2>
      <ApiErrorSummary error={result.error} />
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FocusAreaFields value={fields} onChange={setFields}>
          <TextField className="field" value={year} onChange={setYear} isRequired inputMode="numeric">
            <Label>{t('focusArea.year')}</Label>
            <Input />
          </TextField>
          <TextField className="field" value={categories} onChange={setCategories} isRequired>
            <Label>{t('focusArea.categoryCodes')}</Label>
            <Input />
          </TextField>
        </FocusAreaFields>
        <Button type="submit" className="button" isDisabled={result.fetching}>
          {t('focusArea.create')}
        </Button>
      </Form>
    </section>
  );
}

/** What the create and the edit form share. */
export interface FocusAreaFieldValues {
  title: string;
  description: string;
  resultsDueOn: string;
  costSplit: CostSplit;
}

/** The title, then `children` (fields of one form only), description, due date and cost split. */
export function FocusAreaFields({
  value,
  onChange,
  children,
}: {
  value: FocusAreaFieldValues;
  onChange: (value: FocusAreaFieldValues) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<FocusAreaFieldValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField className="field" value={value.title} onChange={(title) => set({ title })} isRequired>
        <Label>{t('focusArea.title')}</Label>
        <Input />
      </TextField>
      {children}
      <TextField className="field" value={value.description} onChange={(description) => set({ description })}>
        <Label>{t('focusArea.description')}</Label>
        <TextArea />
      </TextField>
      <TextField
        className="field"
        value={value.resultsDueOn}
        onChange={(resultsDueOn) => set({ resultsDueOn })}
        type="date"
      >
        <Label>{t('focusArea.resultsDueOn')}</Label>
        <Input />
      </TextField>
      <div className="field">
        <label htmlFor="cost-split">{t('focusArea.costSplit')}</label>
        <select
          id="cost-split"
          value={value.costSplit}
          onChange={(e) => set({ costSplit: e.target.value as CostSplit })}
        >
          <option value="EQUAL">{t('focusArea.split.EQUAL')}</option>
          <option value="BY_CONTRACTS">{t('focusArea.split.BY_CONTRACTS')}</option>
        </select>
      </div>
    </>
  );
}
