import type { Db } from '../db/store';
import { DEMO_FORECAST_MONTHS, recordDemoYear } from '../demo/demo-checkins';
import { createDemoUsers } from '../demo/demo-users';
import { createApiTokensService } from './accounts/api-tokens.service';
import { createBowlingService } from './execution/bowling.service';
import { createCheckInsService } from './execution/check-ins.service';
import { systemClock, type Clock } from './clock';
import { createCountermeasuresService } from './execution/countermeasures.service';
import { createCyclesService } from './structure/cycles.service';
import { createDashboardService } from './execution/dashboard.service';
import { createDigestService } from './execution/digest.service';
import { createMailer, type SmtpSettings } from './notifications/mailer';
import { createNotifier } from './notifications/notifier';
import { createInboxService } from './inbox/inbox.service';
import { createMatrixGridService } from './matrix/matrix-grid.service';
import { createMatrixItemsService } from './matrix/matrix-items.service';
import { createMatricesService } from './matrix/matrices.service';
import { createOkrsService } from './plan/okrs.service';
import { createOkrArrangementService } from './plan/okr-arrangement.service';
import { createOrganisationsService } from './structure/organisations.service';
import { createPeopleService } from './structure/people.service';
import { createPlanExportService } from './plan/plan-export.service';
import { createPlanImportService } from './plan/plan-import.service';
import { createProgressService } from './execution/progress.service';
import { createRhythmService } from './execution/rhythm.service';
import { createItemLinksService } from './matrix/item-links.service';
import { createStrategyMapService } from './plan/strategy-map.service';
import { createTranslationService } from './plan/translation.service';
import { createUnitsService } from './structure/units.service';
import { createOkrImportService } from './plan/okr-import.service';
import { createMatrixWorkbookService } from './matrix/matrix-workbook.service';
import { createCatchballService } from './catchball/catchball.service';
import { createFeasibilityService } from './plan/feasibility.service';
import { createForecastService } from './execution/forecast.service';
import { createForecastQueue } from './execution/forecast-queue';
import { createScenariosService } from './scenarios/scenarios.service';
import { createInitiativePlansService } from './matrix/initiative-plans.service';
import { createWebhooksService } from './catchball/webhooks.service';
import type { DeliveryPolicy } from './catchball/webhook-deliveries';
import { createAuditService } from './accounts/audit.service';
import { createAccountsService } from './accounts/accounts.service';
import { createRolesService } from './accounts/roles.service';
import { createUsersService } from './accounts/users.service';
import type { RateLimits } from '../auth/rate-limit';
import { NO_MEMO, type MatrixMemo } from './memo';
import { createConnectorsService } from './connectors/connectors.service';
import { createSecretBox, type SecretBox } from './connectors/secret-box';
import type { JobQueue } from '../jobs/job-queue';
import { createInProcessQueue } from '../jobs/in-process-queue';
import { sharedSimulationPool, type SimulationPool } from '../workers/simulation-pool';
import { createRolloverService } from './year-close/rollover.service';
import { createYearCloseService } from './year-close/year-close.service';
import { recordDemoClosedYear } from '../demo/demo-closed-year';
import { createImportRuns } from './imports/import-runs.service';

export interface ServiceOptions {
  /** Today's date; the system clock by default, fixed in tests and the demo. */
  clock?: Clock;
  /** Where digests are e-mailed from; without it the digest goes to the webhook only. */
  smtp?: SmtpSettings | null;
  /** Sign-in and token rate limits, when they differ from DEFAULT_RATE_LIMITS (tests use small ones). */
  rateLimits?: Partial<RateLimits>;
  /** Where answers derived from one matrix are kept between changes; nothing is kept by default. */
  memo?: MatrixMemo;
  /** The site's public address, for links in e-mails and webhooks; without it they carry the path only. */
  publicUrl?: string | null;
  /**
   * How connector secrets are sealed; by default CATCHBALL_SECRET_KEY, else the key file (the
   * embedded store's `<data dir>/secret.key`), else sealing is refused.
   */
  secrets?: SecretBox;
  secretKeyFile?: string | null;
  /** Where background jobs run; the app passes the store's queue, others get one in this process. */
  jobs?: JobQueue;
  /** The threads pressure tests run on; one pool per process by default. */
  pool?: SimulationPool;
  /** Webhook retry timing, when it differs from DEFAULT_DELIVERY_POLICY (tests use short ones). */
  deliveryPolicy?: Partial<DeliveryPolicy>;
}

/** Every service over one database handle; routes and CLI commands call these, never the store. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const webhooks = createWebhooksService(db, options.deliveryPolicy);
  const mailer = createMailer(options.smtp ?? null);
  const notifier = createNotifier(db, { mailer, webhooks, publicUrl: options.publicUrl ?? null });
  const countermeasures = createCountermeasuresService(db, notifier);
  const bowling = createBowlingService(db);
  const rhythm = createRhythmService(db);
  const planExport = createPlanExportService(db);
  const memo = options.memo ?? NO_MEMO;
  const jobs = options.jobs ?? createInProcessQueue(db);
  const pool = options.pool ?? sharedSimulationPool();
  const feasibility = createFeasibilityService(db, planExport, jobs, pool, memo);
  const digest = createDigestService(db, clock, rhythm, mailer, webhooks);
  const forecast = createForecastService(db, clock, (matrixId) => feasibility.analysis(matrixId));
  const forecastQueue = createForecastQueue((kpiIds) => forecast.recordForKpis(kpiIds));
  const checkIns = createCheckInsService(db, clock, (kpiIds) => {
    forecastQueue.schedule(kpiIds);
    return Promise.resolve();
  });
  const secrets =
    options.secrets ??
    createSecretBox({ envKey: process.env.CATCHBALL_SECRET_KEY, keyFile: options.secretKeyFile ?? null });
  const progress = createProgressService(db, clock);
  const scenarios = createScenariosService(db, feasibility, pool);
  const importRuns = createImportRuns();
  return {
    organisations: createOrganisationsService(db),
    units: createUnitsService(db),
    people: createPeopleService(db),
    cycles: createCyclesService(db),
    okrs: createOkrsService(db),
    okrArrangement: createOkrArrangementService(db),
    matrices: createMatricesService(db),
    items: createMatrixItemsService(db),
    grid: createMatrixGridService(db),
    /** Imports in flight on this server: progress by run id, one import per organisation or matrix. */
    importRuns,
    planImport: createPlanImportService(db, importRuns),
    planExport,
    matrixWorkbook: createMatrixWorkbookService(db, planExport, importRuns),
    checkIns,
    connectors: createConnectorsService(db, clock, checkIns, { secrets }),
    apiTokens: createApiTokensService(db),
    progress,
    yearClose: createYearCloseService(db, clock, progress),
    rollover: createRolloverService(db),
    bowling,
    countermeasures,
    rhythm,
    dashboard: createDashboardService(db, clock, countermeasures, bowling),
    digest,
    inbox: createInboxService(db, clock, digest),
    /** The demo's year of check-ins, recorded after the demo plan is imported. */
    demo: {
      recordYear: () => recordDemoYear(db),
      /** The CSO matrix's forecast for the months the demo year has check-ins, as each month ended. */
      recordForecasts: () => forecast.recordMonths('cso-2026', DEMO_FORECAST_MONTHS),
      recordClosedYear: () => recordDemoClosedYear(db),
      createUsers: (passwordHash: Promise<string>) => createDemoUsers(db, passwordHash),
    },
    initiativePlans: createInitiativePlansService(db),
    feasibility,
    forecast: { ...forecast, settled: () => forecastQueue.settled() },
    scenarios,
    webhooks,
    catchball: createCatchballService(db, feasibility, scenarios, notifier, clock),
    okrImport: createOkrImportService(db, importRuns),
    translation: createTranslationService(db),
    itemLinks: createItemLinksService(db),
    strategyMap: createStrategyMapService(db, memo),
    audit: createAuditService(db),
    accounts: createAccountsService(db, {
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    }),
    users: createUsersService(db),
    roles: createRolesService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
