import type { Db } from '../db/store';
import { createCyclesService } from './cycles.service';
import { createMatrixGridService } from './matrix-grid.service';
import { createMatrixItemsService } from './matrix-items.service';
import { createMatricesService } from './matrices.service';
import { createOkrsService } from './okrs.service';
import { createOrganisationsService } from './organisations.service';
import { createPeopleService } from './people.service';
import { createPlanExportService } from './plan-export.service';
import { createPlanImportService } from './plan-import.service';
import { createItemLinksService } from './item-links.service';
import { createStrategyMapService } from './strategy-map.service';
import { createTranslationService } from './translation.service';
import { createUnitsService } from './units.service';

/** Every service over one database handle; routes and CLI commands call these, never the store. */
export function createServices(db: Db) {
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
    planExport: createPlanExportService(db),
    translation: createTranslationService(db),
    itemLinks: createItemLinksService(db),
    strategyMap: createStrategyMapService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
