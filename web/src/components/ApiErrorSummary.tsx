import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

interface Problem {
  path?: ReadonlyArray<string | number>;
  reason?: string;
}

/**
 * The service's refusal in plain words: what kind of refusal (extensions.code) and every problem it
 * lists (extensions.problems: the field's path and the reason), else its message.
 */
export function useApiProblems(): (error: CombinedError | undefined | null) => string[] {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return [];
    if (error.graphQLErrors.length === 0) return [t('apiError.network')];
    return error.graphQLErrors.flatMap((e) => {
      const code = typeof e.extensions?.code === 'string' ? e.extensions.code : '';
      const kind = t(`apiError.code.${code}`, { defaultValue: '' });
      const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as Problem[]) : [];
      const lines =
        problems.length > 0 ? problems.map((p) => `${(p.path ?? []).join('.')}: ${p.reason ?? ''}`) : [e.message];
      return lines.map((line) => (kind ? `${kind} ${line}` : line));
    });
  };
}

/** A refusal as the error summary at the top of a form (role alert: read out when it appears). */
export function ApiErrorSummary({ error }: { error: CombinedError | undefined | null }) {
  const { t } = useTranslation();
  const problemsOf = useApiProblems();
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="error-summary">
      <h2>{t('common.problemTitle')}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
