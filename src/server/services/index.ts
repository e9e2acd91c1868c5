import type { Db } from '../db/store';
import { recordDemoYear } from '../demo/demo-checkins';
import { createDemoUsers } from '../demo/demo-users';
import { createApiTokensService } from './api-tokens.service';
import { createBowlingService } from './bowling.service';
import { createCheckInsService } from './check-ins.service';
import { systemClock, type Clock } from './clock';
import { createCountermeasuresService } from './countermeasures.service';
import { createCyclesService } from './cycles.service';
import { createDashboardService } from './dashboard.service';
import { createDigestService, type SmtpSettings } from './digest.service';
import { createMatrixGridService } from './matrix-grid.service';
import { createMatrixItemsService } from './matrix-items.service';
import { createMatricesService } from './matrices.service';
import { createOkrsService } from './okrs.service';
import { createOrganisationsService } from './organisations.service';
import { createPeopleService } from './people.service';
import { createPlanExportService } from './plan-export.service';
import { createPlanImportService } from './plan-import.service';
import { createProgressService } from './progress.service';
import { createRhythmService } from './rhythm.service';
import { createItemLinksService } from './item-links.service';
import { createStrategyMapService } from './strategy-map.service';
import { createTranslationService } from './translation.service';
import { createUnitsService } from './units.service';
import { createOkrImportService } from './okr-import.service';
import { createMatrixWorkbookService } from './matrix-workbook.service';
import { createCatchballService } from './catchball.service';
import { createFeasibilityService } from './feasibility.service';
import { createInitiativePlansService } from './initiative-plans.service';
import { createWebhooksService } from './webhooks.service';
import { createAuditService } from './audit.service';
import { createAccountsService } from './accounts.service';
import { createRolesService } from './roles.service';
import { createUsersService } from './users.service';
import type { RateLimits } from '../auth/rate-limit';

export interface ServiceOptions {
  /** Today's date; the system clock by default, fixed in tests and the demo. */
  clock?: Clock;
  /** Where digests are e-mailed from; without it the digest goes to the webhook only. */
  smtp?: SmtpSettings | null;
  /** Sign-in and token rate limits, when they differ from DEFAULT_RATE_LIMITS (tests use small ones). */
  rateLimits?: Partial<RateLimits>;
}

/** Every service over one database handle; routes and CLI commands call these, never the store. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const countermeasures = createCountermeasuresService(db);
  const rhythm = createRhythmService(db);
  const planExport = createPlanExportService(db);
  const feasibility = createFeasibilityService(db, planExport);
  const webhooks = createWebhooksService(db);
  return {
    organisations: createOrganisationsService(db),
    units: createUnitsService(db),
    people: createPeopleService(db),
    cycles: createCyclesService(db),
    okrs: createOkrsService(db),
    matrices: createMatricesService(db),
    items: createMatrixItemsService(db),
    grid: createMatrixGridService(db),
    planImport: createPlanImportService(db),
    planExport,
    matrixWorkbook: createMatrixWorkbookService(db, planExport),
    checkIns: createCheckInsService(db, clock),
    apiTokens: createApiTokensService(db),
    progress: createProgressService(db, clock),
    bowling: createBowlingService(db),
    countermeasures,
    rhythm,
    dashboard: createDashboardService(db, clock, countermeasures),
    digest: createDigestService(db, clock, rhythm, options.smtp ?? null),
    /** The demo's year of check-ins, recorded after the demo plan is imported. */
    demo: {
      recordYear: () => recordDemoYear(db),
      createUsers: (passwordHash: Promise<string>) => createDemoUsers(db, passwordHash),
    },
    initiativePlans: createInitiativePlansService(db),
    feasibility,
    webhooks,
    catchball: createCatchballService(db, feasibility, webhooks),
    okrImport: createOkrImportService(db),
    translation: createTranslationService(db),
    itemLinks: createItemLinksService(db),
    strategyMap: createStrategyMapService(db),
    audit: createAuditService(db),
    accounts: createAccountsService(db, {
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    }),
    users: createUsersService(db),
    roles: createRolesService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
