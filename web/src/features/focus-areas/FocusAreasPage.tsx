import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
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
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [categories, setCategories] = useState('');
  const [description, setDescription] = useState('');
  const [resultsDueOn, setResultsDueOn] = useState('');
  const [costSplit, setCostSplit] = useState('EQUAL');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = await create({
      input: {
        title,
        year: Number(year),
        description: description || null,
        resultsDueOn: resultsDueOn || null,
        costSplit: costSplit as 'EQUAL' | 'BY_CONTRACTS',
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
        <TextField className="field" value={title} onChange={setTitle} isRequired>
          <Label>{t('focusArea.title')}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={year} onChange={setYear} isRequired inputMode="numeric">
          <Label>{t('focusArea.year')}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={categories} onChange={setCategories} isRequired>
          <Label>{t('focusArea.categoryCodes')}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={description} onChange={setDescription}>
          <Label>{t('focusArea.description')}</Label>
          <TextArea />
        </TextField>
        <TextField className="field" value={resultsDueOn} onChange={setResultsDueOn} type="date">
          <Label>{t('focusArea.resultsDueOn')}</Label>
          <Input />
        </TextField>
        <CostSplitField value={costSplit} onChange={setCostSplit} />
        <Button type="submit" className="button" isDisabled={result.fetching}>
          {t('focusArea.create')}
        </Button>
      </Form>
    </section>
  );
}

/** How the cost is shared: a native select with its label. */
export function CostSplitField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="cost-split">{t('focusArea.costSplit')}</label>
      <select id="cost-split" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="EQUAL">{t('focusArea.split.EQUAL')}</option>
        <option value="BY_CONTRACTS">{t('focusArea.split.BY_CONTRACTS')}</option>
      </select>
    </div>
  );
}
