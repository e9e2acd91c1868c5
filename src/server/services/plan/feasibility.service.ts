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
import { newId } from '../../ids';
import { runPressureTestInWorker } from '../../workers/pressure-test-runner';
import { analyseMatrix, type MatrixAnalysis } from './plan-analysis';
import type { createPlanExportService } from './plan-export.service';
import { organisationOfUnit } from '../structure/references';
import { NO_MEMO, type MatrixMemo } from '../memo';

/** Finished jobs are kept this long for clients polling late, then forgotten. */
const JOB_RETENTION_MS = 15 * 60 * 1000;

interface JobState {
  job: PressureTestJob;
  finishedAt: number | null;
  done: Promise<void>;
}

/**
 * The pressure test, capacity and lint of a stored X-matrix. Each reads the organisation's plan as
 * the exporter writes it, so the store and `catchball check` analyse exactly the same thing.
 * Only that matrix is read beside the organisation's units, people and OKRs.
 * Pressure tests run in worker threads as jobs with progress; jobs live in the memory of the
 * server that started them (a client polls the server it posted to).
 */
export function createFeasibilityService(
  db: Db,
  planExport: ReturnType<typeof createPlanExportService>,
  memo: MatrixMemo = NO_MEMO,
) {
  const jobs = new Map<string, JobState>();

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
      () => runPressureTestInWorker(model, options),
    );
  }

  function forgetOldJobs(now: number) {
    for (const [id, state] of jobs)
      if (state.finishedAt !== null && now - state.finishedAt > JOB_RETENTION_MS) jobs.delete(id);
  }

  const presentResult = (
    matrixId: string,
    seed: number,
    result: PressureTestResult,
  ): PressureTestResultView => ({ matrixId, seed, ...result });

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
      const { model } = await analysis(matrixId);
      forgetOldJobs(Date.now());
      const job: PressureTestJob = {
        id: newId('ptj'),
        matrixId,
        status: 'running',
        progress: 0,
        error: null,
        result: null,
      };
      const state: JobState = { job, finishedAt: null, done: Promise.resolve() };
      state.done = simulate(matrixId, model, {
        trials: request.trials,
        seed: request.seed,
        onProgress: (progress) => {
          job.progress = progress;
        },
      }).then(
        (result) => {
          Object.assign(job, {
            status: 'done',
            progress: 1,
            result: presentResult(matrixId, request.seed, result),
          });
          state.finishedAt = Date.now();
        },
        (error: unknown) => {
          Object.assign(job, {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
          state.finishedAt = Date.now();
        },
      );
      jobs.set(job.id, state);
      if (request.wait) await state.done;
      return { ...job };
    },

    /** @throws not_found for an unknown (or long finished) job. */
    getJob(jobId: string): PressureTestJob {
      const state = jobs.get(jobId);
      if (!state) throw notFound('pressure-test job', jobId);
      return { ...state.job };
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
