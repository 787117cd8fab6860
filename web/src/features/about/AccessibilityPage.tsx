import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** Tillgänglighetsredogörelse: the accessibility statement the DOS act (lag 2018:1937) asks for. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessibility.title'));
  return (
    <div className="narrow">
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.intro')}</p>
      <h2>{t('accessibility.statusTitle')}</h2>
      <p>{t('accessibility.status')}</p>
      <h2>{t('accessibility.knownTitle')}</h2>
      <ul>
        <li>{t('accessibility.knownCharts')}</li>
      </ul>
      <h2>{t('accessibility.reportTitle')}</h2>
      <p>
        {t('accessibility.report')}{' '}
        <a href="mailto:tillganglighet@kemkollen.example">tillganglighet@kemkollen.example</a>
      </p>
      <h2>{t('accessibility.supervisionTitle')}</h2>
      <p>{t('accessibility.supervision')}</p>
    </div>
  );
}
