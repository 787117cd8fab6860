import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { usePageTitle } from '../../components/usePageTitle';
import type { ImportFollowUpsFromPageMutation } from '../../gql/graphql';
import { ImportFollowUpsMutation } from './import';

type Result = ImportFollowUpsFromPageMutation['importFollowUps'];

/**
 * Import follow-ups from a CSV file (the layout of the README): a dry run first that lists every row
 * error and stores nothing, then the import of the same file, all or nothing.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, run] = useMutation(ImportFollowUpsMutation);

  async function send(dryRun: boolean) {
    if (!file) return;
    setFailure(null);
    const answer = await run({ csv: file.text, dryRun });
    if (answer.data) setResult(answer.data.importFollowUps);
    else setFailure(answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '');
  }

  const cleanDryRun = result?.dryRun && result.errors.length === 0;
  return (
    <div>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <FileTrigger
        acceptedFileTypes={['.csv', 'text/csv']}
        onSelect={async (files) => {
          const chosen = files?.[0];
          if (!chosen) return;
          setFile({ name: chosen.name, text: await chosen.text() });
          setResult(null);
        }}
      >
        <Button className="button button--secondary">{t('import.choose')}</Button>
      </FileTrigger>
      <p role="status">{file ? t('import.chosen', { name: file.name }) : t('import.none')}</p>
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
            : t('import.wouldImport', { followUps: result.followUps, measurements: result.measurements })}
        </div>
      ) : null}
    </div>
  );
}
