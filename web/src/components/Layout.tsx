import type { ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useAuth } from '../app/auth';
import { MeQuery } from '../features/auth/me';
import { useLive } from '../features/live/LiveProvider';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every page: skip link, header with navigation and who is signed in, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const [me] = useQuery({ query: MeQuery, pause: !signedIn });
  // READERs read; logging and importing are for the roles that write (the service refuses them anyway).
  // A supplier's member (SUPPLIER) sees only its own results and its notification settings: the
  // catalogue, contracts, evaluation and the live feed are FORBIDDEN to it.
  const role = me.data?.me.role;
  const writes = role !== undefined && role !== 'READER' && role !== 'SUPPLIER';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            kemkollen
          </Link>
          <nav aria-label={t('layout.navigation')}>
            <ul className="nav-list">
              {signedIn && role === 'SUPPLIER' ? (
                <>
                  <li>
                    <Link href="/">{t('nav.supplierView')}</Link>
                  </li>
                  <li>
                    <Link href="/notifications">{t('nav.notifications')}</Link>
                  </li>
                </>
              ) : signedIn ? (
                <>
                  <li>
                    <Link href="/">{t('nav.start')}</Link>
                  </li>
                  <li>
                    <Link href="/search">{t('nav.search')}</Link>
                  </li>
                  {writes ? (
                    <>
                      <li>
                        <Link href="/follow-ups/new">{t('nav.logFollowUp')}</Link>
                      </li>
                      <li>
                        <Link href="/import">{t('nav.import')}</Link>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <Link href="/focus-areas">{t('nav.focusAreas')}</Link>
                  </li>
                  <li>
                    <LiveLink />
                  </li>
                  <li>
                    <Link href="/notifications">{t('nav.notifications')}</Link>
                  </li>
                </>
              ) : null}
              <li>
                <Link href="/statistics">{t('nav.statistics')}</Link>
              </li>
            </ul>
          </nav>
          <div className="site-header__tools">
            <LanguageSwitch />
            {signedIn ? <SignedInAs /> : <Link href="/sign-in">{t('nav.signIn')}</Link>}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <Link href="/accessibility">{t('nav.accessibility')}</Link>
      </footer>
    </>
  );
}

/** The live feed's link, with the number of items not seen yet. */
function LiveLink() {
  const { t } = useTranslation();
  const { unseen } = useLive();
  return (
    <Link href="/live">
      {t('nav.live')}
      {unseen > 0 ? ' ' : null}
      {unseen > 0 ? <span className="badge">{t('nav.unseen', { count: unseen })}</span> : null}
    </Link>
  );
}

function SignedInAs() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [{ data }] = useQuery({ query: MeQuery });
  return (
    <div className="signed-in">
      {data ? (
        <span>
          {data.me.principal.name}, {data.me.organisation.name} ({t(`role.${data.me.role}`)})
        </span>
      ) : null}
      <Button className="button button--secondary" onPress={() => void signOut()}>
        {t('auth.signOut')}
      </Button>
    </div>
  );
}
