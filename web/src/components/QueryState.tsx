import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

/** Loading and error states of a query, announced to screen readers. */
export function QueryState({ fetching, error }: { fetching: boolean; error?: CombinedError }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" className="error-summary">
        <h2>{t('common.errorTitle')}</h2>
        <p>{error.graphQLErrors[0]?.message ?? error.message}</p>
      </div>
    );
  }
  if (fetching) return <p role="status">{t('common.loading')}</p>;
  return null;
}
