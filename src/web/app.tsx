/**
 * Routes of the web app:
 * - `/` → the first organisation's first unit with an X-matrix (or guidance when there is no data)
 * - `/org/:orgId` → that organisation's first unit
 * - `/org/:orgId/units/:unitId` → the unit's current X-matrix, or its OKRs when it has no matrix
 * - `/org/:orgId/units/:unitId/matrix/:year` → the X-matrix page
 * - `/org/:orgId/units/:unitId/okrs?cycle=C` → the OKRs page (progress, status, check-ins)
 * - `/org/:orgId/units/:unitId/bowling/:year` → the bowling chart with countermeasures
 * - `/org/:orgId/units/:unitId/dashboard?cycle=C` → the unit dashboard
 * - `/org/:orgId/units/:unitId/history?who=&what=&action=&from=&to=&q=&below=1` → the unit's audit trail
 * - `/org/:orgId/overview?cycle=C` → the organisation's quarter statistics
 * - `/org/:orgId/translate/:unitId` → the Translate wizard into that unit
 * - `/org/:orgId/trace/:kind/:id` → the trace of an initiative, KPI, key result or objective
 * - `/org/:orgId/map` → the strategy map of the organisation
 * - `/org/:orgId/import?unit=U` → import OKRs from a CSV or XLSX
 * - `/org/:orgId/check-ins/upload?unit=U` → upload check-ins from a CSV or XLSX
 * - `/org/:orgId/settings/:section` → organisation settings: general, units, cycles, people
 * - `/org/:orgId/members` → members and roles; `/org/:orgId/api-tokens?unit=U` → a unit's API tokens
 * - `/admin/users` → user accounts (site administrators)
 * - `/sign-in?returnTo=P`, `/setup?token=T`, `/invite?token=T` → open to everyone; every other page
 *   needs a session and sends visitors without one to `/sign-in?returnTo=<that page>`
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Route, Switch, useLocation, useRoute, useRouter, useSearch } from 'wouter';
import { queries } from './api/queries';
import { AppShell } from './components/app-shell';
import { ToastProvider } from './components/toast';
import { InLanguage } from './i18n/in-language';
import { OrgProvider, useOrg } from './hooks/org-context';
import { HomePage } from './pages/home-page';
import { CheckInUploadPage } from './pages/check-in-upload-page';
import { ImportPage } from './pages/import-page';
import { MatrixImportPage } from './pages/matrix-import-page';
import { NotFoundPage } from './pages/not-found-page';
import { OrgIndexPage, UnitIndexPage } from './pages/redirect-pages';
import { OverviewPage } from './pages/overview-page';
import { StrategyMapPage } from './pages/strategy-map/strategy-map-page';
import { TracePage } from './pages/trace-page';
import { TranslateWizardPage } from './pages/translate-wizard/translate-wizard-page';
import { UnitPage } from './pages/unit-page';
import { ApiTokensPage } from './pages/admin/api-tokens-page';
import { MembersPage } from './pages/admin/members-page';
import { UsersPage } from './pages/admin/users-page';
import { SettingsPage } from './pages/settings/settings-page';
import { InvitePage } from './pages/auth/invite-page';
import { SetupPage } from './pages/auth/setup-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { isTraceKind, routes } from './paths';
import { prefetchRoute } from './route-prefetch';
import { RequireSession } from './session/require-session';
import { SessionProvider, useSession } from './session/session-context';

export function App() {
  return (
    <ToastProvider>
      {/* Inside the toasts, so a toast shown as the language changes outlives the re-render. */}
      <InLanguage>
        <SessionProvider>
          <RoutePrefetch />
          <Switch>
            <Route path={routes.signIn}>
              <SignInPage />
            </Route>
            <Route path={routes.setup}>
              <SetupPage />
            </Route>
            <Route path={routes.invite}>
              <InvitePage />
            </Route>
            <Route>
              <RequireSession>
                <SignedInApp />
              </RequireSession>
            </Route>
          </Switch>
        </SessionProvider>
      </InLanguage>
    </ToastProvider>
  );
}

function SignedInApp() {
  const organisations = useQuery(queries.organisations());
  return (
    <Switch>
      <Route path={routes.adminUsers}>
        <AppShell
          organisations={organisations.data}
          org={undefined}
          currentOrgId={undefined}
          currentUnitId={undefined}
        >
          <UsersPage />
        </AppShell>
      </Route>
      <Route path={routes.home}>
        <AppShell
          organisations={organisations.data}
          org={undefined}
          currentOrgId={undefined}
          currentUnitId={undefined}
        >
          <HomePage organisations={organisations} />
        </AppShell>
      </Route>
      <Route path={routes.orgAny}>
        {(params) => (
          <OrgProvider orgId={params.orgId}>
            <OrgFrame organisations={organisations.data} orgId={params.orgId} />
          </OrgProvider>
        )}
      </Route>
      <Route>
        <AppShell
          organisations={organisations.data}
          org={undefined}
          currentOrgId={undefined}
          currentUnitId={undefined}
        >
          <NotFoundPage />
        </AppShell>
      </Route>
    </Switch>
  );
}

function OrgFrame({
  organisations,
  orgId,
}: {
  organisations: Parameters<typeof AppShell>[0]['organisations'];
  orgId: string;
}) {
  const org = useOrg();
  const [, unitParams] = useRoute<{ unitId: string }>(routes.unitAny);
  return (
    <AppShell
      organisations={organisations}
      org={org.data}
      currentOrgId={orgId}
      currentUnitId={unitParams?.unitId}
    >
      <Switch>
        <Route path={routes.import}>
          <ImportPage />
        </Route>
        <Route path={routes.checkInUpload}>
          <CheckInUploadPage />
        </Route>
        <Route path={routes.importMatrix}>
          <MatrixImportPage />
        </Route>
        <Route path={routes.members}>
          <MembersPage />
        </Route>
        <Route path={routes.apiTokens}>
          <ApiTokensPage />
        </Route>
        <Route path={routes.settings}>{(params) => <SettingsPage section={params.section} />}</Route>
        <Route path={routes.matrix}>
          {(params) => <UnitPage tab="matrix" unitId={params.unitId} year={Number(params.year)} />}
        </Route>
        <Route path={routes.pressure}>
          {(params) => <UnitPage tab="pressure" unitId={params.unitId} year={Number(params.year)} />}
        </Route>
        <Route path={routes.okrs}>
          {(params) => <UnitPage tab="okrs" unitId={params.unitId} year={undefined} />}
        </Route>
        <Route path={routes.bowling}>
          {(params) => <UnitPage tab="bowling" unitId={params.unitId} year={Number(params.year)} />}
        </Route>
        <Route path={routes.review}>
          {(params) => <UnitPage tab="review" unitId={params.unitId} year={Number(params.year)} />}
        </Route>
        <Route path={routes.dashboard}>
          {(params) => <UnitPage tab="dashboard" unitId={params.unitId} year={undefined} />}
        </Route>
        <Route path={routes.history}>
          {(params) => <UnitPage tab="history" unitId={params.unitId} year={undefined} />}
        </Route>
        <Route path={routes.overview}>
          <OverviewPage />
        </Route>
        <Route path={routes.unit}>{(params) => <UnitIndexPage unitId={params.unitId} />}</Route>
        <Route path={routes.translate}>{(params) => <TranslateWizardPage unitId={params.unitId} />}</Route>
        <Route path={routes.trace}>
          {(params) =>
            isTraceKind(params.kind) ? <TracePage kind={params.kind} id={params.id} /> : <NotFoundPage />
          }
        </Route>
        <Route path={routes.map}>
          <StrategyMapPage />
        </Route>
        <Route path={routes.org}>
          <OrgIndexPage />
        </Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </AppShell>
  );
}

/**
 * Starts the reads of the matched route as soon as the address is known (route-prefetch.ts), while
 * the session is still being checked; a signed-out visitor is on their way to sign in instead.
 */
function RoutePrefetch() {
  const client = useQueryClient();
  const { parser } = useRouter();
  const [location] = useLocation();
  const search = useSearch();
  const signedOut = useSession().session.status === 'signed_out';
  useEffect(() => {
    if (!signedOut) prefetchRoute(client, parser, location, search);
  }, [client, parser, location, search, signedOut]);
  return null;
}
