import { useState } from 'react';
import { Button, FileTrigger, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { usePageTitle } from '../../components/usePageTitle';
import { CSRF_HEADERS, useAuth } from '../../app/auth';
import type { ImportFollowUpsFromPageMutation, OnExisting } from '../../gql/graphql';
import { ImportFollowUpsMutation } from './import';

type Result = ImportFollowUpsFromPageMutation['importFollowUps'];
type ChosenFile = { name: string; text: string | null; blob: File };

const XLSX = /\.xlsx$/i;

/**
 * An Excel workbook goes to POST /imports (multipart: the service reads XLSX), which answers what
 * importFollowUps answers; text files (CSV with , ; or tabs) go through the importFollowUps mutation.
 */
async function uploadWorkbook(token: string | null, file: File, dryRun: boolean, onExisting: OnExisting) {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('onExisting', onExisting);
  form.append('background', 'false');
  form.append('file', file, file.name);
  const response = await fetch('/imports', {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}`, ...CSRF_HEADERS } : { ...CSRF_HEADERS },
    body: form,
  });
  const body = (await response.json()) as Result | { errors: { message: string }[] };
  if (!response.ok)
    throw new Error((body as { errors: { message: string }[] }).errors?.[0]?.message ?? response.statusText);
  return body as Result;
}

/**
 * Import follow-ups from a CSV file (the layout of the README): a dry run first that lists every row
 * error and stores nothing, then the import of the same file, all or nothing.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const { token } = useAuth();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [onExisting, setOnExisting] = useState<OnExisting>('REJECT');
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, run] = useMutation(ImportFollowUpsMutation);

  async function send(dryRun: boolean) {
    if (!file) return;
    setFailure(null);
    if (file.text === null) {
      try {
        setResult(await uploadWorkbook(token, file.blob, dryRun, onExisting));
      } catch (error) {
        setFailure((error as Error).message);
      }
      return;
    }
    const answer = await run({ csv: file.text, dryRun, onExisting });
    if (answer.data) setResult(answer.data.importFollowUps);
    else setFailure(answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '');
  }

  const cleanDryRun = result?.dryRun && result.errors.length === 0;
  return (
    <div>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <FileTrigger
        acceptedFileTypes={['.csv', '.tsv', '.txt', 'text/csv', '.xlsx']}
        onSelect={async (files) => {
          const chosen = files?.[0];
          if (!chosen) return;
          setFile({ name: chosen.name, text: XLSX.test(chosen.name) ? null : await chosen.text(), blob: chosen });
          setResult(null);
        }}
      >
        <Button className="button button--secondary">{t('import.choose')}</Button>
      </FileTrigger>
      <p role="status">{file ? t('import.chosen', { name: file.name }) : t('import.none')}</p>
      <RadioGroup
        className="field"
        value={onExisting}
        onChange={(value) => {
          setOnExisting(value as OnExisting);
          setResult(null);
        }}
      >
        <Label>{t('import.onExisting')}</Label>
        {(['REJECT', 'SKIP', 'UPDATE'] as const).map((choice) => (
          <Radio key={choice} value={choice} className="radio">
            {t(`import.onExistingChoice.${choice}`)}
          </Radio>
        ))}
      </RadioGroup>
      <div className="actions">
        <Button className="button" isDisabled={!file || state.fetching} onPress={() => void send(true)}>
          {t('import.dryRun')}
        </Button>
        <Button className="button" isDisabled={!cleanDryRun || state.fetching} onPress={() => void send(false)}>
          {t('import.import')}
        </Button>
      </div>
      {failure ? (
        <div role="alert" className="error-summary">
          {failure}
        </div>
      ) : null}
      {result && result.errors.length > 0 ? (
        <div role="alert" className="error-summary" aria-labelledby="import-errors">
          <h2 id="import-errors">{t('import.errors', { count: result.errors.length })}</h2>
          <table className="table">
            <caption className="visually-hidden">{t('import.errors', { count: result.errors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column || '–'}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && result.errors.length === 0 ? (
        <div role="status" className="notice">
          {result.imported
            ? t('import.imported', { followUps: result.followUps, measurements: result.measurements })
            : t('import.wouldImport', { followUps: result.followUps, measurements: result.measurements })}{' '}
          {t('import.outcomes', {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            skipped: result.skipped,
          })}
        </div>
      ) : null}
    </div>
  );
}
