import { useTranslation } from 'react-i18next';

/** Verdict colours with a contrast of at least 4.5:1 against white text (WCAG 1.4.3). */
export const VERDICT_COLOURS: Record<string, string> = {
  PASS: '#00703c',
  FAIL: '#b10e1e',
  INCONCLUSIVE: '#8a4a00',
  INCOMPLETE: '#6f3c8f',
  NO_DATA: '#505a5f',
  NOT_COMPARABLE: '#505a5f',
};

/** A verdict in colour and in words: never by colour alone (WCAG 1.4.1). */
export function VerdictTag({ verdict }: { verdict: string }) {
  const { t } = useTranslation();
  return (
    <strong className="tag" style={{ backgroundColor: VERDICT_COLOURS[verdict] ?? '#505a5f' }}>
      {t(`verdict.${verdict}`, verdict)}
    </strong>
  );
}
