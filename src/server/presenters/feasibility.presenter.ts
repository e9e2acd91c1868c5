import type { EffortView, ImpactView } from '../../contracts';
import type { Row } from '../db/versioned';

export function presentImpact(row: Row<'initiativeImpacts'>): ImpactView {
  return {
    id: row.id,
    matrixId: row.matrixId,
    initiativeId: row.initiativeId,
    kpiId: row.kpiId,
    low: row.low,
    likely: row.likely,
    high: row.high,
    basis: row.basis,
    startMonth: row.startMonth,
    rampMonths: row.rampMonths,
    version: row.version,
  };
}

export function presentEffort(row: Row<'initiativeEfforts'>): EffortView {
  return {
    id: row.id,
    matrixId: row.matrixId,
    initiativeId: row.initiativeId,
    skill: row.skill,
    personDaysPerMonth: row.personDaysPerMonth,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    version: row.version,
  };
}
