import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** Where a sign-in whose claims give no role ends: nothing was stored, and the person is told whom to ask. */
export function NoAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.noAccessTitle'));
  return (
    <div className="narrow">
      <h1>{t('auth.noAccessTitle')}</h1>
      <p>{t('auth.noAccessText')}</p>
      <p>
        <Link href="/sign-in">{t('auth.backToSignIn')}</Link>
      </p>
    </div>
  );
}
