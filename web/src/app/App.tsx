import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { RouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Layout } from '../components/Layout';
import { QueryState } from '../components/QueryState';
import { AccessibilityPage } from '../features/about/AccessibilityPage';
import { NotFoundPage } from '../features/about/NotFoundPage';
import { MeQuery } from '../features/auth/me';
import { NoAccessPage } from '../features/auth/NoAccessPage';
import { SignInPage } from '../features/auth/SignInPage';
import { LiveProvider } from '../features/live/LiveProvider';
import { SearchPage } from '../features/search/SearchPage';
import { StartPage } from '../features/start/StartPage';
import { AuthProvider, useAuth } from './auth';
import { createApiClients } from './client';

// Pages that bring a large library (charts) load when first visited, not with the start page.
const ProductPage = lazy(() => import('../features/products/ProductPage').then((m) => ({ default: m.ProductPage })));
const LogFollowUpPage = lazy(() =>
  import('../features/follow-ups/LogFollowUpPage').then((m) => ({ default: m.LogFollowUpPage })),
);
const FollowUpPage = lazy(() =>
  import('../features/follow-ups/FollowUpPage').then((m) => ({ default: m.FollowUpPage })),
);
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const SupplierPage = lazy(() =>
  import('../features/suppliers/SupplierPage').then((m) => ({ default: m.SupplierPage })),
);
const LivePage = lazy(() => import('../features/live/LivePage').then((m) => ({ default: m.LivePage })));
const SupplierViewPage = lazy(() => import('../features/supplier-view').then((m) => ({ default: m.SupplierViewPage })));
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications').then((m) => ({ default: m.NotificationSettingsPage })),
);
const RequirementPage = lazy(() => import('../features/requirements').then((m) => ({ default: m.RequirementPage })));
const StatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);

const FocusAreasPage = lazy(() =>
  import('../features/focus-areas/FocusAreasPage').then((m) => ({ default: m.FocusAreasPage })),
);
const FocusAreaPage = lazy(() =>
  import('../features/focus-areas/FocusAreaPage').then((m) => ({ default: m.FocusAreaPage })),
);
const FocusAreaReportPage = lazy(() =>
  import('../features/focus-areas/FocusAreaReportPage').then((m) => ({ default: m.FocusAreaReportPage })),
);

export function App() {
  return (
    <AuthProvider>
      <Api>
        <Routing />
      </Api>
    </AuthProvider>
  );
}

/** A new client (and socket) per token or session, so nothing cached for one user is shown to the next. */
function Api({ children }: { children: ReactNode }) {
  const { token, session } = useAuth();
  const { client, socket } = useMemo(() => createApiClients(token, session), [token, session]);
  // The socket is lazy: it closes by itself once the live feed of the previous token unsubscribes.
  return (
    <UrqlProvider value={client}>
      <LiveProvider socket={socket}>{children}</LiveProvider>
    </UrqlProvider>
  );
}

function Routing() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { signedIn } = useAuth();
  const [me] = useQuery({ query: MeQuery, pause: !signedIn });
  /** Pages for signed-in users; anonymous visitors are sent to sign in. */
  const member = (page: ReactNode) => (signedIn ? page : <Redirect to="/sign-in" />);
  // A supplier's member starts on its own results; everyone else on the recent follow-ups of their contracts.
  const start = !signedIn ? (
    <Redirect to="/statistics" />
  ) : !me.data ? (
    <QueryState fetching={me.fetching} error={me.error} />
  ) : me.data.me.role === 'SUPPLIER' ? (
    <SupplierViewPage />
  ) : (
    <StartPage />
  );
  return (
    <RouterProvider navigate={navigate}>
      <Layout>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Switch>
            <Route path="/">{start}</Route>
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/no-access" component={NoAccessPage} />
            <Route path="/statistics" component={StatisticsPage} />
            <Route path="/accessibility" component={AccessibilityPage} />
            <Route path="/search">{member(<SearchPage />)}</Route>
            <Route path="/follow-ups/new">{member(<LogFollowUpPage />)}</Route>
            <Route path="/follow-ups/:id">{(params) => member(<FollowUpPage id={params.id} />)}</Route>
            <Route path="/import">{member(<ImportPage />)}</Route>
            <Route path="/live">{member(<LivePage />)}</Route>
            <Route path="/notifications">{member(<NotificationSettingsPage />)}</Route>
            <Route path="/requirements/:id">{(params) => member(<RequirementPage id={params.id} />)}</Route>
            <Route path="/suppliers/:id">{(params) => member(<SupplierPage id={params.id} />)}</Route>
            <Route path="/focus-areas">{member(<FocusAreasPage />)}</Route>
            <Route path="/focus-areas/:id/report">{(params) => <FocusAreaReportPage id={params.id} />}</Route>
            <Route path="/focus-areas/:id">{(params) => member(<FocusAreaPage id={params.id} />)}</Route>
            <Route path="/products/:id">{(params) => member(<ProductPage id={params.id} />)}</Route>
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </Layout>
    </RouterProvider>
  );
}
