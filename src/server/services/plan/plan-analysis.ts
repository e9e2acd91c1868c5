import { computeCapacity, type CapacityInput, type CapacityReport } from '../../../core/capacity';
import type { FeasibilityModel } from '../../../core/feasibility';
import {
  capacityInputOf,
  feasibilityModelOf,
  findMatrix,
  type FeasibilityMatrix,
} from '../../../core/feasibility-model';
import { lintMatrix, type LintFinding } from '../../../core/plan-lint';
import { DomainError } from '../../../core/errors';
import type { PlanDocument } from '../../../contracts';

/** One matrix of a plan document, ready for the pressure test, the capacity view and the lint. */
export interface MatrixAnalysis {
  matrix: FeasibilityMatrix;
  model: FeasibilityModel;
  capacityInput: CapacityInput;
  capacity: CapacityReport;
  findings: LintFinding[];
}

/**
 * Everything but the simulation for one matrix of a plan: the model, the capacity report and the
 * lint findings. The server (over an exported plan) and `catchball check` (over a file) share it.
 * @throws DomainError `not_found` when the plan has no such matrix.
 */
export function analyseMatrix(plan: PlanDocument, matrixId: string): MatrixAnalysis {
  const matrix = findMatrix(plan, matrixId);
  if (!matrix)
    throw new DomainError('not_found', `No X-matrix with id ${matrixId}`, { kind: 'X-matrix', id: matrixId });
  const model = feasibilityModelOf(plan, matrix);
  const capacityInput = capacityInputOf(plan, matrix, model);
  const capacity = computeCapacity(capacityInput);
  return { matrix, model, capacityInput, capacity, findings: lintMatrix(plan, matrixId, capacity) };
}
