import { z } from 'zod';
import { TARGET_KINDS } from '../core/feasibility';
import { IdSchema, IsoDateSchema } from './common';
import { KpiDirectionSchema } from './x-matrix';

/**
 * The forecast from actuals (core/forecast.ts), recorded monthly: "chance of hitting the target by
 * year end, now" for every target of one X-matrix, and how it moved month by month.
 */
export const ForecastPointSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    asOf: IsoDateSchema,
    probability: z.number().min(0).max(1),
    actual: z
      .number()
      .nullable()
      .meta({ description: "The KPI's latest actual it started from; null: none yet" }),
    median: z.number().meta({ description: 'The year-end value reached in half the trials' }),
  })
  .meta({ id: 'ForecastPoint' });

export const TargetForecastSchema = z
  .object({
    targetId: IdSchema,
    kind: z.enum(TARGET_KINDS),
    title: z.string(),
    kpiId: IdSchema,
    kpiTitle: z.string(),
    unitOfMeasure: z.string(),
    direction: KpiDirectionSchema,
    target: z.number(),
    targetHigh: z.number().nullable(),
    /** Every target tested on the same KPI, direction and value (core/target-groups.ts), the lead first. */
    sameOutcome: z.array(z.object({ targetId: IdSchema, kind: z.enum(TARGET_KINDS), title: z.string() })),
    points: z.array(ForecastPointSchema).meta({ description: 'Recorded months, oldest first' }),
    sentence: z.string().nullable().meta({
      description: 'In words: "Chance of reaching 60 % by December, now: 34 % (was 61 % in March)"',
    }),
  })
  .meta({ id: 'TargetForecast' });

export const ForecastHistorySchema = z
  .object({
    matrixId: IdSchema,
    year: z.number().int(),
    /** One per group of targets that test the same outcome, in the order of the matrix's KPIs. */
    targets: z.array(TargetForecastSchema),
  })
  .meta({ id: 'ForecastHistory' });

export type ForecastPointView = z.infer<typeof ForecastPointSchema>;
export type TargetForecast = z.infer<typeof TargetForecastSchema>;
export type ForecastHistory = z.infer<typeof ForecastHistorySchema>;
