import type { Correlation, MatrixItem, Ownership, XMatrix } from '../../contracts';
import type { Row } from '../db/versioned';

export function presentMatrix(row: Row<'xMatrices'>): XMatrix {
  return { id: row.id, unitId: row.unitId, year: row.year, trueNorth: row.trueNorth, version: row.version };
}

export function presentItem(row: Row<'matrixItems'>): MatrixItem {
  return {
    id: row.id,
    matrixId: row.matrixId,
    part: row.part,
    title: row.title,
    description: row.description,
    position: row.position,
    version: row.version,
    sourceObjectiveId: row.sourceObjectiveId,
    targetYear: row.targetYear,
    sourceKeyResultId: row.sourceKeyResultId,
    startDate: row.startDate,
    endDate: row.endDate,
    effortPersonDays: row.effortPersonDays,
    requiredSkills: row.requiredSkills,
    status: row.status,
    deliveryProbability: row.deliveryProbability,
    unitOfMeasure: row.unitOfMeasure,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    targetHigh: row.targetHigh,
    monthlyPlan: row.monthlyPlan,
    ownerId: row.ownerId,
    personId: row.personId,
    teamUnitId: row.teamUnitId,
    sourceItemId: row.sourceItemId,
  };
}

export function presentCorrelation(row: Row<'correlations'>): Correlation {
  return {
    id: row.id,
    matrixId: row.matrixId,
    grid: row.grid,
    fromId: row.fromId,
    toId: row.toId,
    strength: row.strength,
    version: row.version,
  };
}

export function presentOwnership(row: Row<'ownerships'>): Ownership {
  return {
    id: row.id,
    matrixId: row.matrixId,
    initiativeId: row.initiativeId,
    whoId: row.whoId,
    role: row.role,
    version: row.version,
  };
}
