import type { Db } from '../db/store';
import { recordDemoYear } from '../demo/demo-checkins';
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
import { createInitiativePlansService } from './matrix/initiative-plans.service';
import { createWebhooksService } from './catchball/webhooks.service';
import { createAuditService } from './accounts/audit.service';
import { createAccountsService } from './accounts/accounts.service';
import { createRolesService } from './accounts/roles.service';
import { createUsersService } from './accounts/users.service';
import type { RateLimits } from '../auth/rate-limit';
import { NO_MEMO, type MatrixMemo } from './memo';

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
}

/** Every service over one database handle; routes and CLI commands call these, never the store. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const webhooks = createWebhooksService(db);
  const mailer = createMailer(options.smtp ?? null);
  const notifier = createNotifier(db, { mailer, webhooks, publicUrl: options.publicUrl ?? null });
  const countermeasures = createCountermeasuresService(db, notifier);
  const bowling = createBowlingService(db);
  const rhythm = createRhythmService(db);
  const planExport = createPlanExportService(db);
  const memo = options.memo ?? NO_MEMO;
  const feasibility = createFeasibilityService(db, planExport, memo);
  const digest = createDigestService(db, clock, rhythm, mailer);
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
    planImport: createPlanImportService(db),
    planExport,
    matrixWorkbook: createMatrixWorkbookService(db, planExport),
    checkIns: createCheckInsService(db, clock),
    apiTokens: createApiTokensService(db),
    progress: createProgressService(db, clock),
    bowling,
    countermeasures,
    rhythm,
    dashboard: createDashboardService(db, clock, countermeasures, bowling),
    digest,
    inbox: createInboxService(db, clock, digest),
    /** The demo's year of check-ins, recorded after the demo plan is imported. */
    demo: {
      recordYear: () => recordDemoYear(db),
      createUsers: (passwordHash: Promise<string>) => createDemoUsers(db, passwordHash),
    },
    initiativePlans: createInitiativePlansService(db),
    feasibility,
    webhooks,
    catchball: createCatchballService(db, feasibility, notifier, clock),
    okrImport: createOkrImportService(db),
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
