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
import { createUnitsService } from './units.service';
import { createOkrImportService } from './okr-import.service';
import { createMatrixWorkbookService } from './matrix-workbook.service';

/** Every service over one database handle; routes and CLI commands call these, never the store. */
export function createServices(db: Db) {
  const planExport = createPlanExportService(db);
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
    okrImport: createOkrImportService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
