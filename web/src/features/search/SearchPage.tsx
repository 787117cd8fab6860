import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Form, Input, Label, Link, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { SearchQuery } from './search';

/**
 * One box for product name, GTIN, supplier name or organisationsnummer, substance name or CAS number,
 * requirement code; the results grouped by kind. The text is in the address (?q=…), so a search can be
 * bookmarked and the back button works.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const text = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  usePageTitle(text ? t('search.titleFor', { text }) : t('search.title'));
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(text);
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { text }, pause: !text });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(draft.trim())}`);
  }

  const nothing =
    data &&
    data.products.totalCount + data.suppliers.totalCount + data.substances.totalCount + data.requirements.totalCount ===
      0;
  return (
    <>
      <h1>{t('search.title')}</h1>
      <Form onSubmit={submit} role="search" className="search-form">
        <div className="search-row">
          <SearchField className="field" value={draft} onChange={setDraft} onClear={() => setDraft('')}>
            <Label>{t('search.label')}</Label>
            <span className="field-hint" id="search-hint">
              {t('search.hint')}
            </span>
            <Input className="input" aria-describedby="search-hint" />
          </SearchField>
          <Button type="submit" className="button">
            {t('search.submit')}
          </Button>
        </div>
      </Form>
      <QueryState fetching={fetching && !data} error={error} />
      {nothing ? <p role="status">{t('search.nothing', { text })}</p> : null}
      {data && !nothing ? (
        <div aria-live="polite">
          <p role="status" className="visually-hidden">
            {t('search.found', {
              count:
                data.products.totalCount +
                data.suppliers.totalCount +
                data.substances.totalCount +
                data.requirements.totalCount,
            })}
          </p>
          <ResultGroup title={t('search.products')} total={data.products.totalCount}>
            {data.products.nodes.map((p) => (
              <li key={p.id}>
                <Link href={`/products/${p.id}`}>{p.name}</Link>
                <span className="meta">
                  {' '}
                  {p.supplier.name}
                  {p.gtin ? ` · GTIN ${p.gtin}` : ''}
                  {p.articleNumber ? ` · ${t('product.articleNumber')} ${p.articleNumber}` : ''}
                  {p.category ? ` · ${p.category.name}` : ''}
                </span>
              </li>
            ))}
          </ResultGroup>
          <ResultGroup title={t('search.suppliers')} total={data.suppliers.totalCount}>
            {data.suppliers.nodes.map((s) => (
              <li key={s.id}>
                <Link href={`/suppliers/${s.id}`}>{s.name}</Link>
                <span className="meta">
                  {' '}
                  {s.organisationNumber ?? ''} {s.country}
                </span>
              </li>
            ))}
          </ResultGroup>
          <ResultGroup title={t('search.substances')} total={data.substances.totalCount}>
            {data.substances.nodes.map((s) => (
              <li key={s.id}>
                {s.name} <span className="meta">CAS {s.casNumber}</span>
              </li>
            ))}
          </ResultGroup>
          <ResultGroup title={t('search.requirements')} total={data.requirements.totalCount}>
            {data.requirements.nodes.map((r) => (
              <li key={r.id}>
                <Link href={`/requirements/${r.id}`}>
                  <strong>{r.code}</strong> {r.title}
                </Link>
              </li>
            ))}
          </ResultGroup>
        </div>
      ) : null}
    </>
  );
}

function ResultGroup({ title, total, children }: { title: string; total: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <section className="result-group" aria-label={title}>
      <h2>
        {title} <span className="count">({total})</span>
      </h2>
      <ul className="result-list">{children}</ul>
      {total > 10 ? <p className="meta">{t('search.more', { shown: 10, total })}</p> : null}
    </section>
  );
}
