import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** The start page of a signed-in user. */
export function StartPage() {
  const { t } = useTranslation();
  usePageTitle(t('start.title'));
  return (
    <>
      <h1>{t('start.title')}</h1>
      <p>
        <Link href="/search">{t('nav.search')}</Link>
      </p>
    </>
  );
}
