import { z } from 'zod';
import { computeCapacity } from '../../../core/capacity';
import { DomainError, validationError } from '../../../core/errors';
import { DEFAULT_TRIALS } from '../../../core/pressure-test';
import {
  capacityDifferences,
  replacedValues,
  scenarioConflicts,
  scenarioProblems,
  summarise,
  type ReplacedValue,
  type ScenarioSummary,
} from '../../../core/scenario-compare';
import { applyScenario, describeScenario, type Scenario, type WhatIfBasis } from '../../../core/what-if';
import {
  ScenarioChangesSchema,
  ScenarioSummarySchema,
  type ScenarioApplyPreview,
  type ScenarioChanges,
  type ScenarioComparison,
  type ScenarioView,
} from '../../../contracts';
import {
  findScenario,
  insertScenario,
  scenarioNameTaken,
  scenariosOfMatrix,
  type ScenarioRow,
} from '../../db/repositories/scenario.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, getRow, toJson, updateVersioned } from '../../db/versioned';
import { notFound } from '../../errors';
import { newId } from '../../ids';
import type { SimulationPool } from '../../workers/simulation-pool';
import type { FeasibilityService } from '../plan/feasibility.service';
import { applyWords, writeScenario } from './scenario-writes';

/** The seed and trials of a scenario's outcome: the pressure test page's, so the numbers match. */
const RUN = { trials: DEFAULT_TRIALS, seed: 1 };

const ReplacedSchema = z.array(
  z.object({
    key: z.string(),
    label: z.string(),
    value: z.union([z.number(), z.array(z.number()), z.null()]),
  }),
);

const changesOf = (row: ScenarioRow): Scenario => ScenarioChangesSchema.parse(row.changes);

/**
 * Saved what-if scenarios of a matrix: saved with the pressure test's outcome of their changes
 * (same trials and seed as the page, run on the simulation pool), compared with the plan as it is now,
 * applied to the plan in one transaction (refused, naming the item, where the plan changed since
 * the scenario was saved), deleted. Catchball proposals name them as evidence (catchball service).
 */
export function createScenariosService(db: Db, feasibility: FeasibilityService, pool: SimulationPool) {
  async function outcome(basis: WhatIfBasis, changes: Scenario): Promise<ScenarioSummary> {
    const { model } = applyScenario(basis, changes);
    return summarise(await pool.run(model, RUN), RUN.seed);
  }

  function present(row: ScenarioRow, basis: WhatIfBasis): ScenarioView {
    const changes = ScenarioChangesSchema.parse(row.changes);
    return {
      id: row.id,
      matrixId: row.matrixId,
      name: row.name,
      changes,
      description: describeScenario(basis, changes),
      summary: ScenarioSummarySchema.parse(row.summary),
      createdBy: row.createdBy,
      createdByName: row.createdByName,
      appliedAt: row.appliedAt ? new Date(row.appliedAt).toISOString() : null,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      version: row.version,
    };
  }

  async function load(id: string): Promise<{ row: ScenarioRow; basis: WhatIfBasis }> {
    const row = await findScenario(db, id);
    if (!row) throw notFound('what-if scenario', id);
    return { row, basis: await feasibility.whatIfBasis(row.matrixId) };
  }

  async function assertNameFree(matrixId: string, name: string, exceptId: string | null) {
    if (await scenarioNameTaken(db, matrixId, name, exceptId))
      throw new DomainError('already_exists', `This X-matrix already has a scenario called “${name}”`, {
        issues: [{ path: 'name', message: 'is taken by another scenario of this matrix' }],
      });
  }

  function assertReferences(basis: WhatIfBasis, changes: Scenario) {
    const problems = scenarioProblems(basis, changes);
    if (problems.length > 0) throw validationError(problems, 'The scenario names what is not in this matrix');
  }

  function preview(row: ScenarioRow, basis: WhatIfBasis): ScenarioApplyPreview {
    const changes = changesOf(row);
    const conflicts = scenarioConflicts(ReplacedSchema.parse(row.replaced), basis, changes);
    return { scenarioId: row.id, ...applyWords(basis, changes), conflicts };
  }

  return {
    async create(
      matrixId: string,
      input: { name: string; changes: ScenarioChanges },
      createdBy: string | null,
    ): Promise<ScenarioView> {
      await getRow(db, 'xMatrices', matrixId);
      await assertNameFree(matrixId, input.name, null);
      const basis = await feasibility.whatIfBasis(matrixId);
      assertReferences(basis, input.changes);
      const replaced: ReplacedValue[] = replacedValues(basis, input.changes);
      const summary = await outcome(basis, input.changes);
      const id = newId('scn');
      await insertScenario(db, {
        id,
        matrixId,
        name: input.name,
        changes: toJson(input.changes),
        replaced: toJson(replaced),
        summary: toJson(summary),
        createdBy,
      });
      const { row } = await load(id);
      return present(row, basis);
    },

    async list(matrixId: string): Promise<ScenarioView[]> {
      await getRow(db, 'xMatrices', matrixId);
      const basis = await feasibility.whatIfBasis(matrixId);
      return (await scenariosOfMatrix(db, matrixId)).map((row) => present(row, basis));
    },

    async get(id: string): Promise<ScenarioView> {
      const { row, basis } = await load(id);
      return present(row, basis);
    },

    /** Renames it, or replaces its changes (the outcome and the replaced plan values are taken anew). */
    async update(
      id: string,
      input: { version: number; name?: string | undefined; changes?: ScenarioChanges | undefined },
    ): Promise<ScenarioView> {
      const { row, basis } = await load(id);
      if (input.name !== undefined) await assertNameFree(row.matrixId, input.name, id);
      const changes = input.changes;
      if (changes) assertReferences(basis, changes);
      await updateVersioned(
        db,
        'whatIfScenarios',
        id,
        input.version,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(changes
            ? {
                changes: toJson(changes),
                replaced: toJson(replacedValues(basis, changes)),
                summary: toJson(await outcome(basis, changes)),
                appliedAt: null,
              }
            : {}),
        },
        (current) => ({ id: current.id, version: current.version, name: current.name }),
      );
      return present((await load(id)).row, basis);
    },

    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'whatIfScenarios', id, version, (current) => ({
        id: current.id,
        version: current.version,
      }));
    },

    /** The scenario as saved beside the plan as it is now, per target and in capacity. */
    async compare(id: string): Promise<ScenarioComparison> {
      const { row, basis } = await load(id);
      const changes = changesOf(row);
      const scenario = present(row, basis);
      const plan = (await feasibility.analyseAndTest(row.matrixId, RUN)).result;
      const unitOf = (kpiId: string) => basis.model.kpis.find((k) => k.id === kpiId)?.unitOfMeasure ?? '';
      const keyOf = (t: { kind: string; targetId: string }) => `${t.kind}:${t.targetId}`;
      const scenarioTargets = new Map(scenario.summary.targets.map((t) => [keyOf(t), t]));
      const planKeys = new Set(plan.targets.map(keyOf));
      const targets = [
        ...plan.targets.map((t) => {
          const s = scenarioTargets.get(keyOf(t));
          return {
            kind: t.kind,
            targetId: t.targetId,
            kpiId: t.kpiId,
            title: t.title,
            unitOfMeasure: unitOf(t.kpiId),
            target: t.target,
            plan: { probability: t.probability, p80: t.reachable.p80 },
            scenario: s ? { probability: s.probability, p80: s.p80 } : null,
          };
        }),
        ...scenario.summary.targets
          .filter((t) => !planKeys.has(keyOf(t)))
          .map((t) => ({
            ...t,
            unitOfMeasure: unitOf(t.kpiId),
            plan: null,
            scenario: { probability: t.probability, p80: t.p80 },
          })),
      ];
      const allocation = changes.allocation;
      const capacity = capacityDifferences(
        computeCapacity({ ...basis.capacity, allocation }),
        computeCapacity(applyScenario(basis, changes).capacity),
      );
      const conflicts = scenarioConflicts(ReplacedSchema.parse(row.replaced), basis, changes);
      return { scenario, targets, capacity, conflicts };
    },

    async previewApply(id: string): Promise<ScenarioApplyPreview> {
      const { row, basis } = await load(id);
      return preview(row, basis);
    },

    /**
     * Writes the scenario's plan changes in one transaction, after checking that nothing it
     * replaces has changed since it was saved. @throws version_conflict naming each item.
     */
    async apply(id: string, version: number): Promise<ScenarioApplyPreview> {
      const { row, basis } = await load(id);
      const answer = preview(row, basis);
      if (answer.conflicts.length > 0)
        throw new DomainError(
          'version_conflict',
          `The plan changed since “${row.name}” was saved; nothing was applied. ${answer.conflicts.map((c) => c.message).join('; ')}`,
          { conflicts: answer.conflicts },
        );
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'whatIfScenarios', id, version, { appliedAt: new Date() }, (current) => ({
          id: current.id,
          version: current.version,
        }));
        await writeScenario(trx, row.matrixId, basis, changesOf(row));
      });
      return answer;
    },

    /** The scenario's outcome for one target, for a proposal's evidence; null when it has none. */
    async evidenceFor(
      id: string,
      matrixId: string,
      target: { kind: string; targetId: string } | null,
    ): Promise<{ id: string; name: string; description: string[]; trials: number; outcome: unknown } | null> {
      const row = await findScenario(db, id);
      if (!row || row.matrixId !== matrixId)
        throw validationError([
          { path: 'scenarioId', message: `${id} is not a saved scenario of matrix ${matrixId}` },
        ]);
      const view = present(row, await feasibility.whatIfBasis(matrixId));
      const outcome =
        target && view.summary.targets.find((t) => t.kind === target.kind && t.targetId === target.targetId);
      return {
        id,
        name: view.name,
        description: view.description,
        trials: view.summary.trials,
        outcome: outcome ?? null,
      };
    },
  };
}

export type ScenariosService = ReturnType<typeof createScenariosService>;
