import { hasGateFailure } from '../../../core/plan-lint';
import type { FeasibilityModel } from '../../../core/feasibility';
import type { PressureTestResult } from '../../../core/pressure-test';
import { initiativesMovingEachKpi } from '../../../core/feasibility-model';
import type {
  CapacityReportView,
  LintReport,
  PressureTestJob,
  PressureTestRequest,
  PressureTestResultView,
  WhatIfBasisView,
} from '../../../contracts';
import { notFound } from '../../errors';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { JobQueue, JobRun } from '../../jobs/job-queue';
import type { SimulationPool } from '../../workers/simulation-pool';
import { analyseMatrix, type MatrixAnalysis } from './plan-analysis';
import type { createPlanExportService } from './plan-export.service';
import { organisationOfUnit } from '../structure/references';
import { NO_MEMO, type MatrixMemo } from '../memo';

const PRESSURE_TEST_JOB = 'pressure-test';

/**
 * The pressure test, capacity and lint of a stored X-matrix. Each reads the organisation's plan as
 * the exporter writes it, so the store and `catchball check` analyse exactly the same thing.
 * Only that matrix is read beside the organisation's units, people and OKRs.
 * Pressure tests run as jobs of the store's queue (pg-boss on PostgreSQL, in process on the
 * embedded store) on the process's bounded simulation pool; any app server reports on a job,
 * and a job whose server stopped is run again or reported failed.
 */
export function createFeasibilityService(
  db: Db,
  planExport: ReturnType<typeof createPlanExportService>,
  jobs: JobQueue,
  pool: SimulationPool,
  memo: MatrixMemo = NO_MEMO,
) {
  function analysis(matrixId: string): Promise<MatrixAnalysis> {
    return memo.get(
      `analysis:${matrixId}`,
      () => matrixId,
      async () => {
        const matrix = await getRow(db, 'xMatrices', matrixId);
        const plan = await planExport.exportPlan(await organisationOfUnit(db, matrix.unitId), { matrixId });
        return analyseMatrix(plan, matrixId);
      },
    );
  }

  /** The simulation is deterministic in the plan, the trials and the seed, so its result is kept like the analysis. */
  function simulate(
    matrixId: string,
    model: FeasibilityModel,
    options: { trials: number; seed: number; onProgress?: (progress: number) => void },
  ): Promise<PressureTestResult> {
    return memo.get(
      `pressure-test:${matrixId}:${String(options.trials)}:${String(options.seed)}`,
      () => matrixId,
      () => pool.run(model, options),
    );
  }

  const presentResult = (
    matrixId: string,
    seed: number,
    result: PressureTestResult,
  ): PressureTestResultView => ({ matrixId, seed, ...result });

  jobs.register(PRESSURE_TEST_JOB, async (payload, context) => {
    const { matrixId, trials, seed } = payload as { matrixId: string; trials: number; seed: number };
    const { model } = await analysis(matrixId);
    const result = await simulate(matrixId, model, {
      trials,
      seed,
      onProgress: (share) => context.progress(share),
    });
    return presentResult(matrixId, seed, result);
  });

  function presentJob(run: JobRun): PressureTestJob {
    const payload = run.payload as { matrixId: string };
    return {
      id: run.id,
      matrixId: payload.matrixId,
      // A queued job is reported as running from 0 %: the client waits on it either way.
      status: run.status === 'queued' ? 'running' : run.status,
      progress: run.status === 'done' ? 1 : run.progress,
      error: run.status === 'done' ? null : run.error,
      result: run.status === 'done' ? (run.result as PressureTestResultView) : null,
      attempts: run.attempts,
    };
  }

  return {
    analysis,

    /** Analyses a matrix and runs its pressure test to the end in a worker: the evidence of a proposal. */
    async analyseAndTest(
      matrixId: string,
      options: { trials: number; seed: number },
    ): Promise<{ analysis: MatrixAnalysis; result: PressureTestResultView }> {
      const analysed = await analysis(matrixId);
      const result = await simulate(matrixId, analysed.model, options);
      return { analysis: analysed, result: presentResult(matrixId, options.seed, result) };
    },

    /** Starts a pressure test job; with `wait`, answers once it has finished. */
    async startPressureTest(matrixId: string, request: PressureTestRequest): Promise<PressureTestJob> {
      await analysis(matrixId);
      const id = await jobs.enqueue(PRESSURE_TEST_JOB, {
        matrixId,
        trials: request.trials,
        seed: request.seed,
      });
      const run = request.wait ? await jobs.wait(id) : await jobs.get(id);
      if (!run) throw notFound('pressure-test job', id);
      return presentJob(run);
    },

    /** The job as its row says, on whichever server it runs. @throws not_found for an unknown job. */
    async getJob(jobId: string): Promise<PressureTestJob> {
      const run = await jobs.get(jobId);
      if (run?.kind !== PRESSURE_TEST_JOB) throw notFound('pressure-test job', jobId);
      return presentJob(run);
    },

    async capacity(matrixId: string): Promise<CapacityReportView> {
      return { matrixId, ...(await analysis(matrixId)).capacity };
    },

    /** The model and capacity question the analysis built, for a browser to run what-if scenarios on. */
    async whatIfBasis(matrixId: string): Promise<WhatIfBasisView> {
      const analysed = await analysis(matrixId);
      const { people, initiatives, targets } = analysed.capacityInput;
      return {
        matrixId,
        model: analysed.model,
        capacity: {
          people: people.map((p) => ({ ...p, skills: [...p.skills] })),
          initiatives: initiatives.map((i) => ({ ...i, effort: [...i.effort], ownerIds: [...i.ownerIds] })),
          targets: targets.map((t) => ({ ...t, initiativeIds: [...t.initiativeIds] })),
        },
        movedBy: Object.fromEntries(initiativesMovingEachKpi(analysed.matrix)),
      };
    },

    async lint(matrixId: string): Promise<LintReport> {
      const { findings } = await analysis(matrixId);
      return { matrixId, passed: !hasGateFailure(findings), findings };
    },
  };
}

export type FeasibilityService = ReturnType<typeof createFeasibilityService>;
