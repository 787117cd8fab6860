import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
