import { type RefObject, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldProblem<F extends string> {
  field: F;
  text: string;
}

/**
 * A form's own checks, the GOV.UK way: every problem at once in a summary that takes the focus and
 * links to each field (`#<idPrefix>-<field>`), and again beside the field (problemOf).
 */
export function useFieldProblems<F extends string>() {
  const [problems, setProblems] = useState<FieldProblem<F>[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  /** Shows these problems (none: clears them); true when there are none. */
  const report = useCallback((found: FieldProblem<F>[]) => {
    setProblems(found);
    if (found.length > 0) setTimeout(() => summaryRef.current?.focus(), 0);
    return found.length === 0;
  }, []);
  const problemOf = (field: F) => problems.find((p) => p.field === field)?.text;
  return { problems, report, problemOf, summaryRef };
}

export function FieldProblemSummary<F extends string>({
  problems,
  idPrefix,
  summaryRef,
}: {
  problems: readonly FieldProblem<F>[];
  idPrefix: string;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="error-summary" tabIndex={-1} ref={summaryRef}>
      <p className="error-summary__title">{t('common.problemTitle')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a href={`#${idPrefix}-${p.field}`}>{p.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
